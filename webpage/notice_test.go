package webpage

import (
	"strings"
	"testing"
)

func TestNotice(t *testing.T) {
	for _, tc := range []struct {
		name, para string
		want       bool
	}{
		{"paywall", "To read the whole story, please subscribe now: a year costs $60.", true},
		{"subscriber", "If you are already a subscriber, log in to read on.", true},
		{"newsletter", "Get our morning briefing in your inbox: sign up for our newsletter.", true},
		{"copyright", "© 2024 The Coastal Tribune. All rights reserved.", true},
		{"reprint", "This article may not be reprinted without permission.", true},
		{"comments", "Comments are moderated and may take a day to appear; please keep them civil.", true},
		{"story about comments", "The minister's comments drew criticism from the opposition.", false},
		{"story with a quote", "\"Sign up for our newsletter,\" the campaign's email urged supporters.", false},
		{"disclosure", "Our editors pick every product; we may receive compensation from partners.", true},
		{"cookies", "We use cookies to improve your experience.", true},
		{"cookies, the site in the third person", "This website uses cookies. Continued use of the site means consent.", true},
		{"story about cookies", "The bakery sold 4,000 cookies at the fair on Saturday.", false},
		{"story about browser cookies", "The regulator fined the firm for tracking cookies it set without consent.", false},
		{"letters", "Tell us what you think: send a letter to the editor.", true},
		{"affiliate", "We may earn a commission when you buy through the links on this page.", true},
		{"credit", "(Credit: Jan Vries / Coastal Tribune)", true},
		{"photo credit", "Photo: Jan Vries", true},
		{"filing line", "March 3, 2024 | Categories: Harbour, Weather | View Comments", true},
		{"story about subscribers", "The streaming service said it had lost 200,000 subscribers in the quarter.", false},
		{"story about a policy", "The company changed its privacy policy on Tuesday after the regulator's ruling.", false},
		{"story quoting copyright law", "Copyright law protects the work for 70 years after the author's death, the court said.", false},
		{"long paragraph", strings.Repeat("The council met and voted. ", 20) + "All rights reserved.", false},
		{"story sentence with a colon", "The mayor's message was clear: the bridge stays closed.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := notice(tc.para); got != tc.want {
				t.Errorf("notice(%q) = %v, want %v", tc.para, got, tc.want)
			}
		})
	}
}

// A paywall box runs over several paragraphs; one that only speaks of
// subscribing goes with the notices next to it, and a story's paragraph
// about subscribers elsewhere stays.
func TestDropPaywallBox(t *testing.T) {
	text := strings.Join([]string{
		"The streaming service said it had lost 200,000 subscribers in the quarter.",
		"Its chief executive blamed the end of a price promotion.",
		"To read the whole story, please subscribe now: a year costs $60.",
		"New subscribers get a tote bag and our weekly puzzle book.",
		"If you are already a subscriber, log in to read on.",
	}, "\n\n")
	got := dropMeta(text, Page{})
	want := "The streaming service said it had lost 200,000 subscribers in the quarter.\n\nIts chief executive blamed the end of a price promotion."
	if got != want {
		t.Errorf("dropMeta:\n%s\nwant:\n%s", got, want)
	}
}

// A feed item's content loses its notices too (a blog's feed appends one
// to every item).
func TestTextNotices(t *testing.T) {
	got := Text(`<p>The harbour bridge reopened on Saturday after three days of repairs.</p>` +
		`<p>The post <a href="https://tribune.example.com/bridge">Bridge reopens</a> appeared first on The Coastal Tribune.</p>`)
	if want := "The harbour bridge reopened on Saturday after three days of repairs."; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		s          string
		most, want int
	}{
		{"", 10, 0},
		{"  one  two\tthree\n", 10, 3},
		{"one two three four", 2, 2},
	} {
		if got := words(tc.s, tc.most); got != tc.want {
			t.Errorf("words(%q, %d) = %d, want %d", tc.s, tc.most, got, tc.want)
		}
	}
}
