package token

import (
	"testing"
	"unicode/utf8"
)

// FuzzTokenize: tokens come in order, inside the text, their text is
// the text at their offsets, and nothing panics.
//
//	go test -run - -fuzz FuzzTokenize -fuzztime 5m ./loader/token
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "Mexico's president didn't go.", "U.S. troops -- 32,000 of them -- left...",
		"\"Quoted,\" he said (in 2023).", "e-mail me at a@b.org or http://x.y/z?q=1", "$4.5bn, 11% and 3rd",
		"Ünïcödé “smart quotes” and ‘single’ ones…", "a\x00b\xff\xfe", "...", "\n\n\t  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, tok := range Tokenize(text) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("token %+v out of order or outside [%d, %d)", tok, prev, len(text))
			}
			if utf8.ValidString(text) && text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %q at [%d, %d) reads %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
			}
			prev = tok.End
		}
	})
}

// FuzzSplit: sentences come in order, inside the text, their tokens
// inside them, and nothing panics.
//
//	go test -run - -fuzz FuzzSplit -fuzztime 5m ./loader/token
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"One. Two! Three?", "Mr. Smith met Dr. Jones in the U.S. on Monday.", "\"Stop.\" he said.\n\nNew paragraph",
		"No end", "... ... ...", "A.B.C. D.E.F.", "1. First\n2. Second"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Split(text) {
			if s.Start < prev || s.End < s.Start || s.End > len(text) {
				t.Fatalf("sentence [%d, %d) out of order or outside the text (%d bytes)", s.Start, s.End, len(text))
			}
			for _, tok := range s.Words {
				if tok.Start < s.Start || tok.End > s.End {
					t.Fatalf("token %+v outside its sentence [%d, %d)", tok, s.Start, s.End)
				}
			}
			prev = s.End
		}
	})
}
