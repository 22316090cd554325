package loader

import (
	"html"
	"regexp"
	"strings"
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
