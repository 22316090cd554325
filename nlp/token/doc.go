// Package token splits news text into sentences and tokens.
//
// Tokens carry byte offsets into the text they came from, so that every
// later stage can point back at the source: for a token t of text s,
// s[t.Start:t.End] == t.Text. The tokenizer knows the usual hazards of news
// copy: abbreviations ("U.S.", "Mr.", "Jan."), straight and curly quotes,
// ellipses, numbers with separators and decimals, percentages, currency,
// URLs and e-mail addresses, and proper-noun compounds joined by a hyphen
// ("US-Mexico"), which it splits so that each name can be found.
//
// It does not tag, parse or normalize: the text of a token is always a
// verbatim slice of the input.
package token
