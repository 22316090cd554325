package kg

import (
	"strings"
	"unicode"
)

// The helpers that decide whether two names can name one entity, shared
// by the loader (within an article) and LinkEntities (across articles).

// EndsWith reports whether the words of a name end with the words of a
// shorter one: a person's surname or partial name ("López Obrador" ends
// "Andrés Manuel López Obrador").
func EndsWith(long, short []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	for i, t := range short {
		if long[off+i] != t {
			return false
		}
	}
	return true
}

// Acronym returns the letters of an all-capitals name of two to six
// letters ("KSC", "U.N."), upper case.
func Acronym(name string) (string, bool) {
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsUpper(r):
			b.WriteRune(r)
		case r == '.':
		default:
			return "", false
		}
	}
	n := b.Len()
	return b.String(), n >= 2 && n <= 6
}

// Initials are the first letters of a name's words, without the small
// words ("Kennedy Space Center" -> "KSC", "Bank of England" -> "BE"); ""
// for a one-word name or one with a word in lower case.
func Initials(name string) string {
	var b strings.Builder
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	if len(words) < 2 {
		return ""
	}
	for _, w := range words {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "de", "del", "la", "&":
			continue
		}
		r := []rune(w)[0]
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(r)
	}
	return b.String()
}
