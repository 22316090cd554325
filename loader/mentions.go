package loader

import (
	"unicode"

	"strings"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader/openie"
	"github.com/newsgraph/newsgraph/nlp"
)

// mention is one named mention found in a sentence, before clustering.
type mention struct {
	sent       int
	start, end int // word indices of the name, [start, end)
	// titleStart is the first word of a title before the name ("US
	// Secretary of State Antony Blinken"), or start when there is none.
	titleStart int
	title      string // lower-cased title words, "" if none
	name       string
	typ        kg.EntityType
	canonical  string // gazetteer canonical name, "" if unknown
	rule       string // why it was typed this way
	entity     int    // index into the cluster list, -1 until clustered
}

// connectors may sit inside a name between two capitalized words.
var connectors = map[string]bool{"of": true, "de": true, "del": true, "da": true, "dos": true,
	"van": true, "von": true, "der": true, "bin": true, "al": true, "la": true, "le": true, "and": true, "&": true}

func isNameWord(w nlp.Word) bool {
	if strings.HasPrefix(w.NER, "B-") || strings.HasPrefix(w.NER, "I-") {
		// The labeller's span, even over lower-case words and hyphens:
		// "al-Qaeda", "Kim Jong-un".
		return true
	}
	return isCapitalized(w.Text) && (w.XPOS == "NNP" || w.XPOS == "NNPS")
}

// sharedLastWord finds the first of two place names that share their last
// words, as coordination writes them: "North and South Korea" names North
// Korea at "North" when the gazetteer knows both "South Korea" and "North
// Korea".
func sharedLastWord(s nlp.Sentence, i int) (mention, bool) {
	ws := s.Words
	if i+3 >= len(ws) || !isCapitalized(ws[i].Text) || !isCapitalized(ws[i+2].Text) || ws[i+1].Text != "and" && ws[i+1].Text != "&" {
		return mention{}, false
	}
	j := i + 3
	for j < len(ws) && isCapitalized(ws[j].Text) && j-i < 6 {
		j++
	}
	for end := j; end > i+3; end-- {
		second, ok2 := gazetteer.Lookup(joinWords(ws[i+2 : end]))
		name := ws[i].Text + " " + joinWords(ws[i+3:end])
		first, ok1 := gazetteer.Lookup(name)
		if !ok1 && openie.IsCompass(ws[i].Text) && openie.IsCompass(ws[i+2].Text) {
			// "East and West Germany": parts of a place the gazetteer
			// knows, named by their compass points
			if whole, ok := gazetteer.Lookup(joinWords(ws[i+3 : end])); ok {
				first, ok1 = gazetteer.Entry{Kind: whole.Kind, Canonical: name}, true
				if !ok2 {
					second, ok2 = first, true
				}
			}
		}
		if !ok1 || !ok2 || first.Kind != second.Kind || first.Kind != gazetteer.Country && first.Kind != gazetteer.State && first.Kind != gazetteer.City && first.Kind != gazetteer.Region {
			continue
		}
		typ := kg.GPE
		if first.Kind == gazetteer.Region {
			typ = kg.Location
		}
		return mention{sent: s.Index, start: i, end: i + 1, titleStart: i, name: name, typ: typ,
			canonical: first.Canonical, rule: "gazetteer", entity: -1}, true
	}
	return mention{}, false
}

// startsOtherName reports whether word j starts a labelled name after a
// labelled word: "United States Hamdullah Mohib" is a place and a
// person, "Coach: Melanie King Brandon Luna" two people.
func startsOtherName(ws []nlp.Word, j int) bool {
	a, b := ws[j-1].NER, ws[j].NER
	return strings.HasPrefix(b, "B-") && len(a) > 2 && a != "O"
}

