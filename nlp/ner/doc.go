// Package ner is newsgraph's named-entity labeller: it finds the names of
// people, organizations, places, groups (NORP), events and works in
// tokenized, tagged sentences.
//
// Input is a sentence of tokens as package token splits them (hyphenated
// names are several tokens: "Kim" "Jong" "-" "un"), with the UPOS and Penn
// tags of newsgraph's tagger and whether each token is written against the
// previous one. Output is spans of tokens with a type: PERSON,
// ORGANIZATION, GPE, LOCATION, FACILITY, NORP, EVENT or WORK. Model.Label
// and Model.LabelDocument write them as IOB hints ("B-PERSON", "I-PERSON",
// "O") on nlp.Word, which is how the loader reads them.
//
// The model is an averaged structured perceptron (package perceptron's
// hashed features) over BILOU labels, decoded exactly with Viterbi under
// the BILOU constraints. Features are the word, its lower-case form,
// shape, affixes, tags, WordNet class, the words and tags two to each side,
// the written word a token is part of ("Jong-un", shape "Xx-x": how names
// are kept whole across hyphens), membership in gazetteers (GeoNames
// cities by population, countries, states, demonyms, first names, parts
// of people's names; see DATA.md) and the sentence's use of capitals (web text is often all lower
// case, headlines all title case). Labelling has two passes: the second
// also sees, for each word, what the first pass said about the same word
// elsewhere in the document, so that a name keeps one type across a
// document, and the words beside the same word elsewhere ("in Coron",
// "Mr. Moran"); it runs only on sentences where the document disagrees
// with the first pass. Places are one type for the model; a span's output type
// (GPE, LOCATION or FACILITY) comes from the gazetteers and its last word.
// Spans are then made whole: a name never ends or starts inside a
// hyphen-joined word ("Cheng Chung-tai", "al-Qaeda"), a title is not part
// of a person's name ("Lawmaker Cheng Chung-tai"), and a name right
// beside a kind of organization ("the newspaper Az-Zaman", "the Yonhap
// news agency") is an organization. A town the gazetteer knows (15,000
// people or more, no first name) read as a person after "from", "in",
// "at" or "near" is a place ("a man from Dover"), and a name read as a
// place the gazetteer does not know that is the agent of a passive verb
// is an organization ("claimed by al-Qaeda").
//
// Training (Train, `newsgraph train ner`) uses GUM's train documents, with
// named mentions read from GUM's entity annotation (see namedSpans for the
// definition), and Universal NER's English EWT dev labels, whose "O" is
// treated as possibly hiding NORP, EVENT or WORK names that UNER does not
// annotate (the best such labels under the current weights stand in for
// the gold). The second pass learns from first-pass labels of models that
// did not see the document (jackknifing). Training is deterministic. Eval (`newsgraph eval-ner`) scores exact PER/ORG/LOC
// spans; EvalText scores a whole text-to-mentions pipeline such as the
// loader.
//
// The labeller does not link names to identities, resolve coreference,
// find nested names ("America" inside "Bank of America"), or label dates
// and quantities.
package ner
