// Package kg holds newsgraph's domain types: articles, entities, the
// statements extracted between them, and the IRI scheme that names them.
//
// Every other package imports kg; kg imports nothing of ours. It knows
// nothing about how text is parsed (package loader), how quads are stored
// (package store) or how the graph is served (package graph).
//
// # IRIs
//
// Names are derived from content, never from insertion order, so the same
// articles loaded in any order on any machine give the same graph:
//
//	entity     {base}entity/{type}/{slug of canonical name}
//	value      {base}value/{type}/{slug of surface text}
//	article    {base}article/{first 16 bytes of SHA-256 of the normalized text, hex}
//	statement  {base}statement/{hash of subject, predicate, object, negation, modality}
//	predicate  {base}rel/{slug of predicate}
//
// The base defaults to DefaultBase and is configurable with NewIRIs.
package kg
