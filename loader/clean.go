package loader

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
)

var (
	htmlTag     = regexp.MustCompile(`(?i)</?(html|head|body|p|div|br|span|a|b|i|em|strong|h[1-6]|ul|ol|li|table|tr|td|th|article|section|header|footer|blockquote|figure|figcaption|img|script|style|meta|link)\b[^>]*>`)
	htmlDrop    = regexp.MustCompile(`(?is)<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<head\b.*?</head\s*>`)
	htmlBlock   = regexp.MustCompile(`(?i)</?(p|div|br|h[1-6]|ul|ol|li|table|tr|article|section|header|footer|blockquote|figure|figcaption)\b[^>]*>`)
	htmlAnyTag  = regexp.MustCompile(`<[a-zA-Z/!][^>]*>`)
	spaceRun    = regexp.MustCompile(`[ \t\x{00a0}]+`)
	blankLines  = regexp.MustCompile(`\n\s*\n\s*`)
	minHTMLTags = 2
)

// looksLikeHTML reports markup rather than prose that mentions a tag: at
// least two HTML tags.
func looksLikeHTML(text string) bool {
	return len(htmlTag.FindAllStringIndex(text, minHTMLTags)) >= minHTMLTags
}

// htmlToText strips markup to the text a reader sees: scripts, styles
// and comments go, block elements become paragraph breaks, other tags
// vanish, entities are decoded.
func htmlToText(s string) string {
	s = htmlDrop.ReplaceAllString(s, " ")
	s = htmlBlock.ReplaceAllString(s, "\n\n")
	s = htmlAnyTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	s = spaceRun.ReplaceAllString(s, " ")
	s = blankLines.ReplaceAllString(s, "\n\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// articleText is the text an article is read as: HTML stripped to its
// text, stray control characters replaced, normalized (kg.NormalizeText).
func articleText(text string) string {
	text, _ = stripHTML(text)
	return kg.NormalizeText(stripControls(text))
}

// stripHTML is the text of markup, and whether there was markup.
func stripHTML(text string) (string, bool) {
	if !looksLikeHTML(text) {
		return text, false
	}
	return htmlToText(text), true
}

// Clean checks raw article text (Validate) and returns the text the
// article is read as (articleText), with a warning when markup was
// stripped; the text left after stripping must pass the checks too. Extract
// cleans every article this way; a loader that stores an article without
// extracting it (a near-duplicate stored as a copy) cleans it with Clean, so
// that it is refused or stored exactly as Extract would refuse or read it.
func (l *Loader) Clean(raw string) (text string, warnings []string, err error) {
	if err := l.Validate(raw); err != nil {
		return "", nil, err
	}
	text, markup := stripHTML(raw)
	if markup {
		warnings = append(warnings, "HTML markup stripped: the article is its text")
		if err := l.Validate(text); err != nil {
			return "", nil, fmt.Errorf("after stripping HTML: %w", err)
		}
	}
	return kg.NormalizeText(stripControls(text)), warnings, nil
}

// Validate checks article text before extraction: it must be non-empty,
// valid UTF-8, text rather than binary data, and within the size limit.
func (l *Loader) Validate(text string) error {
	if len(text) > l.opts.MaxBytes {
		return kg.Errorf(kg.ETOOLARGE, "article is %d bytes, over the limit of %d", len(text), l.opts.MaxBytes)
	}
	if strings.TrimSpace(text) == "" {
		return kg.Errorf(kg.EINVALID, "article text is empty")
	}
	if !utf8.ValidString(text) {
		return kg.Errorf(kg.EINVALID, "article text is not valid UTF-8")
	}
	if bytes.IndexByte([]byte(text), 0) >= 0 {
		return kg.Errorf(kg.EINVALID, "article text contains NUL bytes: binary data is not accepted")
	}
	control, letters := 0, 0
	for _, r := range text {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			control++
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if control*20 > utf8.RuneCountInString(text) {
		return kg.Errorf(kg.EINVALID, "article text is mostly control characters: binary data is not accepted")
	}
	if letters == 0 {
		return kg.Errorf(kg.EINVALID, "article text has no letters")
	}
	return nil
}

// stripControls replaces control characters other than line breaks and
// tabs by spaces (Validate has refused texts that are mostly made of
// them).
func stripControls(s string) string {
	if strings.IndexFunc(s, isStrayControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isStrayControl(r) {
			return ' '
		}
		return r
	}, s)
}

func isStrayControl(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t'
}
