package geo

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/kg"
)

// Geocoder reads the places of a document: each GPE or LOCATION entity
// whose name the gazetteer knows gets the reading the article supports,
// or none when it supports none well enough.
type Geocoder struct {
	g *Gazetteer
	// conventional maps a name news copy uses ("US", "Washington", "New
	// York") to the place it conventionally means there: package
	// gazetteer's countries, US states and major cities.
	conventional map[string]int32
}

// New returns a geocoder on g.
func New(g *Gazetteer) *Geocoder {
	c := &Geocoder{g: g, conventional: map[string]int32{}}
	// The canonical names of package gazetteer are found in g by name,
	// or by one of their aliases ("New York" by "New York City"); then
	// every alias means that place.
	aliases := map[string][]string{} // kind + canonical -> the names package gazetteer gives it
	gazetteer.Each(func(name string, e gazetteer.Entry) {
		switch e.Kind {
		case gazetteer.Country, gazetteer.State, gazetteer.City:
			k := string(rune('0'+e.Kind)) + e.Canonical
			aliases[k] = append(aliases[k], name)
		}
	})
	keys := make([]string, 0, len(aliases))
	for k := range aliases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		kind := gazetteer.Kind(k[0] - '0')
		names := aliases[k]
		sort.Strings(names)
		best := int32(-1)
		for _, n := range append([]string{k[1:]}, names...) {
			n = Key(n)
			if kind == gazetteer.State {
				n = strings.TrimSuffix(n, " state")
			}
			if cc, ok := countryNames[n]; ok && kind == gazetteer.Country {
				if i, ok := g.country[cc]; ok {
					best = i
					break
				}
			}
			for _, i := range g.byName[n] {
				p := &g.places[i]
				fits := kind == gazetteer.Country && p.Kind == Country ||
					kind == gazetteer.State && p.Kind == Admin1 && p.Country == "US" ||
					kind == gazetteer.City && p.Kind == City
				if fits && (best < 0 || p.Population > g.places[best].Population) {
					best = i
				}
			}
			if best >= 0 && kind != gazetteer.City {
				break
			}
		}
		if best < 0 {
			continue
		}
		// Only the names package gazetteer reads this way: "Georgia" is
		// the country there, "Ga." the state.
		for _, n := range names {
			c.conventional[Key(n)] = best
		}
	}
	return c
}

// countryNames are English short names of countries that iso3166-2-db
// names otherwise ("Korea" is South Korea there).
var countryNames = map[string]string{
	"south korea": "KR", "republic of korea": "KR", "ireland": "IE", "bahamas": "BS", "gambia": "GM",
	"czechia": "CZ", "macedonia": "MK", "burma": "MM", "ivory coast": "CI", "cote d'ivoire": "CI",
	"east timor": "TL", "timor-leste": "TL", "vatican": "VA", "holy see": "VA", "swaziland": "SZ",
	"congo": "CG", "republic of the congo": "CG", "democratic republic of the congo": "CD",
	"united states of america": "US", "great britain": "GB", "britain": "GB", "uk": "GB", "u.k.": "GB",
	"palestinian territories": "PS", "russian federation": "RU", "viet nam": "VN", "cabo verde": "CV",
	"micronesia": "FM", "brunei darussalam": "BN", "laos": "LA", "lao pdr": "LA", "syria": "SY",
}

// reading is one place a name may mean, and how well the article
// supports it.
type reading struct {
	i            int32 // place
	prior        float64
	qualified    float64 // support of a qualifier in the text ("Paris, Texas")
	conventional bool    // the reading package gazetteer gives the name
}

// context is what an article says about where it is: the countries and
// first-level divisions of its places and its dateline.
type context struct {
	countries map[string]int // country code -> places of the article in it (the one being read excluded)
	admins    map[string]int // "CC.admin1" -> places in it
	dateline  *Place
}

