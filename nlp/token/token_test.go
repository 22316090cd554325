package token

import (
	"github.com/newsgraph/newsgraph/nlp"

	"strings"
	"testing"
)

func texts(toks []nlp.Word) string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return strings.Join(out, "|")
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"possessive", "Mexico's president", "Mexico|'s|president"},
		{"decade", "back in the ’80s and the '90s", "back|in|the|’80s|and|the|'90s"},
		{"short year", "the class of '72 met", "the|class|of|'72|met"},
		{"curly possessive", "Mexico’s president", "Mexico|’s|president"},
		{"negation", "They don't know", "They|do|n't|know"},
		{"negation with a grave accent for the apostrophe", "They don`t know it`s late", "They|do|n`t|know|it|`s|late"},
		{"negation with an acute accent for the apostrophe", "We can´t", "We|ca|n´t"},
		{"numbers", "more than 32,000 troops and 3.5 tons", "more|than|32,000|troops|and|3.5|tons"},
		{"percent", "around 11% of forces", "around|11|%|of|forces"},
		{"currency", "cost $4.5 billion.", "cost|$|4.5|billion|."},
		{"abbreviation", "the U.S. Army", "the|U.S.|Army"},
		{"title", "Mr. Smith left.", "Mr.|Smith|left|."},
		{"ellipsis", "relationship... the", "relationship|...|the"},
		{"quotes", `"We will," he said.`, `"|We|will|,|"|he|said|.`},
		{"proper compound", "the US-Mexico border", "the|US|-|Mexico|border"},
		{"common compound", "a non-rail crossing", "a|non-rail|crossing"},
		{"url", "see https://example.org/a?b=c, now", "see|https://example.org/a?b=c|,|now"},
		{"email", "write to press@example.org.", "write|to|press@example.org|."},
		{"accents", "Alicia Bárcena said", "Alicia|Bárcena|said"},
		{"word compound", "radiation-induced damage", "radiation|-|induced|damage"},
		{"number compound", "a 15-year term", "a|15|-|year|term"},
		{"slash", "and/or 1/2", "and|/|or|1/2"},
		{"cannot", "We cannot go", "We|can|not|go"},
		{"punctuation runs", "Wow!!! Really?! ====", "Wow|!!!|Really|?!|===="},
		{"dots", "so.. what", "so|..|what"},
		{"given name with a lowercase syllable", "mayor Hau Lung-bin and Moon Jae-in", "mayor|Hau|Lung-bin|and|Moon|Jae-in"},
		{"compound after a name", "the Saudi Arabia-led coalition, a Hong Kong-listed firm", "the|Saudi|Arabia|-|led|coalition|,|a|Hong|Kong|-|listed|firm"},
		{"capitalized compound alone", "the Iran-backed group", "the|Iran|-|backed|group"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := texts(Tokenize(tc.in)); got != tc.want {
				t.Errorf("Tokenize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestOffsets(t *testing.T) {
	in := "Andrés López’s “quote”… and the US-Mexico border, 11%."
	for _, tok := range Tokenize(in) {
		if got := in[tok.Start:tok.End]; got != tok.Text {
			t.Errorf("token %q at %d:%d reads %q", tok.Text, tok.Start, tok.End, got)
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"two", "He left. She stayed.", 2},
		{"abbreviation inside", "Mr. Smith met U.S. officials on Jan. 5 in Washington.", 1},
		{"abbreviation at end", "He moved to the U.S. The move was quiet.", 2},
		{"quote closes", `"We will," he said. "Soon."`, 2},
		{"question", "Why? Nobody knows!", 2},
		{"ellipsis pause", "the border... the crossings", 1},
		{"paragraphs", "Headline\n\nBody text here.", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Split(tc.in)
			if len(got) != tc.want {
				var parts []string
				for _, s := range got {
					parts = append(parts, tc.in[s.Start:s.End])
				}
				t.Errorf("Split(%q) = %d sentences %q, want %d", tc.in, len(got), parts, tc.want)
			}
		})
	}
}
