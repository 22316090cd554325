package ner

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
	"github.com/newsgraph/newsgraph/nlp/token"
)

// Model is a trained entity labeller. It is safe for concurrent use.
//
// It labels in two passes: the first sees one sentence; the second sees
// the sentence and what the first pass said about the same words
// elsewhere in the document.
type Model struct {
	first, second pass
	res           resources
}

// pass is the weights of one labelling pass.
type pass struct {
	weights *perceptron.Model
	// trans[a+1][b] is the score of label b after label a (a = -1 at the
	// start of a sentence); trans[a+1][nLabels] ends a sentence after a.
	trans [nLabels + 1][nLabels + 1]float32
}

// Span is an entity mention found in a sentence: tokens [Start, End).
type Span struct {
	Start, End int
	Type       string // PERSON, ORGANIZATION, GPE, LOCATION, FACILITY, NORP, EVENT or WORK
}

// scorer is what decoding needs of the weights; both the trainer and the
// averaged model have it.
type scorer interface {
	Scores(feats []uint64, scores []float32)
}

// decoder holds the buffers of one decoding.
type decoder struct {
	feats []uint64
	emit  [][nLabels]float32
	best  [][nLabels]float32
	back  [][nLabels]int8
}

// emissions scores every label of every word.
func (d *decoder) emissions(m scorer, ws []word, mode uint64) {
	d.emit = d.emit[:0]
	for i := range ws {
		d.feats = features(d.feats[:0], ws, i, mode)
		var s [nLabels]float32
		m.Scores(d.feats, s[:])
		d.emit = append(d.emit, s)
	}
}

const negInf = float32(-1e30)

// viterbi returns the best valid label sequence under the emissions and
// transition scores.
func (d *decoder) viterbi(trans *[nLabels + 1][nLabels + 1]float32, out []int) []int {
	return d.constrained(trans, nil, out)
}

// preds lists, for each label, the labels that may come before it (-1
// for the start of a sentence).
var preds = func() [nLabels][]int {
	var p [nLabels][]int
	for b := 0; b < nLabels; b++ {
		for a := -1; a < nLabels; a++ {
			if allowed(a, b) {
				p[b] = append(p[b], a)
			}
		}
	}
	return p
}()

// constrained is viterbi over the labels that ok allows (all when ok is
// nil).
func (d *decoder) constrained(trans *[nLabels + 1][nLabels + 1]float32, ok func(i, l int) bool, out []int) []int {
	n := len(d.emit)
	out = out[:0]
	if n == 0 {
		return out
	}
	if cap(d.best) < n {
		d.best = make([][nLabels]float32, n)
		d.back = make([][nLabels]int8, n)
	}
	best, back := d.best[:n], d.back[:n]
	for b := 0; b < nLabels; b++ {
		best[0][b] = negInf
		if allowed(-1, b) && (ok == nil || ok(0, b)) {
			best[0][b] = trans[0][b] + d.emit[0][b]
		}
	}
	for i := 1; i < n; i++ {
		prev, cur := &best[i-1], &best[i]
		for b := 0; b < nLabels; b++ {
			cur[b], back[i][b] = negInf, -1
			if ok != nil && !ok(i, b) {
				continue
			}
			top, arg := negInf, -1
			for _, a := range preds[b] {
				if a < 0 || prev[a] <= negInf {
					continue
				}
				if s := prev[a] + trans[a+1][b]; arg < 0 || s > top {
					top, arg = s, a
				}
			}
			if arg >= 0 {
				cur[b], back[i][b] = top+d.emit[i][b], int8(arg)
			}
		}
	}
	top, arg := negInf, 0
	for a := 0; a < nLabels; a++ {
		if best[n-1][a] <= negInf || !allowed(a, -1) {
			continue
		}
		if s := best[n-1][a] + trans[a+1][nLabels]; s > top {
			top, arg = s, a
		}
	}
	for i := 0; i < n; i++ {
		out = append(out, 0)
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		if i > 0 {
			arg = int(back[i][arg])
		}
	}
	return out
}

// decoders are reused across sentences and goroutines.
var decoders = sync.Pool{New: func() any { return new(decoder) }}

