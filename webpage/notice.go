package webpage

import (
	"regexp"
	"strings"
	"unicode"
)

// A page's notices are paragraphs that speak to the reader about the site,
// not about the story: paywall, newsletter and app prompts, copyright and
// reprint terms, comment policies, affiliate disclosures, requests for
// letters, cookie notices, image credits, and the post's filing line
// ("Category: ..."). The extractor keeps them when they sit inside the
// article's container.
//
// They are recognized by what kind of text they are, not by their
// wording on some site: a prompt addresses the reader ("you", or a
// command: "Sign up", "Subscribe") about the site's subscriptions,
// newsletters, accounts or apps; a disclosure is the site ("we", "our")
// speaking of commissions or advertisers; and so on (noticeKind). A
// paragraph that quotes someone is the story, and a notice is at most
// noticeWords words, so that a story about subscribers, advertisers or
// copyright keeps its paragraphs.
const noticeWords = 60

// noticeLine matches a paragraph that is a credit or a filing line: it
// opens with "Credit:", "Photo:", "Image:" (in brackets or not), or names
// the post's categories or tags.
var noticeLine = regexp.MustCompile(`(?i)^[(\[]?(photo |image |header image)?(credit|credits|photo|image|source)\s*:|\b(categor(y|ies)|tags|filed under)\s*:|\bview comments\b`)

// copyrightLine matches a paragraph that opens with a copyright notice:
// "©", or "Copyright" and a year.
var copyrightLine = regexp.MustCompile(`^(©|copyright\s*(©|\(c\))?\s*\d{4})`)

// rightsMarks are the legal formulas of copyright and reprint notices.
var rightsMarks = []string{"all rights reserved", "without permission", "written permission", "appeared first on"}

// Word classes of noticeKind.
var (
	readerWords = set("you", "your", "you're", "you'll", "you've", "yours", "please")
	siteWords   = set("we", "our", "us", "we're", "we'll", "we've")
	// commands that open a prompt
	commandWords = set("sign", "subscribe", "join", "get", "download", "follow", "register", "log", "click", "submit", "tell", "send", "write", "email")
	// what a prompt is about: the site's subscriptions, newsletters,
	// accounts and apps
	accountWords = set("subscribe", "subscriber", "subscribers", "subscribing", "subscription", "subscriptions",
		"newsletter", "newsletters", "inbox", "login", "signup", "membership", "app", "apps")
	accountPairs    = []string{"sign up", "sign-up", "sign in", "log in"}
	disclosureWords = set("commission", "commissions", "compensation", "compensated", "advertiser", "advertisers", "affiliate", "sponsored")
	letterWords     = set("letter", "letters", "feedback")
	commentWords    = set("comment", "comments", "commenting", "commenters")
	policyWords     = set("moderated", "moderate", "moderation", "policy", "guidelines", "civil", "libellous", "libelous", "abusive", "offensive")
	cookieWords     = set("cookie", "cookies")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

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
	if copyrightLine.MatchString(low) {
		return true
	}
	for _, m := range rightsMarks {
		if strings.Contains(low, m) {
			return true
		}
	}
	if strings.ContainsAny(para, "\"“”") {
		return false // a quote: the story
	}
	return noticeKind(low)
}

// noticeKind reports whether a lower-cased paragraph is, by its words, a
// prompt, a disclosure, a request for letters, a comment policy or a
// cookie notice.
func noticeKind(low string) bool {
	var reader, site, command, account, disclosure, letter, comment, policy, cookie bool
	inWord := func(r rune) bool { return unicode.IsLetter(r) || r == '\'' || r == '-' }
	for i, start := 0, -1; start < len(low); i++ {
		// the next word, without splitting the paragraph into a slice
		b := strings.IndexFunc(low[start+1:], inWord)
		if b < 0 {
			break
		}
		b += start + 1
		e := strings.IndexFunc(low[b:], func(r rune) bool { return !inWord(r) })
		if e < 0 {
			e = len(low)
		} else {
			e += b
		}
		w := low[b:e]
		start = e
		reader = reader || readerWords[w]
		site = site || siteWords[w]
		command = command || i == 0 && commandWords[w]
		account = account || accountWords[w]
		disclosure = disclosure || disclosureWords[w]
		letter = letter || letterWords[w]
		comment = comment || commentWords[w]
		policy = policy || policyWords[w]
		cookie = cookie || cookieWords[w]
	}
	if !account {
		for _, p := range accountPairs {
			if strings.Contains(low, p) {
				account = true
				break
			}
		}
	}
	switch {
	case (reader || command) && account: // "Sign up for our newsletter", "If you are a subscriber, log in"
		return true
	case site && disclosure: // "We may earn a commission when you buy"
		return true
	case reader && site && letter: // "Tell us what you think: send us a letter"
		return true
	case comment && policy && (reader || site): // "Comments are moderated; we ask you to be civil"
		return true
	case cookie && (reader || site || strings.Contains(low, "this website") || strings.Contains(low, "this site")):
		// "We use cookies", "This website uses cookies"
		return true
	}
	return false
}

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
// only some of them address the reader. A short paragraph that speaks of
// subscribing there is taken as part of the box.
func paywall(para string) bool {
	if words(para, 41) > 40 {
		return false
	}
	low := strings.ToLower(para)
	return strings.Contains(low, "subscri") || strings.Contains(low, "newsletter")
}
