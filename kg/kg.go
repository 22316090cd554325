package kg

import (
	"strings"
	"time"
	"unicode/utf8"
)

// EntityType is the coarse type of an entity or a literal value.
type EntityType string

// The types an entity or value can have.
const (
	Person       EntityType = "PERSON"
	Organization EntityType = "ORGANIZATION"
	GPE          EntityType = "GPE" // countries, states, cities
	Location     EntityType = "LOCATION"
	NORP         EntityType = "NORP" // nationalities, religious and political groups
	Event        EntityType = "EVENT"
	Date         EntityType = "DATE"
	Quantity     EntityType = "QUANTITY"
	Concept      EntityType = "CONCEPT"
)

// EntityTypes lists every type in a fixed order.
var EntityTypes = []EntityType{Person, Organization, GPE, Location, NORP, Event, Date, Quantity, Concept}

// IsNamed reports whether values of type t are named entities (as opposed to
// literal values such as quantities, dates and concepts).
func (t EntityType) IsNamed() bool {
	switch t {
	case Person, Organization, GPE, Location, NORP, Event:
		return true
	}
	return false
}

// Valid reports whether t is one of EntityTypes.
func (t EntityType) Valid() bool {
	for _, x := range EntityTypes {
		if t == x {
			return true
		}
	}
	return false
}

// Span is a half-open range of Unicode code points in an article's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Mention is one occurrence of an entity in an article.
type Mention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"-"`
	// Rule says why this mention was joined to its entity ("name",
	// "surname", "pronoun", "title", "alias", ...).
	Rule string `json:"-"`
}

// Entity is a named thing: a person, an organization, a place.
type Entity struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Aliases  []string   `json:"aliases"`
	Mentions []Mention  `json:"mentions"`
	// Members are the other entities, from other articles or sources,
	// that the store joined to this one (see LinkEntities). The loader,
	// which sees one article, leaves it empty.
	Members []Member `json:"members,omitempty"`
	// Location is where a place is, when geocoding found one reading
	// (package geo).
	Location *Geocode `json:"location,omitempty"`
	// SameAs are IRIs of other graphs naming the same thing: its GeoNames
	// feature, a knowledge base's item (package kb).
	SameAs []string `json:"sameAs,omitempty"`
}

// Member is an entity joined to another across articles, and why.
type Member struct {
	ID   string     `json:"id"`
	Name string     `json:"name"`
	Type EntityType `json:"type"`
	Rule string     `json:"rule"`
}

// Node is one end of a statement: an entity, or a literal value (a
// quantity, a date, a concept) that has no entity behind it.
type Node struct {
	ID   string     `json:"id,omitempty"`
	Name string     `json:"name"`
	Type EntityType `json:"type"`
	// Value and Unit are set for quantities: "more than 32,000 military
	// troops" has Value 32000 and Unit "troops".
	Value *float64 `json:"value,omitempty"`
	Unit  string   `json:"unit,omitempty"`
}

// IsEntity reports whether n is a named entity rather than a literal value.
func (n Node) IsEntity() bool { return n.Type.IsNamed() }

// Statement is a subject–predicate–object fact read from one sentence.
type Statement struct {
	ID        string `json:"id"`
	Subject   Node   `json:"subject"`
	Predicate string `json:"predicate"` // lemma form: "deploy", "meet with"
	Relation  string `json:"relation"`  // surface form: "sent", "met with"
	Object    Node   `json:"object"`

	Confidence float64 `json:"confidence"`
	Sentence   int     `json:"sentence"`
	Span       Span    `json:"span"`
	Text       string  `json:"text"`

	// Qualifiers, set where the text states them.
	Time string `json:"time,omitempty"`
	// Date is Time placed on the calendar against the article's date
	// (ISO 8601: "2006-02-22", a week "2006-W07", "2006-02", "2006").
	Date         string `json:"date,omitempty"`
	Place        string `json:"place,omitempty"`
	Negated      bool   `json:"negated,omitempty"`
	Modality     string `json:"modality,omitempty"` // "will", "may", "want", "if"...
	AttributedTo *Node  `json:"attributedTo,omitempty"`

	// Arguments are the clause's further arguments beyond the object:
	// "deployed troops [to the border] [on Tuesday]".
	Arguments []Argument `json:"arguments,omitempty"`

	// Provenance lists every reading of the statement, when read back from
	// a store.
	Provenance []Provenance `json:"-"`
	// Partial marks a statement read from its own node only (a list's
	// page): Relation, Text, Span, Sentence, Time, Place, AttributedTo,
	// Arguments and Provenance are not filled; the store's Statement reads
	// them.
	Partial bool `json:"-"`
}

// Argument is one of a statement's further arguments: its role, the
// preposition or conjunction that introduced it, and its value.
type Argument struct {
	Role  Role   `json:"role"`
	Via   string `json:"via,omitempty"` // "on", "to", "because"
	Value Node   `json:"value"`
}

// Role is what an argument says about its statement.
type Role string

// The roles of arguments.
const (
	RoleTime      Role = "TIME"      // on Tuesday, after the talks
	RolePlace     Role = "PLACE"     // in Chiapas, at the border
	RoleManner    Role = "MANNER"    // by train, with force
	RoleReason    Role = "REASON"    // because of the influx, due to ...
	RolePurpose   Role = "PURPOSE"   // for talks, to stop the flow
	RoleCondition Role = "CONDITION" // if Mexico gives ..., unless ...
	RoleSource    Role = "SOURCE"    // according to the ministry
	RoleOther     Role = "OTHER"
)

// Provenance is where a statement was read.
type Provenance struct {
	Article    string
	Sentence   int
	Span       Span
	Text       string
	Relation   string
	Confidence float64
	Arguments  []Argument
}

// Article is one news article.
type Article struct {
	ID          string
	Title       string
	Source      string
	PublishedAt time.Time // zero when unknown
	// Author and URL are what a web page or feed says of the article
	// (package webpage): its byline and canonical address.
	Author string
	URL    string
	// CopyOf is the IRI of the article this one nearly duplicates (the
	// same story syndicated by another outlet: package dedup). A copy is
	// stored with its own metadata and text but no statements: its
	// statements are its original's, not independent evidence.
	CopyOf string
	// Place is where the story was filed from, as its dateline gives it
	// ("Taipei, Taiwan").
	Place string
	// Location is where Place is, when geocoding found it.
	Location *Geocode
	Text     string
}

// ValidMetadata is a with its metadata (title, author, source, URL,
// place) made valid UTF-8, invalid bytes replaced by U+FFFD: a page's
// title in Latin-1 under a UTF-8 charset, or a file name in Latin-1, is
// still the article's name, and the store keeps strings only as UTF-8.
// The text is not changed: invalid text is refused (the loader's
// Validate), not repaired.
func (a Article) ValidMetadata() Article {
	for _, f := range []*string{&a.Title, &a.Author, &a.Source, &a.URL, &a.Place} {
		if !utf8.ValidString(*f) {
			*f = strings.ToValidUTF8(*f, "\uFFFD")
		}
	}
	return a
}

// CheckUTF8 reports the first string of a's metadata or text that is not
// valid UTF-8, naming the field.
func (a Article) CheckUTF8() error {
	for _, f := range []struct{ name, s string }{
		{"title", a.Title}, {"author", a.Author}, {"source", a.Source}, {"url", a.URL},
		{"place", a.Place}, {"text", a.Text},
	} {
		if !utf8.ValidString(f.s) {
			return Errorf(EINVALID, "article %s (%q): %s is not valid UTF-8", a.ID, strings.ToValidUTF8(a.Title, "\uFFFD"), f.name)
		}
	}
	return nil
}

// Document is what the loader makes of one article.
type Document struct {
	Article    Article
	Entities   []Entity
	Statements []Statement
	Warnings   []string
}

// IsNode marks Entity as one of the two things a statement's object can
// be (the API's Node union).
func (Entity) IsNode() {}

// IsNode marks Node as one of the two things a statement's object can be.
func (Node) IsNode() {}

// ArticleJSON is an article as JSON lines carry it (`newsgraph load
// FILE.jsonl`, `newsgraph gen-corpus`): the text and what is known of it,
// the date as text.
type ArticleJSON struct {
	Title       string `json:"title,omitempty"`
	Author      string `json:"author,omitempty"`
	PublishedAt string `json:"publishedAt,omitempty"`
	Source      string `json:"source,omitempty"`
	URL         string `json:"url,omitempty"`
	Text        string `json:"text"`
}

