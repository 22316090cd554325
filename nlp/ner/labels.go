package ner

import "strings"

// The entity types the model learns. Places are one type for the model;
// Span.Type splits them into GPE, LOCATION and FACILITY afterwards (see
// placeType), since the data's place annotations do not draw those lines.
const (
	tPerson = iota
	tOrg
	tPlace
	tNORP
	tEvent
	tWork
	nTypes
)

// typeNames are the names of the model's types as kg names them.
var typeNames = [nTypes]string{"PERSON", "ORGANIZATION", "PLACE", "NORP", "EVENT", "WORK"}

// Output types of places.
const (
	GPE      = "GPE"
	Location = "LOCATION"
	Facility = "FACILITY"
)

// BILOU positions.
const (
	pB = iota
	pI
	pL
	pU
)

// nLabels is O plus four positions for each type.
const nLabels = 1 + 4*nTypes

func label(typ, pos int) int { return 1 + typ*4 + pos }

func labelType(l int) int { return (l - 1) / 4 }

func labelPos(l int) int { return (l - 1) % 4 }

// allowed reports whether label b may follow label a; -1 stands for the
// sentence boundary on either side.
func allowed(a, b int) bool {
	open := a > 0 && (labelPos(a) == pB || labelPos(a) == pI)
	if b < 0 {
		return !open
	}
	if open {
		return b > 0 && labelType(b) == labelType(a) && (labelPos(b) == pI || labelPos(b) == pL)
	}
	return b == 0 || labelPos(b) == pB || labelPos(b) == pU
}

// span is a labelled token range [start, end) of a sentence.
type span struct {
	start, end, typ int
}

// spansOf reads the spans of a valid label sequence.
func spansOf(labels []int) []span {
	var out []span
	for i := 0; i < len(labels); i++ {
		l := labels[i]
		if l == 0 {
			continue
		}
		switch labelPos(l) {
		case pU:
			out = append(out, span{i, i + 1, labelType(l)})
		case pB:
			j := i + 1
			for j < len(labels) && labels[j] > 0 && labelPos(labels[j]) == pI {
				j++
			}
			if j < len(labels) && labels[j] > 0 && labelPos(labels[j]) == pL && labelType(labels[j]) == labelType(l) {
				out = append(out, span{i, j + 1, labelType(l)})
				i = j
			}
		}
	}
	return out
}

// encode writes spans (non-overlapping) as BILOU labels of n tokens.
func encode(n int, spans []span) []int {
	labels := make([]int, n)
	for _, s := range spans {
		if s.end-s.start == 1 {
			labels[s.start] = label(s.typ, pU)
			continue
		}
		labels[s.start] = label(s.typ, pB)
		for k := s.start + 1; k < s.end-1; k++ {
			labels[k] = label(s.typ, pI)
		}
		labels[s.end-1] = label(s.typ, pL)
	}
	return labels
}

// coarse is the PER/ORG/LOC class of a type for scoring against UNER, ""
// for types that scoring ignores.
func coarse(typ int) string {
	switch typ {
	case tPerson:
		return "PER"
	case tOrg:
		return "ORG"
	case tPlace:
		return "LOC"
	}
	return ""
}

// coarseOfName maps an output type name (ours or another labeller's) to PER, ORG or
// LOC, "" for the others.
func coarseOfName(name string) string {
	switch strings.ToUpper(name) {
	case "PERSON", "PER":
		return "PER"
	case "ORGANIZATION", "ORG":
		return "ORG"
	case "GPE", "LOCATION", "FACILITY", "LOC", "PLACE":
		return "LOC"
	}
	return ""
}