// The weights of evidence. A city's prior is log10 of its population, so
// one point is a factor of ten in population: the article's evidence
// outweighs population, which decides only between readings whose
// populations differ a hundredfold (margin).
const (
	countryPrior      = 8.0 // a country's name means the country before a town named after it
	adminPriorOffset  = -0.5
	capitalBonus      = 1.0 // PPLC
	seatBonus         = 0.5 // PPLA
	conventionalBonus = 1.5 // the reading package gazetteer gives the name
	qualifiedSupport  = 5.0 // "Paris, Texas"
	sameCountry       = 1.0
	moreCountry       = 0.5 // for each further place of the country, up to three
	sameAdmin         = 3.0
	moreAdmin         = 1.5 // for each further place of the division, up to two
	datelineCountry   = 1.5
	datelineAdmin     = 2.5
	margin            = 1.0 // the best reading must beat the next by this much
	// A city of 100,000 people needs no support from the article to be
	// read as itself; a smaller one needs a point more for each factor of
	// ten: a town of 15,000 a place of its country, one of 3,000 a place
	// of its division or the dateline's country too (needed).
	knownPopulation = 5.0
)

// needed is the support from the article that a city of population pop
// needs to be linked.
func needed(pop int) float64 {
	return knownPopulation - math.Log10(float64(pop)+1) - 0.01
}

// Resolve geocodes the GPE and LOCATION entities of doc: those with one
// well-supported reading get a Location and its GeoNames IRI in SameAs;
// a place read otherwise than its name alone would be is renamed with
// its division or country ("Paris, Texas"), so that the two readings are
// two nodes. The dateline's place sets the article's Location.
func (c *Geocoder) Resolve(doc *kg.Document, iris kg.IRIs) {
	text := []rune(doc.Article.Text)
	type item struct {
		ent      int
		readings []reading
		best     int // index into readings, -1 if none
	}
	placeOf := func(it item) int32 {
		if it.best < 0 {
			return -1
		}
		return it.readings[it.best].i
	}
	var items []item
	for i, e := range doc.Entities {
		if e.Type != kg.GPE && e.Type != kg.Location {
			continue
		}
		rs := c.readings(e.Name)
		if len(rs) == 0 {
			for _, a := range e.Aliases {
				if rs = c.readings(a); len(rs) > 0 {
					break
				}
			}
		}
		if len(rs) == 0 {
			continue
		}
		c.qualify(rs, e.Mentions, text)
		items = append(items, item{ent: i, readings: rs, best: -1})
	}
	dl := c.datelinePlace(doc.Article.Place)
	// Rounds: the places read with confidence without the others' help
	// are the context of the second round, its readings that of the
	// third, until nothing changes (four rounds at most).
	for round := 0; round < 4; round++ {
		ctx := context{countries: map[string]int{}, admins: map[string]int{}, dateline: dl}
		if round > 0 {
			for _, it := range items {
				if it.best >= 0 {
					p := c.g.places[it.readings[it.best].i]
					ctx.countries[p.Country]++
					if p.Admin1 != "" {
						ctx.admins[p.Country+"."+p.Admin1]++
					}
				}
			}
		}
		bests := make([]int, len(items))
		for k, it := range items {
			bests[k] = c.choose(it.readings, ctx, placeOf(it))
		}
		changed := false
		for k := range items {
			changed = changed || items[k].best != bests[k]
			items[k].best = bests[k]
		}
		if !changed && round > 0 {
			break
		}
	}
	// Locations first, then the renames, which may merge two entities
	// and move the others.
	renames := map[string]string{}
	for _, it := range items {
		if it.best < 0 {
			continue
		}
		e := &doc.Entities[it.ent]
		p := c.g.places[it.readings[it.best].i]
		e.Location = c.geocode(p)
		e.SameAs = appendNew(e.SameAs, kg.GeonamesIRI(p.ID))
		// A reading other than the one the name has alone gets a name of
		// its own, when the name has several.
		own := c.readings(e.Name)
		if def := c.choose(own, context{}, -1); len(own) > 1 && (def < 0 || own[def].i != it.readings[it.best].i) {
			if q := c.qualifier(p); q != "" && !strings.Contains(e.Name, ",") {
				renames[e.ID] = e.Name + ", " + q
			}
		}
	}
	ids := make([]string, 0, len(renames))
	for id := range renames {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		doc.RenameEntity(iris, id, renames[id])
	}
	if dl != nil {
		doc.Article.Location = c.geocode(*dl)
	}
}

