// Package coref resolves coreference in a news article: which of its
// mentions (names and their variants, acronyms, pronouns, descriptions
// such as "the agency" or "the president") name the same entity.
//
// The model is a mention ranker learned from the coreference chains of the
// GUM corpus. Reading mentions in text order, it scores every candidate
// antecedent of a mention (the mentions of the last few sentences, and any
// earlier mention sharing its head or one of its name's words) against the
// choice of starting a new entity, and links the mention to the best. The
// features are those that matter for news: gender and number (from
// pronouns, titles such as "Mrs." or "spokesman", gendered nouns and a
// first-name list), distance in sentences and mentions, syntactic role
// and binding from the dependency parse, apposition and copulas, exact,
// head, partial-name and acronym matches, entity types, quotations and
// their speakers, and what the entity built so far says (its gender, its
// type, its names). Most are conjoined with the kind of the mention being
// resolved ("she", "it", a definite description, a name), since a good
// antecedent for one is a bad one for another. Weights are an averaged
// perceptron trained with latent antecedents (any earlier mention of the
// right entity is a right answer) and costs on the three kinds of
// mistake. Two hand rules stay, because they measure better than the
// model alone: a first-person pronoun inside a quotation is its speaker's
// ("We will," said Acme Corp.), and names the loader has clustered (same
// name, alias, surname, acronym: Mention.Group) stay one entity, the model
// adding pronouns, descriptions and further names to them.
//
// Input: a Doc, the document's sentences (words with form, tags, lemma,
// dependency head and relation, and entity hints) and its candidate
// mentions (spans of words with a Kind and, when known, a Type). FromLoader
// builds one from the loader's sentences and names, adding pronouns and
// noun phrases found by Detect. Output: a Result, an antecedent for each
// mention (or none) and the clusters they make.
//
//	model, err := coref.Embedded()
//	...
//	res := model.Resolve(coref.FromLoader(sents, names))
//	// res.Cluster[i] == res.Cluster[k]: mentions i and k corefer
//
// The package also holds what trains and measures the model: ReadGUM and
// Train (`newsgraph train coref`), the CoNLL-2012 metrics (MUC, B³,
// CEAF-e) and Eval (`newsgraph eval-coref`), and Rules, the loader's hand
// rules ported over the same mentions so that the two can be compared.
//
// What it does not do: it does not find or type names (the loader does);
// it resolves within one document only (linking entities across articles
// is kg's); it has no world knowledge, so "the agency" finds NASA through
// the text (head words, types, distance) and not through knowing what
// NASA is; bridging ("the company's shares") and event coreference are
// not attempted; and its Detect is a simple noun-phrase finder, much less
// accurate than the key's mentions (see the figures in DATA.md).
package coref