// labels decodes one sentence with the first pass, or with the second
// when docs (the document features of its words) is not nil.
func (m *Model) labels(toks []Token, docs []uint64, ctx [][]uint64) []int {
	ws := describe(toks, m.res)
	p := &m.first
	if docs != nil {
		p = &m.second
		for i := range ws {
			ws[i].doc, ws[i].ctx = docs[i], ctx[i]
		}
	}
	d := decoders.Get().(*decoder)
	defer decoders.Put(d)
	d.emissions(p.weights, ws, caseMode(toks))
	return d.viterbi(&p.trans, nil)
}

// Spans finds the entity mentions of one tokenized, tagged sentence on
// its own (the first pass).
func (m *Model) Spans(toks []Token) []Span {
	return m.output(toks, spansOf(m.labels(toks, nil, nil)))
}

// DocumentSpans finds the entity mentions of the sentences of a
// document, with both passes.
func (m *Model) DocumentSpans(doc [][]Token) [][]Span {
	first := make([][]int, len(doc))
	for i, toks := range doc {
		first[i] = classesOf(m.labels(toks, nil, nil))
	}
	docs, ctx := docFeatures(doc, first), docContexts(doc)
	out := make([][]Span, len(doc))
	for i, toks := range doc {
		out[i] = m.output(toks, spansOf(m.labels(toks, docs[i], ctx[i])))
	}
	return out
}

func (m *Model) output(toks []Token, spans []span) []Span {
	spans = kindNames(toks, spans)
	out := make([]Span, 0, len(spans))
	for i, s := range spans {
		lo, hi := 0, len(toks)
		if i > 0 {
			lo = spans[i-1].end
		}
		if i+1 < len(spans) {
			hi = spans[i+1].start
		}
		s.start, s.end = wholeWords(toks, s.start, s.end, lo, hi)
		if isTitle(toks[s.start:s.end]) {
			continue // "US Secretary of State Antony Blinken": a title is no name
		}
		if docReference(toks[s.start:s.end]) {
			continue // "Tab 3", "Exhibit B", "Figure 2": a part of a document
		}
		// A title is not part of a name: "Lawmaker Cheng Chung-tai".
		if s.typ == tPerson && s.end-s.start > 1 && gazetteer.IsTitle(toks[s.start].Text) {
			s.start++
		}
		typ := typeNames[s.typ]
		if s.typ == tPlace || s.typ == tPerson && m.placeInContext(toks, s.start, s.end) {
			typ = placeType(toks[s.start:s.end])
		}
		if s.typ == tPlace && m.agentOfPassive(toks, s.start, s.end) {
			typ = typeNames[tOrg]
		}
		if (s.typ == tPerson || s.typ == tPlace || s.typ == tWork) && orgInContext(toks, s.start, s.end) {
			typ = typeNames[tOrg]
		}
		if (s.typ == tPerson || s.typ == tPlace) && orgByName(toks[s.start:s.end]) {
			typ = typeNames[tOrg]
		}
		if s.start > lo && stormWord(toks[s.start-1].Text) {
			s.start-- // "Cyclone Phailin" is the storm's name
		}
		if stormWord(toks[s.start].Text) && s.end-s.start > 1 {
			typ = typeNames[tEvent] // a storm is an event, not a person or a company
		}
		out = append(out, Span{Start: s.start, End: s.end, Type: typ})
	}
	return out
}

// placeWords are the prepositions that put a place after them: "a man
// from Dover", "police in Preston". Not "to" or "of", which as often put
// a person ("wrote to Lincoln", "the son of Jackson").
var placeWords = setOf(`from in at near`)

// placeInContext reports whether the name toks[start:end], read as a
// person, is a place by what is written before it and what it is: a
// country, a state or a city of 15,000 people or more that is no one's
// first name, right after a preposition of place ("a man from Dover").
// The model reads such a name from its letters and knows surnames that
// are towns ("Dover", "Bath") from the name lists; the preposition and
// the gazetteer settle it.
func (m *Model) placeInContext(toks []Token, start, end int) bool {
	if start == 0 || !placeWords[toks[start-1].Text] || m.res.gaz == nil {
		return false
	}
	k := m.res.gaz.kindsOf(toks[start:end])
	if k&(gCountry|gState|gCity) != 0 {
		return true
	}
	return k&(gCity1|gCity2) != 0 && k&gFirst == 0
}

