package coref

// Feature templates. Each feature is a hash of its template and values;
// most are conjoined with the anaphor's kind (hKind: "pron:she",
// "description:t", "name"), since what makes a good antecedent differs so
// much between a pronoun and a name.
const (
	tBias uint64 = iota + 1
	tSentDist
	tMentDist
	tAntKind
	tExact
	tHeadMatch
	tLemmaMatch
	tSubset
	tLastMatch
	tAcronym
	tGender
	tNumber
	tPerson
	tType
	tClusterGender
	tClusterType
	tClusterName
	tClusterSize
	tRel
	tRelPair
	tBinding
	tNested
	tAppos
	tCopula
	tSpeaker
	tSameQuote
	tQuotePair
	tHeadPair
	tAntHead
	tRank
	tDet
	tAntTypeHead
	tAntFirst
	tNewHead
	tNewDet
	tNewPrevExact
	tNewPrevHead
	tNewType
	tNewQuote
	tNewRel
	tNewFirstWord
	tNewLen
	tNewSent
	tNewPrevCompat
	tNewKindType
	tSpeakerAny
	nTemplates
)

// Feature hashing: a feature is its template and the anaphor's kind,
// mixed once per anaphor (setAnaphor), then mixed with its values.
const (
	hashP1 = 0x9E3779B97F4A7C15
	hashP2 = 0xC2B2AE3D27D4EB4F
)

func hmix(h uint64) uint64 {
	h ^= h >> 31
	h *= hashP2
	h ^= h >> 29
	h *= hashP1
	h ^= h >> 32
	if h == 0 {
		h = 1 // 0 marks an empty slot of the weight table
	}
	return h
}

// setAnaphor prepares the features of anaphor j: each template mixed with
// its kind.
func (st *state) setAnaphor(j int) {
	k := st.ms[j].hKind
	for t := range st.pre {
		st.pre[t] = hmix(uint64(t)*hashP1 ^ k)
	}
}

func (st *state) h2(t, v uint64) uint64    { return hmix(st.pre[t]*hashP2 ^ v) }
func (st *state) h3(t, a, b uint64) uint64 { return hmix(hmix(st.pre[t]*hashP2^a)*hashP1 ^ b) }

