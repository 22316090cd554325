package token

import (
	"github.com/newsgraph/newsgraph/nlp"

	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations are words that take a period without ending a sentence
// (unless followed by a capitalized word that cannot continue it, see
// isSentenceEnd). Lower-cased, without the final period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "cpt": true,
	"st": true, "jr": true, "sr": true, "rev": true, "hon": true, "pres": true, "adm": true,
	"maj": true, "cmdr": true, "supt": true, "insp": true, "det": true, "atty": true, "amb": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thurs": true, "fri": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "llc": true, "plc": true, "bros": true,
	"vs": true, "etc": true, "no": true, "nos": true, "vol": true, "p": true, "pp": true, "fig": true,
	"approx": true, "est": true, "dept": true, "univ": true, "ave": true, "blvd": true, "rd": true,
	"mt": true, "ft": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true, "u.s": true,
	"u.k": true, "u.n": true, "e.u": true, "d.c": true, "u.s.a": true, "al": true,
}

// titleAbbreviations never end a sentence: they always precede a name.
var titleAbbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "st": true,
	"rev": true, "hon": true, "pres": true, "adm": true, "maj": true, "mt": true, "ft": true,
}

// Tokenize splits text into words (Text, Start and End set).
func Tokenize(text string) []nlp.Word {
	var toks []nlp.Word
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || r == utf8.RuneError && size == 1 || unicode.IsControl(r) {
			i += size
			continue
		}
		n := scan(text, i)
		toks = appendSplit(toks, text, i, i+n)
		i += n
	}
	for i := range toks {
		toks[i].Head = -1 // not parsed
	}
	return toks
}

// hyphenPrefixes keep their hyphen inside the word ("anti-war",
// "e-mail", "non-rail"), as the Penn and UD English treebanks do; other
// hyphenated compounds are split into words and hyphens.
var hyphenPrefixes = map[string]bool{
	"anti": true, "post": true, "pre": true, "pro": true, "non": true, "mid": true, "e": true,
	"multi": true, "neo": true, "cross": true, "co": true, "re": true, "self": true, "ex": true,
	"semi": true, "sub": true, "super": true, "counter": true, "inter": true, "intra": true,
	"over": true, "under": true, "ultra": true, "vice": true, "x": true, "bi": true, "tri": true,
	"mini": true, "micro": true, "macro": true, "mega": true, "pan": true, "quasi": true,
	"trans": true, "de": true, "un": true, "all": true, "half": true, "well": true,
}

// givenName reports whether word, hyphenated at i, is a romanized given
// name written with a lowercase second syllable after a surname: "Hau
// Lung-bin", "Moon Jae-in", "Ban Ki-moon" stay one word. Compounds after a
// name ("Saudi Arabia-led", "Hong Kong-listed", "Wall Street-style") are
// not: their second part is a participle or a word of the list.
func givenName(toks []nlp.Word, text string, start int, word string, i int) bool {
	first, second := word[:i], word[i+1:]
	if len(first) < 2 || len(first) > 6 || len(second) < 2 || len(second) > 5 || strings.Contains(second, "-") {
		return false
	}
	if !isUpperASCII(first[0]) || !isLowerWord(first[1:]) || !isLowerWord(second) || nameCompounds[second] ||
		strings.HasSuffix(second, "ed") || strings.HasSuffix(second, "ing") {
		return false
	}
	// the surname: a capitalized word a single space before
	if len(toks) == 0 {
		return false
	}
	p := toks[len(toks)-1]
	return p.End == start-1 && text[p.End] == ' ' && len(p.Text) >= 2 && isUpperASCII(p.Text[0]) && isLowerWord(p.Text[1:])
}

// isUpperASCII reports whether b is an ASCII capital letter.
func isUpperASCII(b byte) bool { return b >= 'A' && b <= 'Z' }

// isLowerWord reports whether s is non-empty and all ASCII lower-case
// letters.
func isLowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// nameCompounds are the second parts of compounds after a name that
// givenName must not take for a syllable ("Wall Street-style").
var nameCompounds = map[string]bool{"led": true, "run": true, "born": true, "made": true, "held": true, "built": true,
	"area": true, "style": true, "wide": true, "type": true, "era": true, "free": true, "like": true, "only": true,
	"class": true, "level": true, "size": true, "grown": true, "bound": true, "proof": true, "owned": true,
	"based": true, "up": true, "out": true, "off": true, "over": true, "down": true,
	"esque": true, "ish": true, "ist": true, "ism": true, "year": true, "day": true, "week": true, "month": true,
	"old": true, "new": true, "side": true, "wise": true, "less": true, "sized": true, "fold": true}