// agentOfPassive reports whether the name toks[start:end], read as a
// place, is the agent of a passive verb ("the attack was claimed by
// al-Qaeda") and no place the gazetteer knows: a place does not act, so a
// name that acts is taken for an organization.
func (m *Model) agentOfPassive(toks []Token, start, end int) bool {
	if start < 2 || toks[start-1].Text != "by" || toks[start-2].XPOS != "VBN" || m.res.gaz == nil {
		return false
	}
	return m.res.gaz.kindsOf(toks[start:end])&(gCountry|gState|gCity|gRegion|gCity1|gCity2|gCity3) == 0
}

// isTitle reports whether the words are a title and nothing more:
// "President", "Secretary of State".
func isTitle(ws []Token) bool {
	if len(ws) == 1 {
		return gazetteer.IsTitle(ws[0].Text)
	}
	parts := make([]string, len(ws))
	for i, t := range ws {
		parts[i] = strings.ToLower(t.Text)
	}
	return slices.Contains(gazetteer.MultiTitles(), strings.Join(parts, " "))
}

// Label sets the NER hint of every word of one tagged sentence: "B-TYPE",
// "I-TYPE" or "O". It implements the loader's entity labeller; it sees
// the sentence alone (see LabelDocument).
func (m *Model) Label(words []nlp.Word) {
	setHints(words, m.Spans(TokensOf(words)))
}

// LabelDocument revises the NER hints that Label set on the sentences of
// a document, letting each sentence see what Label found in the others:
// "Coron" read as a person in one sentence and as a place in five is a
// place. Hints set by another labeller would be taken as Label's.
func (m *Model) LabelDocument(doc [][]nlp.Word) {
	toks := make([][]Token, len(doc))
	first := make([][]int, len(doc))
	for i, ws := range doc {
		toks[i] = TokensOf(ws)
		first[i] = make([]int, len(ws))
		for j, w := range ws {
			first[i][j] = typeOfHint(w.NER)
		}
	}
	docs, ctx := docFeatures(toks, first), docContexts(toks)
	for i, ws := range doc {
		if agrees(first[i], docs[i]) {
			continue // nothing in the document speaks against the first pass
		}
		setHints(ws, m.output(toks[i], spansOf(m.labels(toks[i], docs[i], ctx[i]))))
	}
	stormNames(doc)
	definedAcronyms(doc)
}

// definedAcronyms gives an acronym the document defines after a name
// ("the World Health Organisation (WHO)") the name's type wherever it
// stands ("WHO say iodine deficiency ...", where it reads like "who").
func definedAcronyms(doc [][]nlp.Word) {
	types := map[string]string{}
	for _, ws := range doc {
		for k := 1; k+2 < len(ws); k++ {
			if ws[k].Text != "(" || ws[k+2].Text != ")" || len(ws[k-1].NER) < 3 || ws[k-1].NER[1] != '-' {
				continue // not "Name (ACRONYM)"
			}
			acr := ws[k+1].Text
			if len(acr) < 2 || strings.ToUpper(acr) != acr {
				continue
			}
			e := k - 1 // the name ends here; find its start
			b := e
			for b > 0 && strings.HasPrefix(ws[b].NER, "I-") {
				b--
			}
			var initials []byte
			for _, w := range ws[b : e+1] {
				if r := w.Text[0]; r >= 'A' && r <= 'Z' {
					initials = append(initials, r)
				}
			}
			if string(initials) == acr {
				types[acr] = ws[e].NER[2:]
			}
		}
	}
	for _, ws := range doc {
		for k, w := range ws {
			t, ok := types[w.Text]
			if !ok || strings.HasPrefix(w.NER, "I-") || k+1 < len(ws) && strings.HasPrefix(ws[k+1].NER, "I-") {
				continue
			}
			ws[k].NER = "B-" + t
		}
	}
}

// agrees reports whether every word of a sentence either occurs nowhere
// else in the document or was given its type everywhere else: the second
// pass is then not needed.
func agrees(first []int, docs []uint64) bool {
	for i, d := range docs {
		if d == 0 {
			continue
		}
		best, purity := docMajority(d)
		if best != first[i] || purity != 0 {
			return false
		}
	}
	return true
}

// typeOfHint is the model type of an IOB hint, nTypes for none.
func typeOfHint(hint string) int {
	if len(hint) < 3 || hint[1] != '-' {
		return nTypes
	}
	switch t := hint[2:]; t {
	case GPE, Location, Facility:
		return tPlace
	default:
		for k, name := range typeNames {
			if name == t {
				return k
			}
		}
	}
	return nTypes
}

