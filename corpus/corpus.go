// Package corpus generates news-like articles for benchmarks and load
// tests: people, organizations and places doing things to each other, with
// quantities, dates, quotes and pronouns, from newsgraph's own templates
// and vocabulary. The same seed gives the same articles, so 100,000-article
// runs are reproducible offline. The articles are plausible, not true.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/kg"
)

// Article is one generated article, in the shape `newsgraph load` reads
// from JSON lines.
type Article = kg.ArticleJSON

var (
	firstNames = strings.Fields(`Maria Ahmed Olga Kenji Amara Lucas Priya Tomasz Ingrid Carlos Fatima Daniel
		Mei Samuel Elena Rafael Nadia Oliver Yusuf Hannah Diego Chiara Viktor Aisha Jonas Lena Mateo Sofia
		Arjun Zainab Pablo Marta Kwame Ines Felix Noor Gabriel Anya Omar Clara Hugo Leila Ruth Tariq`)
	lastNames = strings.Fields(`Okafor Lindqvist Haddad Moreno Tanaka Kowalski Ferreira Nakamura Osei Novak
		Brennan Castillo Mendes Ivanova Rahman Dubois Schultz Petrov Alvarez Kimura Mensah Larsen Ortega
		Hoffmann Nguyen Barros Sato Keller Duarte Abbasi Varga Jensen Romero Bianchi Eriksen Park Adeyemi`)
	titles    = []string{"Foreign Minister", "Prime Minister", "President", "Finance Minister", "Mayor", "Governor", "Health Minister", "Secretary of State"}
	roles     = []string{"spokeswoman", "spokesman", "chief executive", "director", "economist", "researcher", "lawyer", "analyst"}
	countries = strings.Fields(`Mexico Canada Brazil Argentina Chile Peru Germany France Spain Italy Poland
		Sweden Norway Kenya Nigeria Ghana Egypt Morocco India Pakistan Japan Indonesia Vietnam Australia Turkey`)
	cities = strings.Fields(`Lagos Nairobi Lima Santiago Madrid Lisbon Warsaw Oslo Cairo Mumbai Jakarta
		Osaka Hanoi Ankara Quito Bogota Accra Dakar Manila Seoul Prague Vienna Athens Dublin`)
	orgKinds = []string{"Ministry of Health", "Ministry of Finance", "Central Bank", "National Police", "Supreme Court", "Electoral Commission"}
	firms    = strings.Fields(`Vantor Helix Corvane Mirador Solvent Brightwater Kestrel Tallis Ardent Quorra Novella Ostrand`)
	firmKind = []string{"Corporation", "Group", "Industries", "Holdings", "Bank", "Airlines"}
	things   = []string{"vaccines", "tons of grain", "solar panels", "trucks", "doctors", "police officers", "troops", "homes", "schools", "jobs"}
	issues   = []string{"water shortages", "rising food prices", "the new trade agreement", "border security", "the budget deficit",
		"the election results", "air pollution", "the transport strike", "housing costs", "the flood recovery"}
	verbs = []struct{ past, base string }{{"announced", "announce"}, {"criticized", "criticize"}, {"approved", "approve"},
		{"rejected", "reject"}, {"signed", "sign"}, {"delayed", "delay"}, {"proposed", "propose"}, {"cancelled", "cancel"}}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	sources  = []string{"Newsgraph Wire", "Daily Ledger", "Evening Courier", "Global Dispatch"}
)

type gen struct {
	r *rand.Rand
}

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) person() (full, last string) {
	last = g.pick(lastNames)
	return g.pick(firstNames) + " " + last, last
}

func (g *gen) number() string {
	n := (g.r.IntN(90) + 10) * []int{1, 10, 100, 1000}[g.r.IntN(4)]
	s := fmt.Sprint(n)
	if n >= 1000 {
		s = fmt.Sprintf("%d,%03d", n/1000, n%1000)
	}
	return s
}

func (g *gen) firm() string { return g.pick(firms) + " " + g.pick(firmKind) }

// Generate writes n articles to emit, deterministic for a seed.
func Generate(n int, seed uint64, emit func(Article) error) error {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		a := g.article(i)
		a.PublishedAt = start.Add(time.Duration(i%7200) * time.Hour).Format(time.RFC3339)
		if err := emit(a); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) article(i int) Article {
	country, other := g.pick(countries), g.pick(countries)
	for other == country {
		other = g.pick(countries)
	}
	city := g.pick(cities)
	leader, leaderLast := g.person()
	title := g.pick(titles)
	guest, guestLast := g.person()
	for guestLast == leaderLast {
		guest, guestLast = g.person()
	}
	guestTitle := g.pick(titles)
	speaker, speakerLast := g.person()
	role := g.pick(roles)
	firm := g.firm()
	org := country + "'s " + g.pick(orgKinds)
	issue, issue2 := g.pick(issues), g.pick(issues)
	v := g.verbs()
	day, month := g.pick(weekdays), g.pick(months)
	qty, thing := g.number(), g.pick(things)
	var s []string
	s = append(s,
		fmt.Sprintf("%s %s met with %s %s %s in %s on %s to discuss %s.", country, title, other, guestTitle, guest, city, day, issue),
		fmt.Sprintf("%s said %s would send %s %s to the region by %s.", leader, country, qty, thing, month),
		fmt.Sprintf("%s %s the plan, saying it did not address %s.", guestLast, v.past, issue2),
		fmt.Sprintf("According to %s, %s people were affected in %s last week.", org, g.number(), city),
		fmt.Sprintf("\"We will not %s this agreement,\" %s, a %s at %s, told reporters.", v.base, speaker, role, firm),
		fmt.Sprintf("%s has also signed a contract worth %s million dollars with %s in %s.", firm, g.number(), other, month),
		fmt.Sprintf("%s has been %s of %s since %d.", leader, title, country, 2010+g.r.IntN(14)),
		fmt.Sprintf("Critics said %s should have acted sooner, and %s did not respond to questions on %s.", leaderLast, speakerLast, day),
	)
	g.r.Shuffle(len(s)-2, func(a, b int) { s[a+2], s[b+2] = s[b+2], s[a+2] })
	k := 4 + g.r.IntN(len(s)-3)
	head := fmt.Sprintf("%s and %s discuss %s in %s", country, other, issue, city)
	reporter, _ := g.person()
	// The story number keeps every article distinct, however many are made.
	text := head + "\n\n" + strings.Join(s[:k], " ") + fmt.Sprintf("\n\nReporting by %s; story %d.", reporter, i+1)
	return Article{Title: head, Source: g.pick(sources), Text: text}
}

func (g *gen) verbs() struct{ past, base string } { return verbs[g.r.IntN(len(verbs))] }
