package kg

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// DefaultBase is the base IRI used when none is configured.
const DefaultBase = "https://newsgraph.dev/id/"

// IRIs names things under a base IRI.
type IRIs struct {
	Base string
}

// NewIRIs returns the scheme for base, which gets a trailing slash if it
// has none. An empty base means DefaultBase.
func NewIRIs(base string) IRIs {
	if base == "" {
		base = DefaultBase
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		base += "/"
	}
	return IRIs{Base: base}
}

// Entity returns the IRI of the entity of type t whose canonical name is name.
func (s IRIs) Entity(t EntityType, name string) string {
	return s.Base + "entity/" + strings.ToLower(string(t)) + "/" + Slug(name)
}

// Value returns the IRI of a literal value (quantity, date, concept).
func (s IRIs) Value(t EntityType, text string) string {
	return s.Base + "value/" + strings.ToLower(string(t)) + "/" + Slug(text)
}

// Node returns the IRI of n: an entity IRI for named types, a value IRI
// otherwise.
func (s IRIs) Node(n Node) string {
	if n.IsEntity() {
		return s.Entity(n.Type, n.Name)
	}
	return s.Value(n.Type, n.Name)
}

// Article returns the IRI of an article with the given text.
func (s IRIs) Article(text string) string {
	return s.Base + "article/" + ArticleHash(text)
}

// IsArticle reports whether iri has the form of an article IRI of this
// scheme (Article gives such IRIs).
func (s IRIs) IsArticle(iri string) bool {
	h, ok := strings.CutPrefix(iri, s.Base+"article/")
	if !ok || len(h) != 32 {
		return false
	}
	_, err := hex.DecodeString(h)
	return err == nil
}

// Predicate returns the IRI of the direct edge for a predicate lemma.
func (s IRIs) Predicate(pred string) string {
	return s.Base + "rel/" + Slug(pred)
}

// Statement returns the IRI of a statement. The same fact read in two
// articles gets the same IRI; negated and modal readings get their own.
func (s IRIs) Statement(subject, predicate, object string, negated bool, modality string) string {
	h := sha256.New()
	for _, part := range []string{subject, predicate, object, strconv.FormatBool(negated), modality} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return s.Base + "statement/" + hex.EncodeToString(h.Sum(nil)[:12])
}

// Provenance returns the IRI of one reading of a statement in an article.
func (s IRIs) Provenance(statement, article string, sentence int, span Span) string {
	h := sha256.New()
	h.Write([]byte(statement + "\x00" + article + "\x00" + strconv.Itoa(sentence) + "\x00" +
		strconv.Itoa(span.Start) + "\x00" + strconv.Itoa(span.End)))
	return s.Base + "provenance/" + hex.EncodeToString(h.Sum(nil)[:12])
}

// Claim returns the IRI of the claim that node subject has the property
// predicate with value object (in N-Quads form), which the store keeps
// to know which articles say so.
func (s IRIs) Claim(subject, predicate, object string) string {
	h := sha256.New()
	h.Write([]byte(subject + "\x00" + predicate + "\x00" + object))
	return s.Base + "claim/" + hex.EncodeToString(h.Sum(nil)[:12])
}

// Mention returns the IRI of one mention of an entity in an article.
func (s IRIs) Mention(article string, m Mention) string {
	h := sha256.New()
	h.Write([]byte(article + "\x00" + strconv.Itoa(m.Start) + "\x00" + strconv.Itoa(m.End)))
	return s.Base + "mention/" + hex.EncodeToString(h.Sum(nil)[:12])
}

// NormalizeText is the form of an article's text that its identity is
// computed from: Unicode NFC, line endings unified, surrounding white space
// trimmed. Two copies of an article that differ only in these respects are
// the same article.
func NormalizeText(text string) string {
	text = norm.NFC.String(text)
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.TrimSpace(text)
}

// ArticleHash is the hex hash that identifies an article's text.
func ArticleHash(text string) string {
	sum := sha256.Sum256([]byte(NormalizeText(text)))
	return hex.EncodeToString(sum[:16])
}

// Slug folds a name into an IRI path segment: lower case, accents removed,
// runs of anything but letters and digits turned into one hyphen.
// "Andrés Manuel López Obrador" becomes "andres-manuel-lopez-obrador".
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '%':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteString("pct")
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// Fold is the matching form of a name: lower case, accents removed, so
// that "Lopez" matches "López".
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.TrimSpace(b.String())
}

// Kind reads an entity or value IRI of this scheme: whether it names an
// entity, its type, and the slug of its name ("entity/gpe/mexico" -> true,
// GPE, "mexico"). ok is false for other IRIs.
func (s IRIs) Kind(iri string) (entity bool, t EntityType, slug string, ok bool) {
	rest, found := strings.CutPrefix(iri, s.Base)
	if !found {
		return false, "", "", false
	}
	parts := strings.SplitN(rest, "/", 3)
	if len(parts) != 3 || parts[0] != "entity" && parts[0] != "value" {
		return false, "", "", false
	}
	t = EntityType(strings.ToUpper(parts[1]))
	if !t.Valid() {
		return false, "", "", false
	}
	return parts[0] == "entity", t, parts[2], true
}
