package coref

import (
	"math"
	"strings"
)

// scorer gives the score of a feature vector: the trainer's current
// weights while training, the model's after.
type scorer interface {
	Score(feats []uint64) float32
}

// Candidate windows, in sentences back, by the anaphor's kind; a name or
// description also reaches the nearest mentions that share its head (or,
// for a name, any of its words) anywhere before it. Tuned on GUM dev with
// gold trees: windows of 3, 5, 5, 5 sentences give CoNLL 65.8 with twice
// the candidates of 3, 3, 1, 1 (65.3); shorter pronoun windows cost
// pronouns dearly (2 sentences: 63.1 and 61% of named pronouns right).
const (
	pronounWindow = 3
	otherWindow   = 3
	descWindow    = 1
	nameWindow    = 1
	maxCandidates = 40
	// farEntities named entities are also candidates of a third-person
	// pronoun, within farWindow sentences. On GUM dev (gold mentions,
	// predicted trees) 2 within 15 puts 79.5% of the pronouns of named
	// entities right against 77.3% without (CoNLL 63.6 against 63.7), and
	// through the loader 59.7% against 52.8%; 4 within 30 gives 78.0% but
	// CoNLL 62.9.
	farEntities = 2
	farWindow   = 15
)

// state is one document being resolved.
type state struct {
	doc    *Doc
	ms     []mention
	parent []int // union-find over positions
	cl     []cluster
	// byWord maps a lower-cased head or name word to the positions of the
	// mentions that have it, in order.
	byWord map[string][]int
	cands  []int
	ranks  []int
	buf    []uint64
	pre    [nTemplates]uint64 // see setAnaphor
	scores []float32          // the candidates' scores (decide)
	margin float32            // the last decision's margin (decide)
}

func newState(d *Doc) *state {
	ms := analyze(d)
	st := &state{doc: d, ms: ms, parent: make([]int, len(ms)), cl: make([]cluster, len(ms)), byWord: map[string][]int{}}
	for p := range ms {
		st.parent[p] = p
		m := &ms[p]
		st.cl[p] = cluster{gender: m.gender, number: m.number, typ: m.Type, size: 1, first: p}
		if m.Kind == Name {
			st.cl[p].names = m.words[:len(m.words):len(m.words)] // merging appends to a copy
		}
	}
	return st
}

func (st *state) find(p int) int {
	for st.parent[p] != p {
		st.parent[p] = st.parent[st.parent[p]]
		p = st.parent[p]
	}
	return p
}

func (st *state) clusterOf(p int) *cluster { return &st.cl[st.find(p)] }

// link puts anaphor j in antecedent i's cluster.
func (st *state) link(i, j int) {
	ri, rj := st.find(i), st.find(j)
	if ri == rj {
		return
	}
	if rj < ri {
		ri, rj = rj, ri
	}
	a, b := &st.cl[ri], &st.cl[rj]
	a.gender = merge(a.gender, b.gender)
	a.number = merge(a.number, b.number)
	if a.typ == Unknown {
		a.typ = b.typ
	}
	a.size += b.size
	a.first = min(a.first, b.first)
	for _, w := range b.names {
		if !contains(a.names, w) {
			a.names = append(a.names, w)
		}
	}
	st.parent[rj] = ri
}

// index records mention j's words for the later mentions that match them.
func (st *state) index(j int) {
	m := &st.ms[j]
	if m.Kind == Pronoun || m.Kind == Other {
		return
	}
	seen := ""
	add := func(w string) {
		if w == seen {
			return
		}
		seen = w
		st.byWord[w] = append(st.byWord[w], j)
	}
	add(m.headLow)
	if m.Kind == Name {
		for _, w := range m.words {
			add(w)
		}
		if m.acronym != "" {
			add(m.acronym)
		}
	}
}

