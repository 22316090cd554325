// Package gazetteer is newsgraph's general knowledge about names: countries
// with their common short forms and demonyms, US states, major cities,
// continents and regions, personal titles, and the words that mark an
// organization or a place. It is world knowledge, not knowledge of any
// article, and it is deliberately small: a name it does not know is left to
// the tagger and the rules in package loader.
package gazetteer
