package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/kg"
)

// MaxImportErrors is how many problems an import reports before it
// stops looking for more.
const MaxImportErrors = 20

// ImportNQuads adds the quads of an N-Quads stream in one transaction,
// after checking all of them: every line must be valid UTF-8 and parse,
// every IRI must be absolute and free of the characters N-Quads forbids
// in one, and what uses newsgraph's vocabulary must be whole (a statement
// needs its subject, predicate and object, here or already stored; an
// entity type must be one newsgraph knows; numbers must be numbers). Any
// problem refuses the whole import with EINVALID and a list of the first
// MaxImportErrors problems by line number: nothing half-formed reaches
// the graph. Quads of other vocabularies (any RDF, owl:sameAs links) are
// taken as they are.
func (s *Store) ImportNQuads(ctx context.Context, r io.Reader) (int, error) {
	if err := s.writable(); err != nil {
		return 0, err
	}
	quads, lines, err := readNQuads(r)
	if err != nil {
		return 0, err
	}
	if err := s.checkImport(ctx, quads, lines); err != nil {
		return 0, err
	}
	if err := s.lockWrites(ctx); err != nil {
		return 0, fmt.Errorf("import: %w", err)
	}
	defer s.unlockWrites()
	nodes := linkSubjects(quads)
	seq, _, err := s.write(ctx, quads, &change{op: "import", nodes: nodes}, nil)
	if err != nil {
		return 0, fmt.Errorf("import: %w", err)
	}
	// An import may bring any quads: the adjacency index is built again.
	s.dropAdjacency()
	s.changed(ctx, seq, nodes, nil, nil)
	return len(quads), nil
}

// importErrors collects an import's problems, by line.
type importErrors []string

func (e *importErrors) add(line int, format string, args ...any) {
	if len(*e) < MaxImportErrors {
		*e = append(*e, fmt.Sprintf("line %d: %s", line, fmt.Sprintf(format, args...)))
	}
}

func (e importErrors) err() error {
	if len(e) == 0 {
		return nil
	}
	more := ""
	if len(e) == MaxImportErrors {
		more = "\n(stopped after this many)"
	}
	return kg.Errorf(kg.EINVALID, "import refused, nothing written:\n%s%s", strings.Join(e, "\n"), more)
}

// readNQuads parses a stream line by line (an N-Quads statement is one
// line), keeping each quad's line number.
func readNQuads(r io.Reader) ([]quad.Quad, []int, error) {
	br := bufio.NewReader(r)
	var (
		quads        []quad.Quad
		lines        []int
		errs         importErrors
		export, done bool // the file says it is an export; its end line was read
		last, read   int
	)
	for n := 1; ; n++ {
		read = n
		line, rerr := br.ReadString('\n')
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return nil, nil, fmt.Errorf("read N-Quads: %w", rerr)
		}
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff") // a byte-order mark an editor added
		}
		t := strings.TrimSpace(line)
		if n == 1 && t == ExportHeader {
			export = true
		}
		var count int
		if export && strings.HasPrefix(t, "#") {
			if _, err := fmt.Sscanf(t, ExportEnd, &count); err == nil {
				if count != len(quads) {
					errs.add(n, "the export ends with a count of %d quads but holds %d: it is not whole", count, len(quads))
				}
				done, last = true, n
			}
		}
		if t != "" && !strings.HasPrefix(t, "#") {
			if done {
				errs.add(n, "a quad after the export's end line %d", last)
			}
			switch q, err := parseLine(line); {
			case err != nil:
				errs.add(n, "%v", err)
			default:
				quads = append(quads, q)
				lines = append(lines, n)
			}
		}
		if rerr != nil {
			break
		}
	}
	if export && !done {
		errs.add(read, "the export has no end line: it was cut short (%d quads read)", len(quads))
	}
	return quads, lines, errs.err()
}

// parseLine parses one N-Quads line and checks its terms.
func parseLine(line string) (quad.Quad, error) {
	if !utf8.ValidString(line) {
		return quad.Quad{}, errors.New("not valid UTF-8")
	}
	q, err := nquads.NewReader(strings.NewReader(line), false).ReadQuad()
	if err != nil {
		return quad.Quad{}, fmt.Errorf("not an N-Quads statement: %v", err)
	}
	q.Object = shortType(q.Object)
	for _, d := range quad.Directions {
		v := q.Get(d)
		if v == nil {
			if d == quad.Label {
				continue
			}
			return quad.Quad{}, fmt.Errorf("no %s", d)
		}
		if iri, ok := v.(quad.IRI); ok {
			if err := checkIRI(string(iri)); err != nil {
				return quad.Quad{}, fmt.Errorf("%s %v", d, err)
			}
		}
		if t, ok := v.(quad.TypedString); ok {
			if err := checkIRI(string(t.Type)); err != nil {
				return quad.Quad{}, fmt.Errorf("%s datatype %v", d, err)
			}
		}
	}
	if _, ok := q.Predicate.(quad.IRI); !ok {
		return quad.Quad{}, errors.New("the predicate is not an IRI")
	}
	return q, nil
}

