package store

import "github.com/cayleygraph/quad"

// Vocab is the namespace of newsgraph's vocabulary.
const Vocab = "https://newsgraph.dev/ns#"

const rdfType = quad.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

func ng(term string) quad.IRI { return quad.IRI(Vocab + term) }

var (
	classEntity     = ng("Entity")
	classValue      = ng("Value")
	classMention    = ng("Mention")
	classStatement  = ng("Statement")
	classProvenance = ng("Provenance")
	classArticle    = ng("Article")
	classArgument   = ng("Argument")
	classClaim      = ng("Claim")
	classPlace      = ng("Place")

	pName         = ng("name")
	pEntityType   = ng("entityType")
	pAlias        = ng("alias")
	pValue        = ng("value")
	pUnit         = ng("unit")
	pMentionOf    = ng("mentionOf")
	pArticle      = ng("article")
	pStart        = ng("start")
	pEnd          = ng("end")
	pText         = ng("text")
	pSentence     = ng("sentence")
	pRule         = ng("rule")
	pSubject      = ng("subject")
	pPredicate    = ng("predicate")
	pObject       = ng("object")
	pNegated      = ng("negated")
	pModality     = ng("modality")
	pProvenance   = ng("provenance")
	pRelation     = ng("relation")
	pConfidence   = ng("confidence")
	pTime         = ng("time")
	pPlace        = ng("place")
	pDate         = ng("date")
	pAttributedTo = ng("attributedTo")
	pTitle        = ng("title")
	pSource       = ng("source")
	pAuthor       = ng("author")
	pURL          = ng("url")
	pCopyOf       = ng("copyOf")
	pPublishedAt  = ng("publishedAt")
	pHash         = ng("hash")
	pArgument     = ng("argument")
	pIndex        = ng("index")
	pRole         = ng("role")
	pVia          = ng("via")
	pArgValue     = ng("argumentValue")
	// A claim records that articles give a shared node a property (a
	// name, an alias, a value or a unit): see Store.documentQuads.
	pClaimSubject   = ng("claimSubject")
	pClaimPredicate = ng("claimPredicate")
	pClaimObject    = ng("claimObject")
	pClaimedBy      = ng("claimedBy")
	// A place (a GeoNames feature) that entities are owl:sameAs and
	// articles are filed from: its coordinates in the W3C WGS84
	// vocabulary, its country, division and kind (see placeQuads).
	pLat         = quad.IRI("http://www.w3.org/2003/01/geo/wgs84_pos#lat")
	pLong        = quad.IRI("http://www.w3.org/2003/01/geo/wgs84_pos#long")
	pCountryCode = ng("countryCode")
	pAdmin       = ng("admin")
	pPlaceKind   = ng("placeKind")
	pLocation    = ng("location")
)
