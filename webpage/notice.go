package webpage

import (
	"regexp"
	"strings"
	"unicode"
)

// A page's notices are paragraphs that speak to the reader about the site,
// not about the story: paywall and newsletter prompts, copyright and
// reprint terms, comment policies, affiliate disclosures, requests for
// letters, image credits, and the post's filing line ("Category: ...").
// The extractor keeps them when they sit inside the article's container.
// They are dropped from the text whole: a notice is at most noticeWords
// words, so that a story that mentions subscribers or copyright keeps its
// paragraphs.
const noticeWords = 60

// noticeMarks are phrases that only a notice uses. The names of a site's
// documents ("privacy policy", "terms of service") are not among them: a
// story can be about them.
var noticeMarks = []string{
	"all rights reserved", "written permission", "without permission", "reprinted with permission",
	"advertiser disclosure", "our advertisers", "may receive compensation", "may earn a commission",
	"affiliate commission", "affiliate link", "independent review process",
	"comment policy", "comments are moderated", "letter to the editor", "letters to the editor",
	"already a subscriber", "full story, please subscribe", "subscribe now", "subscribe to our",
	"sign up for our", "our newsletter", "newsletter sign", "free sign up", "by email and never miss",
	"download our app", "download the app", "use of cookies", "appeared first on",
}

// noticeLine matches a paragraph that is a credit or a filing line: it
// opens with "Credit:", "Photo:", "Image:" (in brackets or not), or names
// the post's categories or tags.
var noticeLine = regexp.MustCompile(`(?i)^[(\[]?(photo |image |header image)?(credit|credits|photo|image|source)\s*:|\b(categor(y|ies)|tags|filed under)\s*:|\bview comments\b`)

// notice reports whether a paragraph of the main text is a notice.
func notice(para string) bool {
	n := words(para, noticeWords+1)
	if n == 0 || n > noticeWords {
		return false
	}
	low := strings.ToLower(strings.ReplaceAll(para, "\u2019", "'"))
	// The pattern needs a colon or "view comments": most paragraphs have
	// neither, and the cheap test spares them the pattern.
	if n <= 20 && (strings.IndexByte(para, ':') >= 0 || strings.Contains(low, "view comments")) && noticeLine.MatchString(para) {
		return true
	}
	for _, m := range noticeMarks {
		if strings.Contains(low, m) {
			return true
		}
	}
	return copyrightLine.MatchString(low)
}

// copyrightLine matches a paragraph that opens with a copyright notice:
// "©", or "Copyright" and a year.
var copyrightLine = regexp.MustCompile(`^(©|copyright\s*(©|\(c\))?\s*\d{4})`)

// words counts the words of s, up to most.
func words(s string, most int) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			if n++; n >= most {
				return n
			}
		}
	}
	return n
}

// paywall reports whether a paragraph that stands next to a notice is more
// of it: a paywall or newsletter box runs over several paragraphs, and
// only some of them use a notice's words. A short paragraph that speaks of
// subscribing there is taken as part of the box.
func paywall(para string) bool {
	if words(para, 41) > 40 {
		return false
	}
	low := strings.ToLower(para)
	return strings.Contains(low, "subscri") || strings.Contains(low, "newsletter")
}