// checkIRI accepts absolute IRIs without the characters N-Quads forbids
// in them (white space, controls, <>"{}|^`\).
func checkIRI(iri string) error {
	for _, r := range iri {
		if r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r) {
			return fmt.Errorf("IRI <%s> holds %q", iri, r)
		}
	}
	colon := strings.IndexByte(iri, ':')
	if colon < 1 {
		return fmt.Errorf("IRI <%s> is not absolute (no scheme)", iri)
	}
	for i, r := range iri[:colon] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return fmt.Errorf("IRI <%s> has no valid scheme", iri)
		}
	}
	return nil
}

// What each class of newsgraph's vocabulary needs to be whole.
var required = map[quad.IRI][]quad.IRI{
	classStatement:  {pSubject, pPredicate, pObject},
	classEntity:     {pName, pEntityType},
	classValue:      {pName, pEntityType},
	classMention:    {pMentionOf, pArticle},
	classProvenance: {pArticle},
	classArticle:    {pText},
	classArgument:   {pArgValue},
	classClaim:      {pClaimSubject, pClaimPredicate, pClaimObject},
	classPlace:      {pCountryCode, pPlaceKind},
}

// checkImport checks the terms of newsgraph's vocabulary in quads, and
// that what they type is whole, counting what the store already holds.
func (s *Store) checkImport(ctx context.Context, quads []quad.Quad, lines []int) error {
	var errs importErrors
	has := map[quad.Value]map[quad.IRI]bool{}
	typed := map[quad.Value]quad.IRI{}
	typeLine := map[quad.Value]int{}
	for i, q := range quads {
		p := q.Predicate.(quad.IRI)
		if has[q.Subject] == nil {
			has[q.Subject] = map[quad.IRI]bool{}
		}
		has[q.Subject][p] = true
		if p == rdfType {
			if c, ok := q.Object.(quad.IRI); ok && required[c] != nil {
				typed[q.Subject], typeLine[q.Subject] = c, lines[i]
			}
		}
		if !strings.HasPrefix(string(p), Vocab) {
			continue
		}
		if msg := checkTerm(p, q.Object); msg != "" {
			errs.add(lines[i], "%s: %s", p, msg)
		}
	}
	for sub, class := range typed {
		for _, p := range required[class] {
			if has[sub][p] {
				continue
			}
			stored, err := s.has(ctx, sub, rdfType, class)
			if err != nil {
				return fmt.Errorf("import: %w", err)
			}
			ok := false
			if stored {
				pp, err := s.props(ctx, string(iriOf(sub)))
				if err != nil {
					return fmt.Errorf("import: %w", err)
				}
				ok = len(pp[p]) > 0
			}
			if !ok {
				errs.add(typeLine[sub], "%s is a %s without %s", sub, strings.TrimPrefix(string(class), Vocab), strings.TrimPrefix(string(p), Vocab))
			}
		}
	}
	return errs.err()
}

// checkTerm checks the object of one of newsgraph's predicates; it
// returns what is wrong, or "".
func checkTerm(p quad.IRI, o quad.Value) string {
	isIRI := func() string {
		if _, ok := o.(quad.IRI); !ok {
			return "want an IRI, got " + o.String()
		}
		return ""
	}
	switch p {
	case pSubject, pObject, pMentionOf, pArticle, pProvenance, pCopyOf, pArgument, pArgValue, pAttributedTo,
		pClaimSubject, pClaimPredicate, pClaimedBy, pLocation:
		return isIRI()
	case pEntityType:
		t, ok := o.(quad.String)
		if !ok || !kg.EntityType(t).Valid() {
			return fmt.Sprintf("unknown entity type %s", o)
		}
	case pStart, pEnd, pSentence, pIndex:
		if n, ok := o.(quad.Int); !ok || n < 0 {
			return "want a whole number ≥ 0, got " + o.String()
		}
	case pConfidence:
		if f, ok := o.(quad.Float); !ok || f < 0 || f > 1 {
			return "want a number from 0 to 1, got " + o.String()
		}
	case pValue:
		switch o.(type) {
		case quad.Float, quad.Int:
		default:
			return "want a number, got " + o.String()
		}
	case pNegated:
		if _, ok := o.(quad.Bool); !ok {
			return "want true or false, got " + o.String()
		}
	case pPublishedAt:
		if _, ok := o.(quad.Time); !ok {
			return "want a date-time, got " + o.String()
		}
	case pName, pAlias, pText, pPredicate, pRelation, pUnit, pRule, pModality, pTime, pDate, pPlace, pTitle, pSource, pAuthor, pURL, pHash, pRole, pVia,
		pCountryCode, pAdmin, pPlaceKind:
		if _, ok := o.(quad.String); !ok {
			return "want a string, got " + o.String()
		}
	}
	return ""
}