// candidates lists the antecedents considered for mention j, nearest
// first, in st.cands, with their ranks among the gender- and
// number-compatible ones in st.ranks.
func (st *state) candidates(j int) {
	m := &st.ms[j]
	st.cands, st.ranks = st.cands[:0], st.ranks[:0]
	window := otherWindow
	switch m.Kind {
	case Pronoun:
		window = pronounWindow
	case Description:
		window = descWindow
	case Name:
		window = nameWindow
	}
	seen := func(p int) bool {
		for _, c := range st.cands {
			if c == p {
				return true
			}
		}
		return false
	}
	for p := j - 1; p >= 0 && len(st.cands) < maxCandidates; p-- {
		if m.Sent-st.ms[p].Sent > window {
			break
		}
		st.cands = append(st.cands, p)
	}
	if m.Kind != Pronoun && m.Kind != Other {
		words := m.words
		if m.Kind != Name {
			words = []string{m.headLow}
		}
		for _, w := range words {
			ps := st.byWord[w]
			// the nearest few matching mentions are enough
			for k := len(ps) - 1; k >= 0 && k >= len(ps)-3; k-- {
				if p := ps[k]; p < j && !seen(p) {
					st.cands = append(st.cands, p)
				}
			}
		}
	}
	if m.Kind == Pronoun && m.person == '3' {
		// A pronoun also reaches, beyond its window, the latest mention of
		// each of the few entities named most recently: an interviewee
		// named at the start and "she" ten sentences on.
		var roots [farEntities]int
		n := 0
		for p := j - 1; p >= 0 && n < farEntities && m.Sent-st.ms[p].Sent <= farWindow; p-- {
			if m.Sent-st.ms[p].Sent <= window {
				continue
			}
			r := st.find(p)
			if len(st.cl[r].names) == 0 {
				continue
			}
			dup := false
			for _, x := range roots[:n] {
				dup = dup || x == r
			}
			if dup {
				continue
			}
			roots[n] = r
			n++
			if !seen(p) {
				st.cands = append(st.cands, p)
			}
		}
	}
	if sp := m.speaker; sp >= 0 && m.person == '1' && sp != j && !seen(sp) {
		st.cands = append(st.cands, sp)
	}
	rank := 0
	for _, p := range st.cands {
		st.ranks = append(st.ranks, rank)
		if compatible(st.clusterOf(p), m) {
			rank++
		}
	}
}

// prevFlags are the anaphoricity hints of mention j: whether an earlier
// mention has the same words, the same head, or (for a pronoun) is a
// compatible candidate at all.
func (st *state) prevFlags(j int) (exact, head, compat bool) {
	m := &st.ms[j]
	for _, p := range st.cands {
		a := &st.ms[p]
		if a.text == m.text && m.text != "" {
			exact = true
		}
		if a.headLow == m.headLow {
			head = true
		}
		if !compat && compatible(st.clusterOf(p), m) {
			compat = true
		}
	}
	return exact, head, compat
}

// decide returns the best antecedent of mention j under s, or -1 for a new
// entity; the candidates must have been listed.
func (st *state) decide(s scorer, j int) int {
	st.setAnaphor(j)
	ex, hd, cp := st.prevFlags(j)
	st.buf = st.newFeatures(st.buf[:0], j, ex, hd, cp)
	best, bestScore := -1, s.Score(st.buf)
	st.scores = st.scores[:0]
	if st.roleName(j) {
		// the name of a role, not its holder: a new entity, sure of it
		st.margin = 0
		return -1
	}
	for k, p := range st.cands {
		if st.fronted(p, j) || st.roleName(p) {
			// never the antecedent; no score, and no rival in the margin
			st.scores = append(st.scores, float32(math.Inf(-1)))
			continue
		}
		st.buf = st.pairFeatures(st.buf[:0], p, j, st.ranks[k])
		sc := s.Score(st.buf)
		st.scores = append(st.scores, sc)
		if sc > bestScore {
			best, bestScore = p, sc
		}
	}
	// The margin: how far the chosen antecedent's entity leads the best
	// candidate of any other entity.
	st.margin = 0
	if best >= 0 {
		st.margin = float32(math.Inf(1))
		root := st.find(best)
		for k, p := range st.cands {
			if st.find(p) != root {
				st.margin = min(st.margin, bestScore-st.scores[k])
			}
		}
	}
	return best
}

// fronted reports a pronoun that is the subject of a verb, and a
// candidate (not a pronoun) inside a clause without a subject of its own
// put before that verb: the clause's subject is the pronoun's, so the
// candidate is someone else ("Placed under the care of a Dr. Bailey, he
// was encouraged ...": Bailey is not "he", who is the one placed; but
// "When Bailey arrived, he ..." may be). A rule at decoding only (the
// model never learns from it): the loader's named pronouns of GUM dev
// (go test ./loader -run CorefAdapter -v) go from 94 right and 18 wrong
// to 101 and 11; eval-coref does not change (62.85 predicted trees, 66.57
// gold, 43.27 detected), its gold mentions of the one biography where it
// matters being read otherwise.
func (st *state) fronted(i, j int) bool {
	a, m := &st.ms[i], &st.ms[j]
	if m.Kind != Pronoun || a.Kind == Pronoun || a.Sent != m.Sent || m.rel != "nsubj" || m.gov < 0 {
		return false
	}
	ws := st.doc.Sents[a.Sent].Words
	v := m.gov
	for c, steps := a.Head, 0; c >= 0 && c < len(ws) && steps < len(ws); c, steps = ws[c].Head, steps+1 {
		if c == v {
			return false
		}
		if ws[c].Head == v {
			if c > v || m.Start < c || !strings.HasPrefix(ws[c].Rel, "advcl") {
				return false
			}
			for _, w := range ws {
				if w.Head == c && strings.HasPrefix(w.Rel, "nsubj") {
					return false // "When Bailey arrived, he ...": may be
				}
			}
			return true
		}
	}
	return false
}