// splitParts are contractions written as one word that treebanks split
// into two ("cannot" = "can" + "not").
var splitParts = map[string]int{"cannot": 3, "gonna": 3, "gotta": 3, "wanna": 3}

// appendSplit appends text[start:end], split at hyphens between words
// ("US-Mexico" -> "US", "-", "Mexico") unless the first part is a prefix,
// at slashes between letters ("and/or"), and in contractions ("cannot").
func appendSplit(toks []nlp.Word, text string, start, end int) []nlp.Word {
	word := text[start:end]
	if k, ok := splitParts[strings.ToLower(word)]; ok {
		return append(toks, nlp.Word{Text: word[:k], Start: start, End: start + k}, nlp.Word{Text: word[k:], Start: start + k, End: end})
	}
	if isURLOrEmail(word) || strings.Contains(word, "--") {
		return append(toks, nlp.Word{Text: word, Start: start, End: end})
	}
	for i := 1; i < len(word)-1; i++ {
		c := word[i]
		if c != '-' && c != '/' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(word[:i])
		next, _ := utf8.DecodeRuneInString(word[i+1:])
		if c == '/' && !(unicode.IsLetter(prev) && unicode.IsLetter(next)) {
			continue
		}
		if c == '-' && hyphenPrefixes[strings.ToLower(word[:i])] && !strings.Contains(word[:i], "-") {
			continue
		}
		if c == '-' && givenName(toks, text, start, word, i) {
			break
		}
		toks = append(toks, nlp.Word{Text: word[:i], Start: start, End: start + i}, nlp.Word{Text: word[i : i+1], Start: start + i, End: start + i + 1})
		return appendSplit(toks, text, start+i+1, end)
	}
	return append(toks, nlp.Word{Text: word, Start: start, End: end})
}

func isURLOrEmail(w string) bool {
	return hasURLPrefix(w) || strings.Contains(w, "@") || strings.Contains(w, "://")
}

// isRunPunct are marks that repeat as one token: "!!!", "?!", "====".
func isRunPunct(r rune) bool { return strings.ContainsRune("!?=*_~+#<>^", r) }

// scan returns the byte length of the token that starts at text[i].
func scan(text string, i int) int {
	rest := text[i:]
	r, size := utf8.DecodeRuneInString(rest)
	switch {
	case strings.HasPrefix(rest, "..."):
		n := 3
		for n < len(rest) && rest[n] == '.' {
			n++
		}
		return n
	case r == '…':
		return size
	case r == '.' && strings.HasPrefix(rest, "..") || (r == '!' || r == '?') && len(rest) > 1 && strings.ContainsRune("!?.", rune(rest[1])):
		return scanWhile(rest, func(r rune) bool { return r == '!' || r == '?' || r == '.' }, false)
	case isRunPunct(r) && len(rest) > size && rest[size] == rest[0]:
		return scanWhile(rest, func(c rune) bool { return c == r }, false)
	case r == '$' || r == '€' || r == '£':
		return size
	case isApostrophe(r) && i > 0 && prevIsWord(text[:i]) && isClitic(lowerPrefix(rest[size:])):
		return size + cliticLen(lowerPrefix(rest[size:]))
	case isApostrophe(r) && shortYear(rest[size:]) > 0:
		return size + shortYear(rest[size:])
	case (r == 'n' || r == 'N') && isNegClitic(lowerPrefix(rest)):
		return len("n") + len(string([]rune(rest[1:])[0])) + 1
	case strings.HasPrefix(rest, "--"):
		n := 2
		for n < len(rest) && rest[n] == '-' {
			n++
		}
		return n
	case hasURLPrefix(rest):
		return scanWhile(rest, func(r rune) bool { return !unicode.IsSpace(r) && r != '"' && r != '<' && r != '>' }, true)
	case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '#' || r == '@':
		return scanWord(rest)
	}
	return size
}