func setHints(words []nlp.Word, spans []Span) {
	for i := range words {
		words[i].NER = "O"
	}
	for _, s := range spans {
		for k := s.Start; k < s.End; k++ {
			p := "I-"
			if k == s.Start {
				p = "B-"
			}
			words[k].NER = p + s.Type
		}
	}
}

// TokensOf makes the labeller's tokens of tagged words.
func TokensOf(words []nlp.Word) []Token {
	toks := make([]Token, len(words))
	for i, w := range words {
		toks[i] = Token{Text: token.ASCII(w.Text), UPOS: w.UPOS, XPOS: w.XPOS, Attached: i > 0 && words[i-1].End == w.Start}
	}
	return toks
}

// wholeWords widens the span [start, end) to whole written words (within
// [lo, hi), the room between its neighbours): a name never ends inside a
// hyphen-joined word ("Cheng Chung-tai", not "Cheng Chung") and takes the
// start of one when that is capitalized or a name particle ("Jean-Marie",
// "al-Qaeda"), but not a prefix ("pro-Russian" is no name of Russia).
func wholeWords(toks []Token, start, end, lo, hi int) (int, int) {
	for end+1 < hi && toks[end].Attached && toks[end+1].Attached && isJoiner(toks[end].Text) && letterStart(toks[end+1].Text) {
		end += 2
	}
	for start-2 >= lo && toks[start].Attached && toks[start-1].Attached && isJoiner(toks[start-1].Text) &&
		(isCap(toks[start-2].Text) || nameParticles[strings.ToLower(toks[start-2].Text)]) {
		start -= 2
	}
	return start, end
}

// nameParticles begin Arabic and European names before a hyphen.
var nameParticles = setOf(`al el ad ar as at az an ash ul bin ibn abu abd`)

func letterStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// orgKinds are lower-case nouns that say what kind of organization the
// name beside them is: "the newspaper Az-Zaman", "the Yonhap news agency",
// "Saudi Gazette daily".
var orgKinds = setOf(`newspaper newspapers daily weekly paper tabloid magazine journal agency broadcaster
network channel publisher website company firm corporation conglomerate airline bank
group club team party militia`)

// orgInContext reports whether the name toks[start:end] is an
// organization by the words written against it: a kind of organization
// right before ("the newspaper Az-Zaman", "militant group al-Shabaab") or
// right after it ("the Yonhap news agency", "the Saudi Gazette
// newspaper"). The model reads a name from its letters and knows agencies
// and papers poorly; the noun beside it settles the type. A possessive
// or a title between them ("the agency's chief John Smith") is no such
// context.
func orgInContext(toks []Token, start, end int) bool {
	kind := func(i int) bool {
		return i >= 0 && i < len(toks) && orgKinds[toks[i].Text] && toks[i].XPOS != "NNP"
	}
	if kind(start - 1) {
		return true
	}
	if end < len(toks) && toks[end].Text == "news" {
		end++
	}
	return kind(end)
}

// kindNames adds the organizations that the model left out but the text
// says are one: a name right after a kind of organization ("the Iraqi
// newspaper Az-Zaman") or followed by one in apposition ("Az-Zaman, an
// Iraqi daily, ..."). A name is a run of capitalized words and the
// pieces of hyphen-joined ones, a name particle first ("al-Qaeda").
func kindNames(toks []Token, spans []span) []span {
	covered := make([]bool, len(toks)+1)
	for _, s := range spans {
		for k := s.start; k < s.end; k++ {
			covered[k] = true
		}
	}
	var added []span
	for i := 0; i < len(toks); i++ {
		if covered[i] || !nameStart(toks, i) || i > 0 && (nameStart(toks, i-1) || isJoiner(toks[i-1].Text) && toks[i].Attached) {
			continue
		}
		j := nameEnd(toks, i)
		free := true
		for k := i; k < j; k++ {
			free = free && !covered[k]
		}
		if !free || gazetteer.IsDateWord(toks[i].Text) || gazetteer.IsTitle(toks[i].Text) {
			continue
		}
		if i > 0 && orgKinds[toks[i-1].Text] || appositiveKind(toks, j) || kindAfter(toks, i, j) {
			added = append(added, span{i, j, tOrg})
		}
		i = j - 1
	}
	if len(added) == 0 {
		return spans
	}
	out := append(append([]span(nil), spans...), added...)
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
	return out
}

