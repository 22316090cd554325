package coref

import "github.com/newsgraph/newsgraph/nlp"

// Kind is what sort of phrase a mention is.
type Kind uint8

// The kinds of mention.
const (
	Other       Kind = iota // anything else: a clause, a number, an event verb
	Name                    // a proper name: "Barack Obama", "NASA"
	Pronoun                 // a personal, possessive or reflexive pronoun
	Description             // a common-noun phrase: "the agency", "a spokeswoman"
)

var kindNames = [...]string{"other", "name", "pronoun", "description"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "other"
}

// Type is the coarse entity type of a mention, when the caller knows it.
type Type uint8

// The entity types the model distinguishes; Unknown when nothing says.
const (
	Unknown Type = iota
	Person
	Organization
	Place
	Thing // any other type: objects, events, abstractions
)

var typeNames = [...]string{"unknown", "person", "organization", "place", "thing"}

func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "unknown"
}

// Word and Sentence are the pipeline's (package nlp): the resolver reads
// forms, tags, lemmas, heads, relations and entity labels.
type (
	Word     = nlp.Word
	Sentence = nlp.Sentence
)

// Mention is a candidate mention: a span of words of one sentence.
type Mention struct {
	Sent       int
	Start, End int // word indices, [Start, End)
	// Head is the index of the head word in the sentence; -1 means "find
	// it": the word of the span whose head lies outside it.
	Head int
	Kind Kind
	Type Type
	// Group, when not 0, puts the mention in one entity with the other
	// mentions of the same Group, whatever the model says: the loader's
	// name clustering (exact names, aliases, surnames, acronyms) measures
	// better for names than the model does alone.
	Group int
}

// Doc is one document: its sentences and its candidate mentions. Mentions
// may come in any order (the resolver reads them in text order) but must
// lie inside their sentence, with Start < End.
type Doc struct {
	Sents    []Sentence
	Mentions []Mention
}

// Result is what the resolver decided for a document's mentions; both
// slices are indexed like Doc.Mentions.
type Result struct {
	// Antecedent is the mention each mention was linked to, or -1 when the
	// model took it to start a new entity. An antecedent comes before its
	// mention in the text, except for a first-person pronoun inside a
	// quotation, which may be linked to the speaker named after the quote.
	Antecedent []int
	// Cluster numbers the entities 0, 1, ... in order of first mention.
	// A mention alone in its cluster is a singleton.
	Cluster []int
	// Margin is how far the score of the antecedent chosen leads that of
	// the best candidate of another entity (+Inf when no other entity
	// was a candidate, or when the link was not the model's choice: a
	// name the caller grouped, a speaker); 0 for a mention taken to
	// start an entity. A low margin is an unsure link.
	Margin []float32
}

// Clusters returns the mention indices of each cluster with at least min
// mentions, in cluster order.
func (r Result) Clusters(min int) [][]int {
	n := 0
	for _, c := range r.Cluster {
		n = max(n, c+1)
	}
	all := make([][]int, n)
	for i, c := range r.Cluster {
		all[c] = append(all[c], i)
	}
	out := all[:0]
	for _, c := range all {
		if len(c) >= min {
			out = append(out, c)
		}
	}
	return out
}