// shortYear returns the length of a year or decade written with two
// digits after an apostrophe ("'72", "’80s"; one token, as in UD's
// treebanks), or 0.
func shortYear(s string) int {
	if len(s) < 2 || !isDigitByte(s[0]) || !isDigitByte(s[1]) {
		return 0
	}
	n := 2
	if n < len(s) && s[n] == 's' {
		n++
	}
	if r, _ := utf8.DecodeRuneInString(s[n:]); n < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return 0
	}
	return n
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func hasURLPrefix(s string) bool {
	l := lowerPrefix(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.")
}

// scanWhile returns how many bytes of s satisfy ok; with trimPunct it gives
// back trailing punctuation that usually belongs to the sentence.
func scanWhile(s string, ok func(rune) bool, trimPunct bool) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !ok(r) {
			break
		}
		n += size
	}
	if trimPunct {
		for n > 0 && strings.ContainsRune(".,;:!?)]'", rune(s[n-1])) {
			n--
		}
	}
	return n
}

// scanWord scans a word, a number, an abbreviation with inner periods, a
// currency amount or an e-mail address. It stops before a clitic ("'s",
// "n't"), which becomes a token of its own.
func scanWord(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			n += size
			continue
		case n == 0 && (r == '#' || r == '@'):
			n += size
			continue
		case r == '-' || r == '.' || r == ',' || r == '@' || r == '/' || r == ':' || isApostrophe(r) || r == '&':
			// Joiners count only between word characters, with rules
			// for each kind.
			next, nsize := utf8.DecodeRuneInString(s[n+size:])
			if n+size >= len(s) || !(unicode.IsLetter(next) || unicode.IsDigit(next)) {
				if r == '.' && isAbbrevBefore(s[:n]) {
					return n + size
				}
				return n
			}
			prev, _ := utf8.DecodeLastRuneInString(s[:n])
			switch r {
			case ',', ':':
				// 32,000 and 10:30 but not "a,b".
				if !unicode.IsDigit(prev) || !unicode.IsDigit(next) {
					return n
				}
			case '.':
				// 3.5, U.S., e-mail domains; not "end.Next".
				if unicode.IsDigit(prev) && !unicode.IsDigit(next) {
					return n
				}
				if unicode.IsLower(prev) && unicode.IsUpper(next) && !strings.Contains(s[:n], "@") {
					return n
				}
			case '\'', '’', '`', '´':
				// Clitics split: "US's" -> "US" + "'s"; "n't" handled by caller.
				rest := lowerPrefix(s[n+size:])
				if isClitic(rest) {
					return n
				}
				if strings.HasSuffix(strings.ToLower(s[:n]), "n") && strings.HasPrefix(rest, "t") && !continuesWord(rest[1:]) {
					// "don't" -> "do" + "n't"
					return n - 1
				}
			case '/':
				if !unicode.IsDigit(prev) && !unicode.IsLetter(prev) {
					return n
				}
			case '&':
				if !unicode.IsUpper(prev) || !unicode.IsUpper(next) {
					return n
				}
			}
			n += size + nsize
			continue
		case r == '%' && n > 0:
			return n // percent sign becomes its own token
		}
		break
	}
	if n == 0 {
		_, size := utf8.DecodeRuneInString(s)
		return size
	}
	return n
}

// lowerPrefix lower-cases the first few bytes of s: enough to match
// clitics, without copying the rest of the text for every token.
func lowerPrefix(s string) string {
	if len(s) > 8 {
		s = s[:8]
	}
	return strings.ToLower(s)
}

func continuesWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

var clitics = []string{"s", "re", "ve", "ll", "d", "m"}

func isClitic(rest string) bool { return cliticLen(rest) > 0 }

func cliticLen(rest string) int {
	for _, c := range clitics {
		if strings.HasPrefix(rest, c) && !continuesWord(rest[len(c):]) {
			return len(c)
		}
	}
	return 0
}

