// Package export writes a view of the graph (kg.Graph) in the formats
// other tools read: N-Quads for RDF stores, JSON-LD with schema.org types
// for linked data, node-link JSON for networkx, and GraphML for Gephi.
//
// It knows nothing of Cayley or GraphQL: the store builds the view of the
// whole graph, the GraphQL service the view of a subgraph. The whole
// graph's N-Quads come from the store itself (every quad, for a lossless
// round trip); NQuads here writes a view, such as a subgraph.
package export
