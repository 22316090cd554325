package gazetteer

import "strings"

// titles precede a person's name ("President", "Secretary of State") or
// stand for the person in a definite description ("the president").
var titles = setOf(`president vice-president vice premier prime minister chancellor secretary
	minister senator sen. representative rep. congressman congresswoman governor gov. mayor
	king queen prince princess emperor pope cardinal bishop archbishop rabbi imam sheikh sultan emir
	general gen. admiral adm. colonel col. lieutenant lt. captain capt. sergeant sgt. major maj. commander
	judge justice attorney ambassador spokesman spokeswoman spokesperson chairman chairwoman chair
	director ceo chief founder dr. dr mr. mr mrs. mrs ms. ms prof. professor sir dame lord lady
	officer agent inspector detective superintendent commissioner coach deputy lawmaker legislator
	first lady chief executive foreign co-founder cofounder owner leader`)

// multiTitles are titles of several words, longest first.
var multiTitles = []string{
	"secretary of state", "secretary of defense", "secretary of homeland security",
	"secretary general", "secretary-general", "prime minister", "vice president",
	"foreign minister", "foreign secretary", "defense secretary", "defence secretary",
	"interior minister", "finance minister", "attorney general", "chief executive",
	"first lady", "supreme leader", "chief justice", "press secretary",
}

// IsTitle reports whether a lower-cased word is a personal title.
func IsTitle(word string) bool { return titles[strings.ToLower(word)] }

// MultiTitles returns the titles of several words, lower-cased.
func MultiTitles() []string { return multiTitles }

// orgHeads end or begin organization names ("National Guard", "Ministry of
// Health", "Acme Corp.").
var orgHeads = setOf(`inc inc. corp corp. corporation co co. company companies ltd ltd. llc plc group
	university college school institute academy foundation association society union league federation
	council commission committee agency administration authority bureau department ministry office
	service services court parliament assembly congress senate army navy police guard forces force
	party movement front alliance coalition bank fund exchange organization organisation network
	airlines airways times post news press herald journal tribune telegraph guardian
	hospital clinic center centre laboratory museum library church club team board
	cartel brigade battalion regiment corps`)

// placeHeads end names of places that are not polities.
var placeHeads = setOf(`river lake sea ocean gulf bay strait mountain mountains mount mt. hill hills valley
	desert island islands peninsula coast beach canyon forest park border bridge airport port station
	square street avenue road highway crossing canal falls plain plains region province county district
	state territory mosque temple cathedral hotel stadium palace hall tower building prison camp embassy plaza
	market mall arena`)

// IsOrgHead reports whether a word marks an organization name.
func IsOrgHead(word string) bool { return orgHeads[strings.ToLower(word)] }

// IsPlaceHead reports whether a word marks a place name.
func IsPlaceHead(word string) bool { return placeHeads[strings.ToLower(word)] }

// dateWords are names of months, days and seasons: capitalized but not
// entities.
var dateWords = setOf(`january february march april may june july august september october november december
	jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
	monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
	christmas easter`)

// IsDateWord reports whether word names a month or a day.
func IsDateWord(word string) bool { return dateWords[strings.ToLower(word)] }

// IsMonth reports whether word names a month.
func IsMonth(word string) bool {
	switch strings.ToLower(strings.TrimSuffix(word, ".")) {
	case "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr",
		"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
