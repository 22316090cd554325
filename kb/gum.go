package kb

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp/conllu"
)

// FromGUM builds a knowledge base from GUM's entity annotation: every
// entity GUM gives a Wikipedia identity becomes an item whose IRI is the
// Wikipedia article's, whose label is its title and whose aliases are the
// names GUM's documents call it by (mentions written as names, not
// descriptions or pronouns). People, organizations, places and events
// only; no country or GeoNames id (GUM has none).
func FromGUM(dir string) ([]Item, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "GUM_*.conllu"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no GUM_*.conllu files", dir)
	}
	type entry struct {
		typ   kg.EntityType
		names map[string]bool
	}
	byTitle := map[string]*entry{}
	for _, p := range paths {
		sents, err := conllu.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for _, s := range sents {
			for _, m := range identified(s) {
				t := gumType(m.typ)
				if t == "" {
					continue
				}
				e := byTitle[m.title]
				if e == nil {
					e = &entry{typ: t, names: map[string]bool{}}
					byTitle[m.title] = e
				}
				if n, ok := asName(m.words, m.upos); ok {
					e.names[n] = true
				}
			}
		}
	}
	titles := make([]string, 0, len(byTitle))
	for t := range byTitle {
		titles = append(titles, t)
	}
	sort.Strings(titles)
	var out []Item
	for _, title := range titles {
		e := byTitle[title]
		label := strings.ReplaceAll(title, "_", " ")
		if i := strings.LastIndex(label, " ("); i > 0 && strings.HasSuffix(label, ")") {
			label = label[:i] // "Victoria (Australia)"
		}
		it := Item{IRI: "https://en.wikipedia.org/wiki/" + iriPath(title), Label: label, Type: e.typ}
		for n := range e.names {
			if n != label {
				it.Aliases = append(it.Aliases, n)
			}
		}
		sort.Strings(it.Aliases)
		out = append(out, it)
	}
	return out, nil
}

// Write writes items as a knowledge-base table Read reads.
func Write(w io.Writer, items []Item) error {
	if _, err := io.WriteString(w, "iri\tlabel\taliases\ttype\tcountry\tgeonames\n"); err != nil {
		return err
	}
	for _, it := range items {
		g := ""
		if it.Geonames != 0 {
			g = fmt.Sprint(it.Geonames)
		}
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", it.IRI, it.Label, strings.Join(it.Aliases, "|"), it.Type, it.Country, g); err != nil {
			return err
		}
	}
	return nil
}

// gumMention is a mention with a Wikipedia identity.
type gumMention struct {
	typ, title string
	words      []string
	upos       []string
}

// identified reads the mentions of a GUM sentence that carry an identity:
// `Entity=(ID-type-infstat-salience-centering-minspan-link-identity` opens
// one, `ID)` closes it.
func identified(s conllu.Sentence) []gumMention {
	type open struct {
		id, typ, title string
		start          int
	}
	var stack []open
	var out []gumMention
	for i, w := range s.Words {
		val := ""
		for _, kv := range strings.Split(w.Misc, "|") {
			if v, ok := strings.CutPrefix(kv, "Entity="); ok {
				val = v
			}
		}
		closeAt := func(o open) {
			if o.title == "" {
				return
			}
			m := gumMention{typ: o.typ, title: o.title}
			for _, x := range s.Words[o.start : i+1] {
				m.words = append(m.words, x.Form)
				m.upos = append(m.upos, x.UPOS)
			}
			out = append(out, m)
		}
		for val != "" {
			if val[0] == '(' {
				end := strings.IndexAny(val[1:], "()") + 1
				if end == 0 {
					end = len(val)
				}
				f := strings.Split(val[1:end], "-")
				o := open{id: f[0], start: i}
				if len(f) > 1 {
					o.typ = f[1]
				}
				if len(f) > 7 {
					if t, err := url.PathUnescape(strings.Join(f[7:], "-")); err == nil {
						o.title = t
					}
				}
				val = val[end:]
				if strings.HasPrefix(val, ")") {
					closeAt(o)
					val = val[1:]
					continue
				}
				stack = append(stack, o)
				continue
			}
			end := strings.IndexByte(val, ')')
			if end < 0 {
				break
			}
			id := val[:end]
			val = val[end+1:]
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].id == id {
					closeAt(stack[k])
					stack = append(stack[:k], stack[k+1:]...)
					break
				}
			}
		}
	}
	return out
}

func gumType(t string) kg.EntityType {
	switch t {
	case "person":
		return kg.Person
	case "organization":
		return kg.Organization
	case "place":
		return kg.GPE
	case "event":
		return kg.Event
	}
	return ""
}

// asName returns a mention's words as a name when they are one: after a
// leading "the", proper nouns and numbers, capitalized, and the small
// words of names between them ("Bay of Bengal"); descriptions ("King of
// Athens") and pronouns are not.
func asName(words, upos []string) (string, bool) {
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		words, upos = words[1:], upos[1:]
	}
	if len(words) == 0 || len(words) > 8 {
		return "", false
	}
	var b strings.Builder
	for i, w := range words {
		r := []rune(w)
		switch {
		case (unicode.IsUpper(r[0]) || unicode.IsDigit(r[0])) && (upos[i] == "PROPN" || upos[i] == "NUM"):
		case w == "of" || w == "and" || w == "de" || w == "la" || w == "von" || w == "van" || w == "-" || w == "–" || w == "&":
			if i == 0 || i == len(words)-1 {
				return "", false
			}
		case w == "'s" && i == len(words)-1:
			return "", false
		default:
			return "", false
		}
		if i > 0 && !strings.HasPrefix(w, "'") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	n := b.String()
	return n, len(n) > 1
}

// iriPath escapes what an IRI may not hold in a title.
func iriPath(title string) string {
	var b strings.Builder
	for _, r := range strings.ReplaceAll(title, " ", "_") {
		if r <= ' ' || strings.ContainsRune("<>\"{}|\\^`%", r) {
			fmt.Fprintf(&b, "%%%02X", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
