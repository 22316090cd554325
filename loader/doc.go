// Package loader turns the plain text of a news article into a document of
// typed entities and the statements between them.
//
// The pipeline is: split into sentences and tokens (package token), tag
// with the Tagger (DefaultTagger: newsgraph's own tagger, lemmatizer and
// dependency parser, package nlp, with prose's entity model), find named
// mentions and type them (gazetteer, titles, organization and place words,
// the tagger's entity hints), cluster the mentions of one entity (full name,
// surname, gazetteer aliases, acronyms), then walk each sentence's verb
// groups to extract subject–predicate–object statements, resolving
// pronouns and definite descriptions ("the country", "Mexico's president")
// to entities by explainable salience rules.
//
// Input is plain text. The loader never touches a store or the network; its
// output is a kg.Document, and problems with single sentences become
// warnings in the document rather than failures.
package loader
