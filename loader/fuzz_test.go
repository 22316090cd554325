package loader_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
)

// FuzzExtract: any text gives a document or a clear error, never a panic,
// and every offset the document gives lies inside the (normalized) text.
//
//	go test -run - -fuzz FuzzExtract -fuzztime 5m ./loader
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Mexico deployed 32,000 troops to the border on Tuesday.",
		"López Obrador wants the United States to reopen border crossings.",
		"\"We will not sign,\" she said. He did not respond.",
		"US Secretary of State Antony Blinken met with Mexico's president in Mexico City.",
		"...", "A", "It it it it. They they.", "Image: Nick Moreau.", "<p>Hello <b>world</b></p>",
		"The the the the the the the the the the the the the the the the the the the the.",
	} {
		f.Add(s)
	}
	l := newLoader(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := l.Extract(context.Background(), kg.Article{Text: text})
		if err != nil {
			if kg.ErrorCode(err) == kg.EINTERNAL {
				t.Fatalf("internal error on %q: %v", text, err)
			}
			return
		}
		norm := kg.NormalizeText(text)
		n := utf8.RuneCountInString(norm)
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > n || m.Start >= m.End {
					t.Fatalf("mention %+v outside the text (%d runes)", m, n)
				}
			}
		}
		for _, st := range doc.Statements {
			if st.Span.Start < 0 || st.Span.End > n || st.Span.Start > st.Span.End || st.Subject.Name == "" || st.Object.Name == "" {
				t.Fatalf("statement %+v outside the text (%d runes) or empty", st, n)
			}
		}
	})
}