// readings lists the places name may mean with their prior.
func (c *Geocoder) readings(name string) []reading {
	var out []reading
	seen := map[int32]bool{}
	add := func(i int32, conventional bool) {
		bonus := 0.0
		if conventional {
			bonus = conventionalBonus
		}
		if seen[i] {
			for k := range out {
				if out[k].i == i && conventional {
					out[k].prior = c.prior(i) + bonus
					out[k].conventional = true
				}
			}
			return
		}
		seen[i] = true
		out = append(out, reading{i: i, prior: c.prior(i) + bonus, conventional: conventional})
	}
	// "Paris, Texas" as one name: readings of Paris in Texas
	if head, tail, ok := strings.Cut(name, ","); ok {
		within := c.areas(strings.TrimSpace(tail))
		for _, r := range c.readings(strings.TrimSpace(head)) {
			if c.inAny(r.i, within) {
				r.qualified = qualifiedSupport
				out = append(out, r)
			}
		}
		return out
	}
	k := Key(name)
	for _, i := range c.g.byName[k] {
		add(i, false)
	}
	if i, ok := c.conventional[k]; ok {
		add(i, true)
	}
	// "Victoria state", "Punjab province", "New York City"
	for _, suffix := range []string{" state", " province", " region", " city"} {
		if base, ok := strings.CutSuffix(k, suffix); ok && base != "" {
			for _, i := range c.g.byName[base] {
				if p := c.g.places[i]; (p.Kind == Admin1) == (suffix != " city") {
					add(i, false)
				}
			}
			if i, ok := c.conventional[base]; ok && (c.g.places[i].Kind == Admin1) == (suffix != " city") {
				add(i, true)
			}
		}
	}
	return out
}

func (c *Geocoder) prior(i int32) float64 {
	p := c.g.places[i]
	lp := math.Log10(float64(p.Population) + 1)
	switch p.Kind {
	case Country:
		return countryPrior
	case Admin1:
		return lp + adminPriorOffset
	}
	switch p.Feature {
	case "PPLC":
		lp += capitalBonus
	case "PPLA":
		lp += seatBonus
	}
	return lp
}

// areas are the countries and divisions a qualifier may name ("Texas",
// "Tex.", "Greece").
func (c *Geocoder) areas(name string) []int32 {
	var out []int32
	k := Key(name)
	for _, i := range c.g.byName[k] {
		if c.g.places[i].Kind != City {
			out = append(out, i)
		}
	}
	if i, ok := c.conventional[k]; ok && c.g.places[i].Kind != City {
		out = append(out, i)
	}
	if cc, ok := countryNames[k]; ok {
		if i, ok := c.g.country[cc]; ok {
			out = append(out, i)
		}
	}
	return out
}

// inAny reports whether place i lies in one of the areas.
func (c *Geocoder) inAny(i int32, areas []int32) bool {
	p := c.g.places[i]
	for _, a := range areas {
		q := c.g.places[a]
		if a != i && p.Country == q.Country && (q.Kind == Country || q.Kind == Admin1 && p.Admin1 == q.Admin1 && p.Kind == City) {
			return true
		}
	}
	return false
}

// qualify reads what follows the entity's mentions: "Paris, Texas"
// supports the readings in Texas and rules out the others.
func (c *Geocoder) qualify(rs []reading, ms []kg.Mention, text []rune) {
	for _, m := range ms {
		q := qualifierAfter(text, m.End)
		if q == "" {
			continue
		}
		within := c.areas(q)
		if len(within) == 0 {
			// "Paris, Texas." at the end of a sentence
			within = c.areas(strings.TrimSuffix(q, "."))
		}
		if len(within) == 0 {
			continue
		}
		any := false
		for k := range rs {
			if c.inAny(rs[k].i, within) {
				any = true
			}
		}
		if !any {
			continue
		}
		for k := range rs {
			if c.inAny(rs[k].i, within) {
				rs[k].qualified = qualifiedSupport
			} else {
				rs[k].prior = math.Inf(-1)
			}
		}
	}
}

// qualifierAfter returns the capitalized words after ", " at end: the
// "Texas" of "Paris, Texas", up to punctuation or a lower-case word.
func qualifierAfter(text []rune, end int) string {
	i := end
	if i >= len(text) || text[i] != ',' {
		return ""
	}
	i++
	for i < len(text) && text[i] == ' ' {
		i++
	}
	start, last := i, i
	for i < len(text) && unicode.IsUpper(text[i]) {
		j := i
		for j < len(text) && !unicode.IsSpace(text[j]) && !strings.ContainsRune(",;:()\"", text[j]) {
			j++
		}
		last = j
		for j < len(text) && text[j] == ' ' {
			j++
		}
		i = j
	}
	return string(text[start:last])
}

