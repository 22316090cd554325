// Package geo geocodes the places of a document from an offline
// gazetteer: GeoNames' populated places of 1,000 people or more, the
// countries and their first-level divisions (data/places.zst, made by
// `newsgraph train geo` from two npm packages, see DATA.md; 139k places).
//
// Input is a finished kg.Document (its GPE and LOCATION entities with
// their mentions, the article's text and dateline); output is the same
// document with, for each place the article supports one reading of, a
// kg.Geocode (coordinates, country code, division, GeoNames id) and the
// GeoNames IRI in SameAs. A name's readings are the places the gazetteer
// gives it (accents and case ignored; package gazetteer's short forms
// such as "US" or "Washington" read as it reads them); each is scored by
// its population (a factor of ten is one point), then by what the
// article says: a qualifier in the text ("Paris, Texas"), the dateline's
// country and division, and the other places the article reads with
// confidence (in rounds). The best reading is taken when it beats the
// next by a point, and a town of fewer than 100,000 people only with
// support from the article; otherwise the place stays unlinked. A place
// read otherwise than its name alone would be is renamed ("Paris" ->
// "Paris, Texas") so that the two readings are two nodes.
//
// It does not geocode what the gazetteer lacks (rivers, bays, districts,
// towns under 1,000 people, continents) and never looks anything up on
// the network.
//
//	g, _ := geo.Default()
//	loader.New(tagger, loader.Options{Resolvers: []loader.Resolver{geo.New(g)}})
package geo