// capWord reports whether a token is a capitalized word that can be part
// of a name: not a capitalized function word ("The", "In").
func capWord(t Token) bool {
	if !isCap(t.Text) || !letterStart(t.Text) {
		return false
	}
	switch t.XPOS {
	case "DT", "PDT", "IN", "PRP", "PRP$", "CC", "WDT", "WP", "WRB", "EX", "MD", "TO", "RP", "UH":
		return false
	}
	return true
}

// nameStart reports whether token i may begin a name.
func nameStart(toks []Token, i int) bool {
	t := toks[i].Text
	if capWord(toks[i]) {
		return true
	}
	return nameParticles[strings.ToLower(t)] && i+2 < len(toks) && isJoiner(toks[i+1].Text) &&
		toks[i+1].Attached && toks[i+2].Attached
}

// nameEnd is the end of the name that begins at token i.
func nameEnd(toks []Token, i int) int {
	j := i + 1
	for j < len(toks) {
		switch {
		case j+1 < len(toks) && isJoiner(toks[j].Text) && toks[j].Attached && toks[j+1].Attached && letterStart(toks[j+1].Text):
			j += 2
		case capWord(toks[j]):
			j++
		default:
			return j
		}
	}
	return j
}

// kindAfter reports whether the name toks[i:j] is followed by a kind of
// organization ("the Yonhap news agency", "the Saudi Gazette newspaper")
// and is not itself a place or a people, which would say where or whose
// the organization is ("the Iraqi newspaper", "a Kabul daily").
func kindAfter(toks []Token, i, j int) bool {
	if j < len(toks) && toks[j].Text == "news" {
		j++
	}
	if j >= len(toks) || !orgKinds[toks[j].Text] || toks[j].XPOS == "NNP" {
		return false
	}
	var parts []string
	for _, t := range toks[i:j] {
		parts = append(parts, t.Text)
	}
	_, known := gazetteer.Lookup(strings.Join(parts, " "))
	return !known
}

// appositiveKind reports whether the words from j are an apposition whose
// head is a kind of organization: ", an Iraqi daily," or ", the news
// agency.".
func appositiveKind(toks []Token, j int) bool {
	if j+2 >= len(toks) || toks[j].Text != "," {
		return false
	}
	switch strings.ToLower(toks[j+1].Text) {
	case "a", "an", "the":
	default:
		return false
	}
	for k := j + 2; k < len(toks) && k <= j+5; k++ {
		if orgKinds[toks[k].Text] && toks[k].XPOS != "NNP" {
			return k+1 == len(toks) || toks[k+1].Text == "," || toks[k+1].Text == "." || toks[k+1].Text == "that"
		}
		if toks[k].Text == "," || toks[k].Text == "." {
			return false
		}
	}
	return false
}

// placeType splits places: a name the gazetteers know as a country, state
// or city is a GPE; one whose last word is a building's or a structure's
// is a FACILITY; any other place (a region, a river, a mountain) is a
// LOCATION.
func placeType(toks []Token) string {
	var parts []string
	for _, t := range toks {
		parts = append(parts, t.Text)
	}
	name := strings.Join(parts, " ")
	if e, ok := gazetteer.Lookup(name); ok {
		switch e.Kind {
		case gazetteer.Country, gazetteer.State, gazetteer.City:
			return GPE
		case gazetteer.Region:
			return Location
		}
	}
	last := strings.ToLower(toks[len(toks)-1].Text)
	if facilityWords[last] {
		return Facility
	}
	if gazetteer.IsPlaceHead(last) || len(toks) > 1 && gazetteer.IsPlaceHead(strings.ToLower(toks[0].Text)) {
		return Location
	}
	return GPE
}

// facilityWords end the names of buildings, structures and routes.
var facilityWords = setOf(`airport station terminal hall museum gallery library bridge tower building
centre center stadium arena theatre theater cathedral church chapel mosque temple synagogue abbey
palace castle fort prison jail hospital hotel school college street st. road avenue ave. boulevard
highway freeway square plaza mall market park zoo garden gardens dam tunnel port harbour harbor
pier memorial monument house mansion court courthouse cemetery base`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

const modelMagic = "NGNER2\n"

// WriteTo writes the model (not the lexicon or the gazetteer, which are
// files of their own).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	bw.WriteString(modelMagic)
	fmt.Fprintf(bw, "%d %s\n", nLabels, strings.Join(typeNames[:], " "))
	var b [4]byte
	for _, p := range []*pass{&m.first, &m.second} {
		for a := range p.trans {
			for c := range p.trans[a] {
				binary.LittleEndian.PutUint32(b[:], math.Float32bits(p.trans[a][c]))
				bw.Write(b[:])
			}
		}
		if _, err := p.weights.WriteTo(bw); err != nil {
			return 0, err
		}
	}
	return 0, bw.Flush()
}

