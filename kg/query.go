package kg

// StatementFilter selects statements. Empty fields match everything.
type StatementFilter struct {
	Subject       string
	Object        string
	Predicate     string
	Article       string
	MinConfidence float64
	// Place keeps the statements that happened there: a reading's place
	// is its PLACE argument's location, or else where its article was
	// filed from (the dateline).
	Place PlaceFilter
}

// MentionRecord is a mention with the article it is in.
type MentionRecord struct {
	Mention
	Article string
}

// IngestResult says what storing a document did.
type IngestResult struct {
	Article    Article
	Statements int
	Entities   int
	Quads      int
	Created    bool // false if the article was already stored: nothing was written
	Warnings   []string
}

// Cooccurrence counts how often another entity is mentioned with one:
// in the same sentences and in the same articles.
type Cooccurrence struct {
	Entity    string // the other entity's IRI (canonical)
	Sentences int
	Articles  int
}

// Ranked is an entity and how many statements it is the subject or the
// object of (its joined members' counted with it).
type Ranked struct {
	Entity     string // the entity's IRI (canonical)
	Statements int
}

// Graph is a view of the graph for export: entities (one per real-world
// entity, with their joined members), literal values, and the statements
// between them, whose subject and object IDs are the canonical ones.
type Graph struct {
	Entities   []*Entity
	Values     []Node
	Statements []*Statement
}

// GraphWriter takes a graph an item at a time: its entities, then its
// values, then its statements (an export streams a graph this way).
type GraphWriter interface {
	Entity(*Entity) error
	Value(Node) error
	Statement(*Statement) error
}

// Edge is a statement as a traversal sees it: its ends, predicate and
// best confidence, without its provenance.
type Edge struct {
	Statement  string
	Subject    string // IRI as stored (see Store.Canonical for the entity it stands for)
	Predicate  string
	Object     string
	Confidence float64
}