// JSON is a in the form JSON lines carry it.
func (a Article) JSON() ArticleJSON {
	j := ArticleJSON{Title: a.Title, Author: a.Author, Source: a.Source, URL: a.URL, Text: a.Text}
	if !a.PublishedAt.IsZero() {
		j.PublishedAt = a.PublishedAt.UTC().Format(time.RFC3339)
	}
	return j
}

// Article is a's article, its date parsed (ParseDate).
func (a ArticleJSON) Article() (Article, error) {
	art := Article{Title: a.Title, Author: a.Author, Source: a.Source, URL: a.URL, Text: a.Text}
	if a.PublishedAt != "" {
		t, err := ParseDate(a.PublishedAt)
		if err != nil {
			return art, err
		}
		art.PublishedAt = t
	}
	return art, nil
}

// ParseDate reads a publication date: an RFC 3339 date-time or a plain
// date (2024-05-06), in UTC.
func ParseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() == 1 {
				// the zero time, which means "no date" everywhere
				// else: it would be dropped without a word
				return time.Time{}, Errorf(EINVALID, "publishedAt %q is in year 1: leave it out when the date is unknown", s)
			}
			return t.UTC(), nil
		}
	}
	return time.Time{}, Errorf(EINVALID, "publishedAt %q is not an RFC 3339 date or date-time", s)
}
