// Package store keeps newsgraph documents in a Cayley quad store and reads
// them back as domain types. It is the only package that imports Cayley.
//
// # Quad model
//
// The quads an article brings (the article, its mentions, the readings
// of its statements with their provenance and arguments) carry the
// article's IRI as their label, so that deleting an article deletes its
// label. What entities, values and statements are (type, name, aliases,
// subject, predicate, object, the direct edge) is written once, under the
// shared label {base}graph/nodes, however many articles say it: reading a
// node mentioned by a thousand articles reads a few quads. Deleting an
// article also deletes the shared quads of the statements left without a
// reading and of the entities and values nothing refers to any more, in
// the same transaction; a fact read in two articles survives the deletion
// of one of them. Vocabulary terms live under
// Vocab (https://newsgraph.dev/ns#); instance IRIs under the configurable
// base (see package kg).
//
//	<entity>    rdf:type ng:Entity ; ng:name "…" ; ng:entityType "PERSON" ; ng:alias "…"
//	<value>     rdf:type ng:Value ; ng:name "…" ; ng:entityType "QUANTITY" ; ng:value 32000 ; ng:unit "troops"
//	<mention>   rdf:type ng:Mention ; ng:mentionOf <entity> ; ng:article <article> ;
//	            ng:start 12 ; ng:end 20 ; ng:text "…" ; ng:sentence 3 ; ng:rule "surname"
//	<statement> rdf:type ng:Statement ; ng:subject <entity> ; ng:predicate "deploy" ;
//	            ng:object <entity-or-value> ; ng:negated false ; ng:modality "will" ;
//	            ng:provenance <provenance> ; ng:confidence 0.7 (one per reading, with its article's label)
//	<provenance> ng:article <article> ; ng:sentence 3 ; ng:start 10 ; ng:end 42 ;
//	            ng:text "sentence text" ; ng:relation "sent" ; ng:confidence 0.8 ;
//	            ng:time "last week" ; ng:place "Arizona" ; ng:attributedTo <entity> ;
//	            ng:argument <provenance>/argument/0 …
//	<provenance>/argument/N  rdf:type ng:Argument ; ng:index N ; ng:role "TIME" ;
//	            ng:via "on" ; ng:argumentValue <entity-or-value>
//	<subject>   <base>rel/deploy <object>          (the direct edge, one hop)
//	<article>   rdf:type ng:Article ; ng:title ; ng:source ; ng:publishedAt ; ng:text ; ng:hash
//
// Statement IRIs hash subject, predicate, object, negation and modality, so
// the same fact from two articles is one node with two provenances. An
// article is written in one ApplyDeltas call, which the key-value backends
// run in one transaction: a crash never leaves half an article.
//
// # Several processes on one graph
//
// On PostgreSQL any number of processes share a graph, on the primary and
// on hot standbys (Config.ReadOnly). Each keeps the cross-article link
// index in memory (link.go) and keeps it current from a change log that
// every write fills in its own transaction (changes.go, bulk.go);
// deletions take alone an advisory lock that writes share.
// docs/deployment.md describes the deployment.
package store