// readModel reads a model written by WriteTo.
func readModel(r io.Reader, res resources) (*Model, error) {
	br := perceptron.NewReader(r)
	line, err := br.ReadString('\n')
	if err != nil || line != modelMagic {
		return nil, errors.New("ner: not an entity model")
	}
	line, err = br.ReadString('\n')
	if want := fmt.Sprintf("%d %s\n", nLabels, strings.Join(typeNames[:], " ")); err != nil || line != want {
		return nil, fmt.Errorf("ner: model labels %q, want %q", line, want)
	}
	m := &Model{res: res}
	var b [4]byte
	for _, p := range []*pass{&m.first, &m.second} {
		for a := range p.trans {
			for c := range p.trans[a] {
				if _, err := io.ReadFull(br, b[:]); err != nil {
					return nil, fmt.Errorf("ner: transitions: %w", err)
				}
				p.trans[a][c] = math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
			}
		}
		if p.weights, err = perceptron.Read(br); err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		if p.weights.Classes() != nLabels {
			return nil, errors.New("ner: model classes do not match the labels")
		}
	}
	return m, nil
}

// orgEnds end the names of organizations and not those of places or
// people: "Trinity College", "the War Office", "Acme Corp.".
var orgEnds = setOf(`university college institute academy foundation association society league federation
council commission committee agency administration authority bureau department ministry office
corporation company inc inc. corp corp. ltd ltd. llc plc party`)

// orgByName reports whether a name of several words ends with a word that
// only organizations' names end with. The model, reading the name's
// place-like first word ("Trinity", "Collins"), calls such names places
// or people; the last word settles it (GUM dev, three trainings: F1 +0.43
// on average, none worse).
// docReference reports a reference to a part of a document: a word such
// as "Tab", "Exhibit", "Figure" or "Section" and a number or a letter.
func docReference(ws []Token) bool {
	if len(ws) != 2 {
		return false
	}
	switch strings.ToLower(strings.TrimSuffix(ws[0].Text, ".")) {
	case "tab", "exhibit", "figure", "fig", "table", "section", "chapter", "appendix", "annex",
		"paragraph", "page", "schedule", "item", "step", "volume", "vol":
	default:
		return false
	}
	n := ws[1].Text
	if len(n) == 1 && n[0] >= 'A' && n[0] <= 'Z' {
		return true
	}
	for _, r := range n {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return true
}

// stormWord reports a word that names a kind of storm before the storm's
// own name: "Hurricane Katrina", "Cyclone Phailin", "Typhoon Haiyan".
func stormWord(w string) bool {
	switch strings.ToLower(w) {
	case "hurricane", "cyclone", "typhoon", "storm":
		return true
	}
	return false
}

// stormNames re-types as events the names the document gives a storm
// ("Cyclone Phailin"), wherever they stand alone ("Phailin hit the
// coast").
func stormNames(doc [][]nlp.Word) {
	storms := map[string]bool{}
	for _, ws := range doc {
		for k := 1; k < len(ws); k++ {
			if ws[k].NER == "I-EVENT" && ws[k-1].NER == "B-EVENT" && stormWord(ws[k-1].Text) {
				storms[ws[k].Text] = true
			}
		}
	}
	if len(storms) == 0 {
		return
	}
	for _, ws := range doc {
		for k := 0; k < len(ws); k++ {
			if !strings.HasPrefix(ws[k].NER, "B-") || ws[k].NER == "B-EVENT" {
				continue
			}
			e := k + 1
			for e < len(ws) && strings.HasPrefix(ws[e].NER, "I-") {
				e++
			}
			if !storms[ws[e-1].Text] {
				continue
			}
			for j := k; j < e; j++ {
				ws[j].NER = ws[j].NER[:2] + "EVENT"
			}
		}
	}
}

func orgByName(name []Token) bool {
	return len(name) > 1 && orgEnds[strings.ToLower(name[len(name)-1].Text)]
}
