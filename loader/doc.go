// Package loader turns the text of a news article into a kg.Document:
// typed entities and the statements between them, each with provenance.
//
// Extract runs the stages in order, one file each:
//
//	clean.go        validate, strip HTML, replace stray control characters (once)
//	annotate.go     split and annotate sentences (an Annotator: nlp/pipeline), fix known tag errors
//	mentions.go     find and type the names of a sentence (phrases.go: noun phrases, numbers, dates)
//	cluster.go      group the names of one entity (full name, surname, acronym, gazetteer alias)
//	coref.go        resolve pronouns and definite descriptions to entities
//	statements.go   statements from each sentence's Open IE tuples (loader/openie), nodes.go
//	                for what an argument names, attribution.go for who says it
//	entities.go     the entities with every mention found
//
// document.go holds the state a document's stages share. Input is text;
// the loader never touches a store or the network, and a sentence it
// cannot handle becomes a warning in the document, not a failure.
package loader