// isAbbrevBefore reports whether word, followed by a period, is an
// abbreviation whose period belongs to it: a known abbreviation, a single
// letter ("J."), or a dotted acronym ("U.S").
func isAbbrevBefore(word string) bool {
	w := strings.ToLower(word)
	if abbreviations[w] {
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	return strings.Contains(w, ".") && !strings.Contains(w, "@")
}

// Split tokenizes text and groups its tokens into sentences.
func Split(text string) []nlp.Sentence {
	toks := Tokenize(text)
	var sents []nlp.Sentence
	start := 0
	for i := 0; i < len(toks); i++ {
		if !isSentenceEnd(text, toks, i) {
			continue
		}
		end := i + 1
		// Closing quotes and brackets belong to the sentence they close.
		for end < len(toks) && isCloser(toks[end].Text) && !opensQuote(text, toks, end) {
			end++
		}
		sents = append(sents, makeSentence(len(sents), toks[start:end]))
		start = end
		i = end - 1
	}
	if start < len(toks) {
		sents = append(sents, makeSentence(len(sents), toks[start:]))
	}
	return sents
}

func makeSentence(index int, toks []nlp.Word) nlp.Sentence {
	return nlp.Sentence{Index: index, Start: toks[0].Start, End: toks[len(toks)-1].End, Words: toks}
}

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

// opensQuote reports whether the straight quote at toks[i] opens a new
// quotation: it is followed by a word with no space between.
func opensQuote(text string, toks []nlp.Word, i int) bool {
	if toks[i].Text != "\"" && toks[i].Text != "'" {
		return false
	}
	if i+1 >= len(toks) {
		return false
	}
	return toks[i+1].Start == toks[i].End && toks[i].Start > toks[i-1].End
}

// isSentenceEnd reports whether toks[i] ends a sentence.
func isSentenceEnd(text string, toks []nlp.Word, i int) bool {
	t := toks[i].Text
	next := func() (nlp.Word, bool) {
		if i+1 < len(toks) {
			return toks[i+1], true
		}
		return nlp.Word{}, false
	}
	// Paragraph breaks always end a sentence.
	if i+1 < len(toks) && strings.Count(text[toks[i].End:toks[i+1].Start], "\n") >= 1 {
		return true
	}
	switch {
	case t == "!" || t == "?":
		return true
	case t == ".":
		return true
	case t == "..." || t == "…" || strings.HasPrefix(t, "...."):
		// An ellipsis ends a sentence only before a capitalized word that
		// is not a name continuing the clause; inside quotes it is a pause.
		n, ok := next()
		if !ok {
			return true
		}
		return startsUpper(n.Text) && sentenceStarter[strings.ToLower(n.Text)]
	case strings.HasSuffix(t, ".") && len(t) > 1:
		// A token that swallowed its period: an abbreviation. It ends the
		// sentence only when the next word starts a new one.
		w := strings.ToLower(strings.TrimSuffix(t, "."))
		if titleAbbreviations[w] {
			return false
		}
		n, ok := next()
		if !ok {
			return true
		}
		if isCloser(n.Text) {
			return true
		}
		if !startsUpper(n.Text) {
			return false
		}
		// "U.S. officials" continues; "in the U.S. The next" does not.
		return sentenceStarter[strings.ToLower(n.Text)]
	}
	return false
}

// sentenceStarter are capitalized words that, after an abbreviation, are
// far more likely to begin a sentence than to continue a name.
var sentenceStarter = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "this": true, "that": true, "these": true, "those": true, "in": true,
	"on": true, "at": true, "but": true, "and": true, "however": true, "his": true, "her": true,
	"their": true, "its": true, "there": true, "after": true, "before": true, "when": true,
	"while": true, "officials": true, "according": true, "last": true, "earlier": true, "meanwhile": true,
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || r == '"' || r == '“'
}

// isApostrophe reports the characters written for an apostrophe: the
// typewriter one, the typographic one, and the grave and acute accents
// that some sites type instead ("don`t", "it´s").
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '`' || r == '´' }

// isNegClitic reports a lower-cased text starting with "n't", whatever
// its apostrophe.
func isNegClitic(s string) bool {
	if !strings.HasPrefix(s, "n") {
		return false
	}
	r, size := utf8.DecodeRuneInString(s[1:])
	return isApostrophe(r) && strings.HasPrefix(s[1+size:], "t")
}

func prevIsWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// ASCII returns the plain ASCII form of a typographic quote, apostrophe
// or ellipsis token ("“" -> `"`, "’s" -> "'s", "…" -> "..."), the forms
// that tagging models are trained on, and any other text unchanged. Tokens
// themselves keep their verbatim text.
func ASCII(s string) string {
	switch s {
	case "“", "”", "„", "«", "»":
		return "\""
	case "‘", "’":
		return "'"
	case "…":
		return "..."
	}
	if len(s) <= 5 && strings.ContainsAny(s, "’`´") && strings.IndexFunc(s, unicode.IsLetter) >= 0 {
		// a clitic with another apostrophe: "’s", "n`t", "´ll"
		return apostrophes.Replace(s)
	}
	return s
}

// apostrophes writes typographic apostrophes as ASCII ones. A Replacer is
// built on first use, which costs far more than a replacement: one for all.
var apostrophes = strings.NewReplacer("’", "'", "`", "'", "´", "'")