// findMentions finds the named mentions of one sentence.
func findMentions(s nlp.Sentence) []mention {
	ws := s.Words
	var out []mention
	for i := 0; i < len(ws); {
		if m, ok := sharedLastWord(s, i); ok {
			out = append(out, m)
			i++
			continue
		}
		if !isNameWord(ws[i]) || gazetteer.IsDateWord(ws[i].Text) && !isNameWordAfter(ws, i) {
			if d, ok := demonymMention(s, i); ok {
				out = append(out, d)
			}
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && !startsOtherName(ws, j) && !leavesName(ws, j) && !placePair(ws, i, j) {
			if isNameWord(ws[j]) && !gazetteer.IsDateWord(ws[j].Text) {
				j++
				continue
			}
			if connectors[strings.ToLower(ws[j].Text)] && j+1 < len(ws) && isNameWord(ws[j+1]) && !twoNames(ws, j) && connectorFits(ws, i, j) {
				j += 2
				continue
			}
			if isHyphen(ws[j].Text) && j+1 < len(ws) && ws[j].Start == ws[j-1].End && ws[j+1].Start == ws[j].End &&
				(isNameWord(ws[j+1]) || ws[j+1].XPOS == "CD" && isDigits(ws[j+1].Text)) {
				j += 2 // "Guinea-Bissau", "Abdel-Aziz", "STS-1"
				continue
			}
			break
		}
		out = append(out, splitChunk(s, i, j)...)
		if j < len(ws) && placePair(ws, i, j) {
			j++ // the hyphen between the two places
		}
		i = j
	}
	return out
}

// twoNames reports whether the labeller read the words on either side of
// the connector at j as two names ("Browning and War Office", a person
// and an organization): the connector, left out of both, joins nothing.
func twoNames(ws []nlp.Word, j int) bool {
	return len(ws[j-1].NER) > 2 && strings.HasPrefix(ws[j+1].NER, "B-")
}

// leavesName reports whether word j, a capital the labeller left out,
// follows the end of a labelled name: "Google Analytics", "the BAFTA
// Award", "New York Minute" are not names of the labelled kind; but a
// kind of organization or place after it makes a name of both ("UK
// Government", "Taj Express Road").
func leavesName(ws []nlp.Word, j int) bool {
	return len(ws[j-1].NER) > 2 && ws[j].NER == "O" && !gazetteer.IsOrgHead(ws[j].Text) && !gazetteer.IsPlaceHead(ws[j].Text) &&
		!stateNouns[strings.ToLower(ws[j].Text)]
}

// placePair reports whether word j is a hyphen or slash between two
// places the gazetteer knows, the name from i before it: "the US-Mexico
// border", "Israel-Gaza" name two places, not one; "Guinea-Bissau" is one.
func placePair(ws []nlp.Word, i, j int) bool {
	if !isHyphen(ws[j].Text) && ws[j].Text != "/" {
		return false
	}
	if j+1 >= len(ws) || ws[j].Start != ws[j-1].End || ws[j+1].Start != ws[j].End {
		return false
	}
	k := j + 1
	for k < len(ws) && isNameWord(ws[k]) && !isHyphen(ws[k].Text) && ws[k].Text != "/" {
		k++
	}
	return knownPlace(joinWords(ws[i:j])) && knownPlace(joinWords(ws[j+1:k])) && !knownPlace(joinWords(ws[i:k])) // "Guinea-Bissau"
}

func isHyphen(s string) bool { return s == "-" || s == "–" || s == "‐" }

// knownPlace reports a country, state, city or region of the gazetteer.
func knownPlace(name string) bool {
	e, ok := gazetteer.Lookup(name)
	if !ok {
		return false
	}
	switch e.Kind {
	case gazetteer.Country, gazetteer.State, gazetteer.City, gazetteer.Region:
		return true
	}
	return false
}

// speakerMentions are the mentions of a speaker's turn marker ("Mario J
// Lucero:", "Richman:"): the names in it, or, when the labeller saw none
// in two words and a colon, the marker's words as a person's name; an
// interview's turns are people's.
func speakerMentions(s nlp.Sentence) []mention {
	ms := findMentions(s)
	for i := range ms {
		if ms[i].rule == "initial" {
			ms[i].rule = "speaker" // a turn marker is a name, not a capital that starts a sentence
		}
	}
	for _, m := range ms {
		if m.typ != "" {
			return ms
		}
	}
	if n := markerName(s, true); n != "" {
		return []mention{{sent: s.Index, start: 0, end: markerEnd(s), titleStart: 0, name: n, typ: kg.Person, rule: "speaker", entity: -1}}
	}
	return nil
}

// unnamedSpeakers names the turn markers of an interview (three turns or
// more) that no mention names, whatever their words' tags: in a text of
// turns, "Knight:" and "Snow:" are people speaking, not a knight or the
// weather. Field labels ("Email:", "Photo:") and single letters ("Q:")
// are not.
func (d *docState) unnamedSpeakers() []mention {
	named := map[int]bool{}
	for _, m := range d.mentions {
		named[m.sent] = true
	}
	var out []mention
	for i, s := range d.sents { // in order: d.turns is a map
		if named[i] || !d.turns[i] {
			continue
		}
		if n := markerName(s, false); n != "" {
			out = append(out, mention{sent: i, start: 0, end: markerEnd(s), titleStart: 0, name: n, typ: kg.Person, rule: "speaker", entity: -1})
		}
	}
	return out
}

// markerEnd is where a turn marker's name ends: before its colon.
func markerEnd(s nlp.Sentence) int {
	end := len(s.Words)
	if end > 0 && s.Words[end-1].Text == ":" {
		end--
	}
	return end
}

// markerName is the name a turn marker gives ("Mario J Lucero:"), or "":
// capitalized words (tagged as proper nouns unless any tag will do), not a
// place the gazetteer knows, not a field label, not a single letter.
func markerName(s nlp.Sentence, propernOnly bool) string {
	ws := s.Words
	end := markerEnd(s)
	if end == 0 {
		return ""
	}
	for _, w := range ws[:end] {
		if !isCapitalized(w.Text) && w.Text != "." || propernOnly && w.XPOS != "NNP" && w.XPOS != "NNPS" && w.Text != "." {
			return "" // "Email:", "Price:" label a field, not a speaker
		}
	}
	name := joinWords(ws[:end])
	if _, known := gazetteer.Lookup(name); known || fieldLabels[strings.ToLower(name)] || len([]rune(name)) < 2 {
		return ""
	}
	return name
}

// fieldLabels open a line of a page's or a form's fields, not a turn.
var fieldLabels = map[string]bool{"email": true, "e-mail": true, "phone": true, "tel": true, "fax": true,
	"address": true, "price": true, "date": true, "time": true, "source": true, "sources": true,
	"note": true, "update": true, "editor's note": true, "photo": true, "image": true, "credit": true,
	"website": true, "web": true, "twitter": true, "facebook": true, "location": true, "contact": true}

func isNameWordAfter(ws []nlp.Word, i int) bool {
	return i+1 < len(ws) && isNameWord(ws[i+1]) && !gazetteer.IsDateWord(ws[i+1].Text)
}

// connectorFits decides whether a connector at j joins the name that
// started at i with what follows: "Secretary of State", "Bank of America",
// "Bosnia and Herzegovina" yes; "Cuba and Venezuela" no.
func connectorFits(ws []nlp.Word, i, j int) bool {
	c := strings.ToLower(ws[j].Text)
	prev := ws[j-1].Text
	switch c {
	case "and", "&":
		// Only inside a name the gazetteer knows or an organization.
		k := j + 1
		for k < len(ws) && isNameWord(ws[k]) {
			k++
		}
		full := joinWords(ws[i:k])
		if _, ok := gazetteer.Lookup(full); ok {
			return true
		}
		return gazetteer.IsOrgHead(ws[k-1].Text) && k-i <= 6
	case "of":
		if gazetteer.IsOrgHead(prev) || gazetteer.IsTitle(prev) || gazetteer.IsPlaceHead(prev) {
			return true
		}
		k := j + 1
		for k < len(ws) && isNameWord(ws[k]) {
			k++
		}
		_, ok := gazetteer.Lookup(joinWords(ws[i:k]))
		return ok
	}
	return true
}

func joinWords(ws []nlp.Word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && w.Start != ws[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

// demonymMention returns a NORP mention for a capitalized demonym
// ("Mexican companies", "Venezuelans").
func demonymMention(s nlp.Sentence, i int) (mention, bool) {
	w := s.Words[i]
	if !isCapitalized(w.Text) {
		return mention{}, false
	}
	e, ok := gazetteer.Lookup(w.Text)
	if !ok || e.Kind != gazetteer.Demonym {
		return mention{}, false
	}
	if i+1 < len(s.Words) && stateNouns[strings.ToLower(s.Words[i+1].Text)] && gazetteer.IsCountry(e.Canonical) {
		// "the Mexican government", "Mexican officials": the demonym
		// stands for the country, not for its people.
		return mention{sent: s.Index, start: i, end: i + 1, titleStart: i, name: w.Text, typ: kg.GPE,
			canonical: e.Canonical, rule: "demonym", entity: -1}, true
	}
	return mention{sent: s.Index, start: i, end: i + 1, titleStart: i, name: w.Text, typ: kg.NORP,
		canonical: demonymName(e.Canonical), rule: "demonym", entity: -1}, true
}

// stateNouns after a demonym make it stand for the country's state.
var stateNouns = map[string]bool{
	"government": true, "officials": true, "official": true, "authorities": true, "administration": true,
	"military": true, "army": true, "navy": true, "troops": true, "forces": true, "police": true,
	"embassy": true, "ministry": true, "diplomats": true, "ambassador": true, "parliament": true,
	"president": true, "leaders": true, "leadership": true, "regime": true, "state": true,
	"courts": true, "court": true, "prosecutors": true, "legislature": true, "cabinet": true,
}

// demonymName is the node name for a group by nationality: the first
// demonym listed for its country ("Mexican" for Mexico).
func demonymName(country string) string {
	return gazetteer.DemonymOf(country)
}

// splitChunk turns a run of capitalized words [i, j) into mentions: titles
// are split off, a country before a title becomes its own mention, and the
// rest is typed.
func splitChunk(s nlp.Sentence, i, j int) []mention {
	ws := s.Words
	if j == i+1 {
		if d, ok := demonymMention(s, i); ok {
			return []mention{d}
		}
	}
	var out []mention
	for i < j-1 && leadingAdverb[strings.ToLower(ws[i].Text)] {
		i++ // "Yesterday Mohamed received": the adverb is no part of the name
	}
	titleStart := i
	var title []string
	k := i
	for k < j {
		// A country or demonym before a title: "US Secretary of State".
		if e, ok := gazetteer.Lookup(ws[k].Text); ok && (e.Kind == gazetteer.Country || e.Kind == gazetteer.Demonym) && k+1 < j {
			if n := titleLen(ws, k+1, j); n > 0 {
				typ, canon := kg.GPE, e.Canonical
				if e.Kind == gazetteer.Demonym {
					typ, canon = kg.NORP, demonymName(e.Canonical)
				}
				out = append(out, mention{sent: s.Index, start: k, end: k + 1, titleStart: k, name: ws[k].Text,
					typ: typ, canonical: canon, rule: "gazetteer", entity: -1})
				title = append(title, ws[k].Text)
				k++
				continue
			}
		}
		// A state or city of several words before a title: "South
		// Carolina Congressman James Clyburn".
		if n := placeBeforeTitle(ws, k, j); n > 0 {
			name := joinWords(ws[k : k+n])
			e, _ := gazetteer.Lookup(name)
			out = append(out, mention{sent: s.Index, start: k, end: k + n, titleStart: k, name: name,
				typ: kg.GPE, canonical: e.Canonical, rule: "gazetteer", entity: -1})
			title = append(title, name)
			k += n
			continue
		}
		if n := titleLen(ws, k, j); n > 0 && k+n < j && !titleInName(ws, k, k+n) {
			title = append(title, strings.ToLower(joinWords(ws[k:k+n])))
			k += n
			continue
		}
		break
	}
	if k >= j || onlyTitle(ws, k, j) || unicode.IsLower([]rune(ws[k].Text)[0]) && !strings.HasPrefix(ws[k].NER, "B-") {
		// "the Chief Executive Officer", "Minister of Industry": a
		// title with no name after it names no one
		return out
	}
	// A group word before a person's name: "Scientologist Tom Cruise",
	// "Catholic Joe Biden" (but "American Airlines" is one name).
	if e, ok := gazetteer.Lookup(ws[k].Text); ok && e.Kind == gazetteer.Demonym && len(title) == 0 && j-k >= 3 {
		if typ, _, _ := typeName(ws, k+1, j, false); typ == kg.Person {
			if m, ok := demonymMention(s, k); ok {
				out = append(out, m)
			}
			k++
			i = k
			titleStart = k
		}
	}
	if len(title) == 0 {
		// A lower-case role just before the name: "foreign relations
		// secretary Alicia Bárcena", "spokesman John Smith"; a noun, not
		// an adjective ("a major Warhol program").
		if i > 0 && !isCapitalized(ws[i-1].Text) && gazetteer.IsTitle(ws[i-1].Text) && ws[i-1].XPOS == "NN" {
			b := i - 1
			for b > 0 && b >= i-4 && (ws[b-1].XPOS == "JJ" || ws[b-1].XPOS == "NN" || ws[b-1].XPOS == "NNS") && !isCapitalized(ws[b-1].Text) {
				b--
			}
			titleStart = b
			title = append(title, strings.ToLower(joinWords(ws[b:i])))
		}
	} else {
		titleStart = i
	}
	m := mention{sent: s.Index, start: k, end: j, titleStart: titleStart, title: strings.Join(title, " "),
		name: joinWords(ws[k:j]), entity: -1}
	m.typ, m.canonical, m.rule = typeName(ws, k, j, m.title != "")
	if m.typ == "" {
		return out
	}
	// "Chiapas state", "Sonora province": a place name with its kind after it.
	if j < len(ws) && (m.typ == kg.Location || m.typ == kg.Person || m.typ == kg.Organization || m.typ == kg.GPE) && m.title == "" {
		switch strings.ToLower(ws[j].Text) {
		case "state", "province", "city", "county", "region", "district", "prefecture", "municipality":
			m.typ, m.rule = kg.GPE, "place kind"
		}
	}
	return append(out, m)
}

// leadingAdverb are capitalized words that open a sentence before a name
// without being part of it.
var leadingAdverb = map[string]bool{
	"yesterday": true, "today": true, "tomorrow": true, "tonight": true, "meanwhile": true, "however": true,
	"now": true, "then": true, "later": true, "earlier": true, "also": true, "still": true, "instead": true,
}

// placeBeforeTitle returns the length of a known place of two or three
// words at k followed by a title and a name before j, 0 if none.
func placeBeforeTitle(ws []nlp.Word, k, j int) int {
	for n := 3; n >= 2; n-- {
		if k+n < j && knownPlace(joinWords(ws[k:k+n])) && titleLen(ws, k+n, j) > 0 && k+n+titleLen(ws, k+n, j) < j {
			return n
		}
	}
	return 0
}

// titleInName reports whether the title words [k, n) belong to the name
// after them: a possessive follows ("King's College", "Queen's
// University").
func titleInName(ws []nlp.Word, k, n int) bool {
	t := ws[n].Text
	return t == "'s" || t == "’s"
}

// onlyTitle reports words k..j that are all titles ("Chief Executive
// Officer").
func onlyTitle(ws []nlp.Word, k, j int) bool {
	for k < j {
		n := titleLen(ws, k, j)
		if n == 0 {
			return false
		}
		k += n
	}
	return true
}

// titleLen returns how many words from k form a title, 0 if none.
func titleLen(ws []nlp.Word, k, j int) int {
	for _, t := range gazetteer.MultiTitles() {
		n := len(strings.Fields(t))
		if k+n <= j && strings.ToLower(joinWords(ws[k:k+n])) == t {
			return n
		}
	}
	if gazetteer.IsTitle(ws[k].Text) {
		return 1
	}
	return 0
}

// shortCode reports a lone two-letter word the labeller left out of every
// name: in capitals, "IN", "ME", "OK" and "MD" are words and titles as
// often as states.
func shortCode(ws []nlp.Word, i, j int) bool {
	return j-i == 1 && len(ws[i].Text) == 2 && len(ws[i].NER) <= 2
}

// typeName types the name ws[i:j]. It returns "" when the words are not a
// name worth a node (a month, a lone sentence-initial capital).
func typeName(ws []nlp.Word, i, j int, hasTitle bool) (kg.EntityType, string, string) {
	name := joinWords(ws[i:j])
	if e, ok := gazetteer.Lookup(name); ok && !shortCode(ws, i, j) {
		switch e.Kind {
		case gazetteer.Country, gazetteer.State, gazetteer.City:
			return kg.GPE, e.Canonical, "gazetteer"
		case gazetteer.Region:
			return kg.Location, e.Canonical, "gazetteer"
		case gazetteer.Org:
			return kg.Organization, e.Canonical, "gazetteer"
		case gazetteer.Demonym:
			return kg.NORP, demonymName(e.Canonical), "gazetteer"
		}
	}
	allDates := true
	for _, w := range ws[i:j] {
		if !gazetteer.IsDateWord(w.Text) {
			allDates = false
		}
	}
	if allDates {
		return "", "", ""
	}
	last := ws[j-1].Text
	if j-i == 1 && gazetteer.IsOrgHead(last) && i > 0 && ws[i-1].Text == "," {
		return "", "", "" // ", Inc.", ", Ltd.": the company's name stands before the comma
	}
	if j-i > 1 && (gazetteer.IsOrgHead(last) || gazetteer.IsOrgHead(ws[i].Text)) {
		// (alone, "Service", "School", "Commission" are capitalized
		// nouns unless the labeller says otherwise)
		return kg.Organization, "", "organization word"
	}
	if j-i > 1 && (gazetteer.IsPlaceHead(last) || gazetteer.IsPlaceHead(ws[i].Text) && strings.EqualFold(ws[i+1].Text, "of")) {
		return kg.Location, "", "place word"
	}
	if hasTitle {
		return kg.Person, "", "title"
	}
	if j < len(ws) && adminUnit[strings.ToLower(ws[j].Text)] && !isCapitalized(ws[j].Text) {
		return kg.GPE, "", "place word" // "Chiapas state", "Helmand province"
	}
	label := ""
	for _, w := range ws[i:j] {
		if len(w.NER) > 2 {
			label = w.NER[2:]
			break
		}
	}
	atStart := i == 0 || isQuote(ws[i-1].Text)
	if j-i == 1 && atStart && label != "" {
		// A lone capital at the start of a sentence is kept only if it
		// names something the article names elsewhere ("Blinken kept").
		return kg.EntityType(typeOfLabel(label)), "", "initial"
	}
	switch label {
	case "PERSON":
		if i > 0 && strings.EqualFold(ws[i-1].Text, "the") {
			// A person's name after "the" names something of theirs when
			// more name words follow: "the Andy Warhol Photographic
			// Legacy Program"; alone it is a misreading ("the Mail").
			if !strings.HasSuffix(ws[j-1].NER, "PERSON") {
				return kg.Organization, "", "named after"
			}
			return "", "", ""
		}
		return kg.Person, "", "tagger"
	case "GPE":
		return kg.GPE, "", "tagger"
	case "ORGANIZATION", "ORG":
		return kg.Organization, "", "tagger"
	case "LOCATION", "FACILITY":
		return kg.Location, "", "tagger"
	case "NORP":
		return kg.NORP, "", "tagger"
	case "EVENT":
		return kg.Event, "", "tagger"
	case "WORK":
		return "", "", "" // titles of works and products are not nodes
	}
	// A code name of capitals, a hyphen and a number ("STS-1", "G-7",
	// "F-16") is a name the labeller rarely saw: a designation, kept as
	// an organization's (a person's it is not).
	if codeName(ws, i, j) {
		return kg.Organization, "", "code name"
	}
	// Other capitals the labeller gave no type (sentence-initial words,
	// acronyms, common nouns used as names: "the Internet", "DH
	// projects") name nothing; the labeller decides what is a name.
	return "", "", ""
}

// codeName reports words [i, j) written as capitals, a hyphen and digits.
func codeName(ws []nlp.Word, i, j int) bool {
	return j-i == 3 && isAllCaps(ws[i].Text) && isHyphen(ws[i+1].Text) && isDigits(ws[i+2].Text)
}

// adminUnit are the words that, written after a name, make it a region
// that governs itself.
var adminUnit = map[string]bool{"state": true, "province": true, "county": true, "district": true,
	"prefecture": true, "governorate": true, "oblast": true, "municipality": true, "canton": true}

func typeOfLabel(label string) kg.EntityType {
	switch label {
	case "PERSON":
		return kg.Person
	case "GPE":
		return kg.GPE
	case "LOCATION", "FACILITY":
		return kg.Location
	case "NORP":
		return kg.NORP
	case "EVENT":
		return kg.Event
	}
	return kg.Organization
}

// trimTitleMentions shrinks a name in the article's title line to the
// name the story's body gives, when the body gives a shorter one inside
// it: a title capitalizes every word, so "Will Donald Trump Write His
// Memoir?" reads as one name "Donald Trump Write" that the body calls
// "Donald Trump".
func (d *docState) trimTitleMentions(text string) {
	if len(d.sents) < 2 || len(d.sents[0].Words) == 0 || !paragraphStart(text, d.sents[1].Start) {
		return
	}
	body := map[string]bool{}
	for _, m := range d.mentions {
		if m.sent > 0 {
			body[kg.Fold(m.name)] = true
		}
	}
	// words the body writes capitalized: those are name words wherever
	// they stand
	capital := map[string]bool{}
	for _, s := range d.sents[1:] {
		for k, w := range s.Words {
			if isCapitalized(w.Text) && (k > 0 || w.XPOS == "NNP" || w.XPOS == "NNPS") {
				capital[w.Text] = true
			}
		}
	}
	ws := d.sents[0].Words
	titleCase := func(a, b int) bool { // words only the title capitalizes
		for _, w := range ws[a:b] {
			if capital[w.Text] || !isCapitalized(w.Text) {
				return false
			}
		}
		return true
	}
	for i, m := range d.mentions {
		if m.sent != 0 || body[kg.Fold(m.name)] {
			continue
		}
		best, bi, bj := 0, 0, 0
		for a := m.start; a < m.end; a++ {
			for b := a + 1; b <= m.end; b++ {
				if b-a > best && b-a < m.end-m.start && body[kg.Fold(joinWords(ws[a:b]))] &&
					titleCase(m.start, a) && titleCase(b, m.end) {
					best, bi, bj = b-a, a, b
				}
			}
		}
		if best > 0 {
			d.mentions[i].start, d.mentions[i].end, d.mentions[i].name = bi, bj, joinWords(ws[bi:bj])
			if m.titleStart == m.start {
				d.mentions[i].titleStart = bi
			}
		}
	}
}

// isDigits reports a word of digits only ("1", "16"; not "1,000" or "2.5").
func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