// choose returns the reading the context supports, or -1. self is the
// place the entity was read as in the round before (-1 for none): it is
// no evidence for itself.
func (c *Geocoder) choose(rs []reading, ctx context, self int32) int {
	best, second := -1, -1
	scores := make([]float64, len(rs))
	support := make([]float64, len(rs))
	for k, r := range rs {
		support[k] = r.qualified + c.support(r.i, ctx, self)
		scores[k] = r.prior + support[k]
		switch {
		case best < 0 || scores[k] > scores[best]:
			best, second = k, best
		case second < 0 || scores[k] > scores[second]:
			second = k
		}
	}
	if best < 0 || math.IsInf(scores[best], -1) {
		return -1
	}
	if second >= 0 && scores[best]-scores[second] < margin {
		return -1
	}
	p := c.g.places[rs[best].i]
	if p.Kind == City && !rs[best].conventional && support[best] < needed(p.Population) {
		return -1
	}
	return best
}

// support is what the article's other places and dateline say for
// place i.
func (c *Geocoder) support(i int32, ctx context, self int32) float64 {
	p := c.g.places[i]
	var s float64
	var own Place
	if self >= 0 {
		own = c.g.places[self]
	}
	if n := ctx.countries[p.Country]; n > 0 {
		if self >= 0 && own.Country == p.Country {
			n--
		}
		if n > 0 {
			s += sameCountry + moreCountry*float64(min(n-1, 3))
		}
	}
	if p.Kind != Country {
		key := p.Country + "." + p.Admin1
		if n := ctx.admins[key]; n > 0 {
			if self >= 0 && own.Kind != Country && own.Country+"."+own.Admin1 == key {
				n--
			}
			if n > 0 {
				s += sameAdmin + moreAdmin*float64(min(n-1, 2))
			}
		}
	}
	if d := ctx.dateline; d != nil {
		switch {
		case d.ID == p.ID:
			s += qualifiedSupport // the dateline names the place
		case p.Country == d.Country:
			s += datelineCountry
			if d.Kind != Country && p.Kind != Country && p.Admin1 == d.Admin1 {
				s += datelineAdmin
			}
		}
	}
	return s
}

// geocode is the Location of p.
func (c *Geocoder) geocode(p Place) *kg.Geocode {
	l := &kg.Geocode{Lat: p.Lat, Lon: p.Lon, CountryCode: p.Country, GeonamesID: p.ID, Kind: p.Kind.String()}
	switch p.Kind {
	case Admin1:
		l.Admin = p.Name
	case City:
		if a, ok := c.g.Division(p.Country, p.Admin1); ok {
			l.Admin = a.Name
		}
	}
	return l
}

// qualifier is what tells p from other places of its name: the state of
// a city in a country whose places are named so ("Paris, Texas"), else
// the country.
func (c *Geocoder) qualifier(p Place) string {
	if p.Kind == City {
		switch p.Country {
		case "US", "CA", "AU":
			if a, ok := c.g.Division(p.Country, p.Admin1); ok {
				return a.Name
			}
		}
	}
	if p.Kind == Country {
		return ""
	}
	if cn, ok := c.g.Country(p.Country); ok {
		return cn.Name
	}
	return ""
}

// datelinePlace reads a dateline's place ("TAIPEI, Taiwan", "Sydney"):
// its first part, qualified by the others.
func (c *Geocoder) datelinePlace(place string) *Place {
	if place == "" {
		return nil
	}
	parts := strings.Split(place, ",")
	name := titleCase(strings.TrimSpace(parts[0]))
	rs := c.readings(name)
	if len(parts) > 1 {
		within := c.areas(strings.TrimSpace(parts[len(parts)-1]))
		for k := range rs {
			if c.inAny(rs[k].i, within) {
				rs[k].qualified = qualifiedSupport
			} else if len(within) > 0 {
				rs[k].prior = math.Inf(-1)
			}
		}
	}
	best := c.choose(rs, context{}, -1)
	if best < 0 {
		return nil
	}
	p := c.g.places[rs[best].i]
	return &p
}

// titleCase turns a dateline's capitals into a name ("NEW YORK" -> "New
// York"); other names are left alone.
func titleCase(s string) string {
	if s != strings.ToUpper(s) {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