func bucket(n int) uint64 {
	switch {
	case n < 0:
		return 9 // a speaker named after the quotation
	case n <= 4:
		return uint64(n)
	case n <= 7:
		return 5
	case n <= 15:
		return 6
	case n <= 31:
		return 7
	}
	return 8
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// cluster is what decoding has gathered so far about an entity.
type cluster struct {
	gender, number byte // 'x' when its mentions disagree
	typ            Type
	size           int
	names          []string // the words of its names
	first          int      // position of its first mention
}

func merge(a, b byte) byte {
	switch {
	case a == 0:
		return b
	case b == 0 || a == b:
		return a
	}
	return 'x'
}

// agree describes two values of a property: both known and equal, both
// known and different, or one unknown.
func agree(a, b byte) uint64 {
	switch {
	case a == 0 || b == 0:
		return 0
	case a == 'x' || b == 'x':
		return 3
	case a == b:
		return 1
	}
	return 2
}

// compatible reports whether a mention could refer to a cluster as far as
// gender and number go.
func compatible(c *cluster, m *mention) bool {
	return agree(c.gender, m.gender) != 2 && agree(c.number, m.number) != 2
}

func contains(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// subset reports whether every word of a is in b (a non-empty).
func subset(a, b []string) bool {
	if len(a) == 0 {
		return false
	}
	for _, w := range a {
		if !contains(b, w) {
			return false
		}
	}
	return true
}

// pairFeatures appends the features of linking anaphor j to antecedent i
// (positions in st.ms); rank is i's place among the compatible
// candidates, nearest first.
func (st *state) pairFeatures(buf []uint64, i, j, rank int) []uint64 {
	a, m := &st.ms[i], &st.ms[j]
	c := st.clusterOf(i)
	sameSent := a.Sent == m.Sent
	f := func(t, v uint64) { buf = append(buf, st.h2(t, v)) }
	f(tBias, 1)
	f(tSentDist, bucket(m.Sent-a.Sent))
	f(tMentDist, bucket(abs(j-i)))
	f(tAntKind, a.hKind)
	exact := a.text == m.text && m.text != ""
	f(tExact, b2u(exact)<<4|uint64(a.Kind))
	head := a.headLow == m.headLow
	f(tHeadMatch, b2u(head)<<4|uint64(a.Kind))
	f(tLemmaMatch, b2u(a.lemma == m.lemma))
	if m.Kind == Name || a.Kind == Name {
		f(tSubset, b2u(subset(m.words, a.words))<<1|b2u(subset(a.words, m.words)))
		last := len(a.words) > 0 && len(m.words) > 0 && a.words[len(a.words)-1] == m.words[len(m.words)-1]
		f(tLastMatch, b2u(last))
		acr := len(m.words) == 1 && a.acronym != "" && a.acronym == m.words[0] ||
			len(a.words) == 1 && m.acronym != "" && m.acronym == a.words[0]
		f(tAcronym, b2u(acr))
		named := false
		for _, w := range m.words {
			if contains(c.names, w) {
				named = true
				break
			}
		}
		f(tClusterName, b2u(named)<<1|b2u(len(c.names) > 0))
	}
	f(tGender, agree(a.gender, m.gender))
	f(tNumber, agree(a.number, m.number))
	buf = append(buf, st.h3(tPerson, uint64(a.person), uint64(m.person)))
	buf = append(buf, st.h3(tType, uint64(a.Type), uint64(m.Type)))
	buf = append(buf, st.h3(tClusterGender, agree(c.gender, m.gender), agree(c.number, m.number)))
	buf = append(buf, st.h3(tClusterType, uint64(c.typ), uint64(m.Type)))
	f(tClusterSize, bucket(c.size))
	f(tRel, a.hRel)
	buf = append(buf, st.h3(tRelPair, a.hRel, m.hRel))
	if sameSent {
		f(tBinding, b2u(a.gov == m.gov && a.gov >= 0)<<1|b2u(a.Head == m.gov))
		nested := a.Start <= m.Start && m.End <= a.End
		f(tNested, b2u(nested))
		f(tAppos, b2u(m.appos && m.gov == a.Head))
		f(tCopula, b2u(st.copula(a, m)))
	}
	if m.quote >= 0 || a.quote >= 0 {
		spoke := a.speaker == j && a.person == '1' // "We ...," said X: X after its own "we"
		f(tSpeaker, b2u(spoke)<<2|b2u(m.speaker == i)<<1|b2u(a.speaker >= 0 && a.speaker == m.speaker))
		f(tSameQuote, b2u(a.quote == m.quote)<<1|b2u(a.quote >= 0))
	}
	f(tQuotePair, b2u(a.quote >= 0)<<1|b2u(m.quote >= 0))
	if m.speaker >= 0 && st.find(m.speaker) == st.find(i) {
		f(tSpeakerAny, 1)
	}
	buf = append(buf, st.h3(tHeadPair, a.hHead, m.hHead))
	f(tAntHead, a.hLemma)
	f(tRank, bucket(rank))
	buf = append(buf, st.h3(tDet, uint64(a.det), uint64(m.det)))
	buf = append(buf, st.h3(tAntTypeHead, uint64(c.typ), m.hLemma))
	f(tAntFirst, b2u(c.first == i))
	return buf
}

// newFeatures appends the features of taking anaphor j to start a new
// entity.
func (st *state) newFeatures(buf []uint64, j int, prevExact, prevHead, prevCompat bool) []uint64 {
	m := &st.ms[j]
	f := func(t, v uint64) { buf = append(buf, st.h2(t, v)) }
	f(tBias, 2)
	f(tNewHead, m.hLemma)
	f(tNewDet, uint64(m.det))
	f(tNewPrevExact, b2u(prevExact))
	f(tNewPrevHead, b2u(prevHead))
	f(tNewPrevCompat, b2u(prevCompat))
	f(tNewType, uint64(m.Type))
	f(tNewQuote, b2u(m.quote >= 0)<<1|b2u(m.speaker >= 0))
	f(tNewRel, m.hRel)
	f(tNewFirstWord, m.hFirst)
	f(tNewLen, bucket(m.End-m.Start))
	f(tNewSent, bucket(m.Sent))
	buf = append(buf, st.h3(tNewKindType, uint64(m.Type), m.hLast))
	return buf
}

// copula reports "A is B": one mention's head is the predicate whose
// subject is the other's.
func (st *state) copula(a, m *mention) bool {
	ws := st.doc.Sents[a.Sent].Words
	isCop := func(subj, pred *mention) bool {
		if subj.rel != "nsubj" || subj.gov != pred.Head {
			return false
		}
		for _, w := range ws {
			if w.Head == pred.Head && w.Rel == "cop" {
				return true
			}
		}
		return false
	}
	return isCop(a, m) || isCop(m, a)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
