// Package nlp puts newsgraph's own language stages together: tokenizer,
// tagger, lemmatizer and dependency parser, trained on UD English EWT, with
// the trained models embedded in the binary. It also holds the commands
// that train and evaluate them.
package nlp