// roleNouns are nouns whose "of" names a role, not a person: "the
// position of Emperor of the United States", "the post of Prime Minister".
var roleNouns = map[string]bool{
	"position": true, "post": true, "office": true, "title": true, "role": true, "rank": true,
	"throne": true, "job": true, "seat": true, "dignity": true, "style": true,
}

// roleName reports a name that names a role after one of the roleNouns
// ("laying claim to the position of Emperor of the United States"): the
// role, not its holder, so neither the antecedent of a pronoun nor linked
// to the holder's names; its head is its first word ("Emperor", "Prime
// Minister"), which a person's name ("the office of John Smith") has not.
// A rule at decoding only: GUM dev's gold mentions read the role as its
// own entity, and with it linked to Norton (GUM_bio_emperor) the thirteen
// pronouns after it were scored against the role.
func (st *state) roleName(j int) bool {
	m := &st.ms[j]
	if m.Kind != Name || m.rel != "nmod" || m.gov < 0 || m.Type == Place || m.Type == Organization {
		return false
	}
	ws := st.doc.Sents[m.Sent].Words
	if m.Head != m.Start && !(m.Start+1 == m.Head && strings.EqualFold(ws[m.Start].Text, "the")) {
		return false
	}
	g := ws[m.gov]
	if !roleNouns[strings.ToLower(g.Text)] || !strings.HasPrefix(g.XPOS, "NN") || strings.HasPrefix(g.XPOS, "NNP") {
		return false
	}
	for k := m.Start; k < m.End; k++ {
		if ws[k].Head == m.Head && strings.EqualFold(ws[k].Text, "of") && k < m.Head {
			return true
		}
	}
	for k := max(0, m.Start-2); k < m.Start; k++ {
		if ws[k].Head == m.Head && strings.EqualFold(ws[k].Text, "of") {
			return true
		}
	}
	return false
}

// Resolve finds the antecedent of every mention of d and the entities
// they make.
func (m *Model) Resolve(d *Doc) Result {
	st := newState(d)
	ante := make([]int, len(st.ms))
	margin := make([]float32, len(st.ms))
	lastOf := map[int]int{} // group -> latest mention
	for j := range st.ms {
		st.candidates(j)
		if g := st.ms[j].Group; g != 0 {
			p, ok := lastOf[g]
			lastOf[g] = j
			if ok {
				ante[j], margin[j] = p, float32(math.Inf(1))
				st.link(p, j)
				st.index(j)
				continue
			}
		}
		ante[j] = st.decide(m.w, j)
		margin[j] = st.margin
		if sp := st.speakerOf(j); sp >= 0 {
			ante[j], margin[j] = sp, float32(math.Inf(1))
		}
		if ante[j] >= 0 {
			st.link(ante[j], j)
		}
		st.index(j)
	}
	return st.result(ante, margin)
}

// result maps positions back to the caller's mention indices.
func (st *state) result(ante []int, margin []float32) Result {
	r := Result{Antecedent: make([]int, len(st.ms)), Cluster: make([]int, len(st.ms)), Margin: make([]float32, len(st.ms))}
	ids := map[int]int{}
	for p, m := range st.ms {
		r.Antecedent[m.idx] = -1
		r.Margin[m.idx] = float32(math.Inf(1)) // the rules are sure
		if margin != nil {
			r.Margin[m.idx] = margin[p]
		}
		if ante[p] >= 0 {
			r.Antecedent[m.idx] = st.ms[ante[p]].idx
		}
		root := st.find(p)
		id, ok := ids[root]
		if !ok {
			id = len(ids)
			ids[root] = id
		}
		r.Cluster[m.idx] = id
	}
	return r
}

// speakerOf is the speaker a first-person pronoun inside a quotation
// stands for, by rule, or -1: "I" is the speaker, and "we" is a speaker
// that is a group or an organization ("We will," said Acme Corp.). The
// rule overrides the model, which sees too few such quotations in GUM to
// learn it (31 in the training documents): on GUM dev it adds 0.1 to 0.2
// to the CoNLL score over the model alone, with gold and predicted trees.
func (st *state) speakerOf(j int) int {
	m := &st.ms[j]
	sp := m.speaker
	if m.person != '1' || sp < 0 || sp == j {
		return -1
	}
	s := &st.ms[sp]
	if m.number == 's' || s.number == 'p' || s.Type == Organization || s.Type == Place {
		return sp
	}
	return -1
}
