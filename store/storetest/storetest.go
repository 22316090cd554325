// Package storetest is the conformance suite that every store backend
// passes: run it with Run and a function that opens an empty store.
package storetest

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// Opener returns a new, empty store; the suite closes it.
type Opener func(t *testing.T) *store.Store

// Run runs every conformance test against stores made by open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, *store.Store)
	}{
		{"IngestAndRead", testIngestAndRead},
		{"ReingestIsIdempotent", testReingest},
		{"DeleteKeepsSharedFacts", testDelete},
		{"SearchEntities", testSearch},
		{"StatementFilters", testFilters},
		{"ExportImportRoundTrip", func(t *testing.T, s *store.Store) { testRoundTrip(t, s, open) }},
		{"NotFound", testNotFound},
		{"LinksAcrossArticles", testLinks},
		{"LargestEntities", testLargest},
		{"DeletingEverythingLeavesNothing", testDeleteAll},
		{"ReadsDuringWrites", testConcurrent},
		{"ReadsDuringDeletes", func(t *testing.T, s *store.Store) { ReadsDuringDeletes(t, s, 3, readStatements(s)) }},
		{"DeleteOnlyArticles", testDeleteOnlyArticles},
		{"DeleteTakesItsAliases", testDeleteAliases},
		{"TimedOutIngestWritesNothing", testIngestTimedOut},
		{"ImportRefusesBadInput", testImportRefuses},
		{"LoadOrderDoesNotMatter", func(t *testing.T, s *store.Store) { testLoadOrder(t, s, open) }},
		{"PlacesAndSameAs", func(t *testing.T, s *store.Store) { testPlaces(t, s, open) }},
		{"IncrementalLinksMatchFullBuild", testIncrementalLinks},
		{"IncrementalAdjacencyMatchesFullBuild", testIncrementalAdjacency},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // every test has a store of its own
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
}

// Doc builds a small document by hand: two entities, a quantity and two
// statements, as the loader would make them.
func Doc(iris kg.IRIs, text string, extra bool) *kg.Document {
	art := kg.Article{ID: iris.Article(text), Text: text, Title: "test " + text[:5], Source: "storetest",
		Author: "Jane Doe", URL: "https://news.example.com/" + text[:5]}
	mexico := kg.Node{Name: "Mexico", Type: kg.GPE}
	mexico.ID = iris.Node(mexico)
	blinken := kg.Node{Name: "Antony Blinken", Type: kg.Person}
	blinken.ID = iris.Node(blinken)
	v := 32000.0
	troops := kg.Node{Name: "more than 32,000 troops", Type: kg.Quantity, Value: &v, Unit: "troops"}
	troops.ID = iris.Node(troops)
	border := kg.Node{Name: "border", Type: kg.Concept}
	border.ID = iris.Node(border)
	tuesday := kg.Node{Name: "Tuesday", Type: kg.Date}
	tuesday.ID = iris.Node(tuesday)
	st1 := kg.Statement{Subject: mexico, Predicate: "send", Relation: "sent", Object: troops, Confidence: 0.8,
		Sentence: 0, Span: kg.Span{Start: 0, End: 10}, Text: text,
		Arguments: []kg.Argument{{Role: kg.RoleOther, Via: "to", Value: border}, {Role: kg.RoleTime, Via: "on", Value: tuesday}}}
	st1.ID = iris.Statement(mexico.ID, st1.Predicate, troops.ID, false, "")
	doc := &kg.Document{Article: art, Statements: []kg.Statement{st1}, Entities: []kg.Entity{
		{ID: mexico.ID, Name: "Mexico", Type: kg.GPE, Aliases: []string{}, Mentions: []kg.Mention{{Start: 0, End: 6, Text: "Mexico"}}},
	}}
	if extra {
		st2 := kg.Statement{Subject: blinken, Predicate: "meet with", Relation: "met with", Object: mexico, Confidence: 0.9,
			Sentence: 1, Span: kg.Span{Start: 11, End: 20}, Text: text, Time: "Monday"}
		st2.ID = iris.Statement(blinken.ID, st2.Predicate, mexico.ID, false, "")
		doc.Statements = append(doc.Statements, st2)
		doc.Entities = append(doc.Entities, kg.Entity{ID: blinken.ID, Name: "Antony Blinken", Type: kg.Person,
			Aliases: []string{"Blinken"}, Mentions: []kg.Mention{{Start: 11, End: 25, Text: "Antony Blinken"}}})
	}
	return doc
}

func ingest(t *testing.T, s *store.Store, d *kg.Document) kg.IngestResult {
	t.Helper()
	res, err := s.Ingest(context.Background(), d)
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	return res
}

func testIngestAndRead(t *testing.T, s *store.Store) {
	ctx := context.Background()
	d := Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true)
	if res := ingest(t, s, d); !res.Created {
		t.Fatalf("first ingest: Created = false")
	}
	e, err := s.Entity(ctx, d.Entities[1].ID)
	if err != nil {
		t.Fatalf("Entity: %v", err)
	}
	if got, want := e.Name, "Antony Blinken"; got != want {
		t.Errorf("name = %q, want %q", got, want)
	}
	if got, want := e.Type, kg.Person; got != want {
		t.Errorf("type = %q, want %q", got, want)
	}
	if len(e.Aliases) != 1 || e.Aliases[0] != "Blinken" {
		t.Errorf("aliases = %q, want [Blinken]", e.Aliases)
	}
	ms, err := s.Mentions(ctx, e.ID)
	if err != nil || len(ms) != 1 || ms[0].Article != d.Article.ID || ms[0].Start != 11 {
		t.Errorf("mentions = %+v, %v; want one at 11 in %s", ms, err, d.Article.ID)
	}
	st, err := s.Statement(ctx, d.Statements[0].ID)
	if err != nil {
		t.Fatalf("Statement: %v", err)
	}
	if st.Object.Value == nil || *st.Object.Value != 32000 || st.Object.Unit != "troops" {
		t.Errorf("object = %+v, want value 32000 troops", st.Object)
	}
	if len(st.Provenance) != 1 || st.Provenance[0].Relation != "sent" || st.Confidence != 0.8 {
		t.Errorf("provenance = %+v confidence %v", st.Provenance, st.Confidence)
	}
	if !reflect.DeepEqual(st.Arguments, d.Statements[0].Arguments) {
		t.Errorf("arguments = %+v, want %+v", st.Arguments, d.Statements[0].Arguments)
	}
	a, err := s.Article(ctx, d.Article.ID)
	if err != nil || a.Text != d.Article.Text || a.Title != d.Article.Title || a.Author != d.Article.Author || a.URL != d.Article.URL {
		t.Errorf("article = %+v, %v", a, err)
	}
}

func testReingest(t *testing.T, s *store.Store) {
	ctx := context.Background()
	d := Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true)
	ingest(t, s, d)
	var before bytes.Buffer
	if err := s.ExportNQuads(ctx, &before); err != nil {
		t.Fatal(err)
	}
	if res := ingest(t, s, d); res.Created {
		t.Errorf("second ingest: Created = true, want false")
	}
	var after bytes.Buffer
	if err := s.ExportNQuads(ctx, &after); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Errorf("re-ingest changed the graph")
	}
}

func testDelete(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a := Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true)
	b := Doc(s.IRIs(), "Mexico sent troops, a second report said.", false)
	ingest(t, s, a)
	ingest(t, s, b)
	st, err := s.Statement(ctx, a.Statements[0].ID)
	if err != nil || len(st.Provenance) != 2 {
		t.Fatalf("shared statement provenance = %v, %v; want 2", st, err)
	}
	ok, err := s.DeleteArticle(ctx, a.Article.ID)
	if err != nil || !ok {
		t.Fatalf("DeleteArticle = %v, %v", ok, err)
	}
	if _, err := s.Article(ctx, a.Article.ID); kg.ErrorCode(err) != kg.ENOTFOUND {
		t.Errorf("deleted article still there: %v", err)
	}
	if _, err := s.Statement(ctx, a.Statements[1].ID); kg.ErrorCode(err) != kg.ENOTFOUND {
		t.Errorf("statement only the deleted article supported is still there: %v", err)
	}
	st, err = s.Statement(ctx, a.Statements[0].ID)
	if err != nil || len(st.Provenance) != 1 || st.Provenance[0].Article != b.Article.ID {
		t.Errorf("shared statement after delete = %+v, %v; want one provenance from the other article", st, err)
	}
	if _, err := s.Entity(ctx, a.Entities[1].ID); kg.ErrorCode(err) != kg.ENOTFOUND {
		t.Errorf("entity only the deleted article mentioned is still there: %v", err)
	}
	if ok, err := s.DeleteArticle(ctx, a.Article.ID); ok || err != nil {
		t.Errorf("second delete = %v, %v; want false, nil", ok, err)
	}
}

func testSearch(t *testing.T, s *store.Store) {
	ctx := context.Background()
	ingest(t, s, Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true))
	tests := []struct {
		name, query string
		typ         kg.EntityType
		want        []string
	}{
		{"alias", "blinken", "", []string{"Antony Blinken"}},
		{"accents and case", "MEXICO", "", []string{"Mexico"}},
		{"type filter", "e", kg.Person, []string{"Antony Blinken"}},
		{"no match", "zzz", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es, total, err := s.SearchEntities(ctx, tc.query, tc.typ, 0, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Name)
			}
			if len(got) != len(tc.want) || total != len(tc.want) {
				t.Fatalf("got %q (total %d), want %q", got, total, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("got %q, want %q", got, tc.want)
				}
			}
		})
	}
}

func testFilters(t *testing.T, s *store.Store) {
	ctx := context.Background()
	d := Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true)
	ingest(t, s, d)
	mexico := d.Entities[0].ID
	tests := []struct {
		name string
		f    kg.StatementFilter
		want int
	}{
		{"all", kg.StatementFilter{}, 2},
		{"subject", kg.StatementFilter{Subject: mexico}, 1},
		{"object", kg.StatementFilter{Object: mexico}, 1},
		{"predicate", kg.StatementFilter{Predicate: "meet with"}, 1},
		{"article", kg.StatementFilter{Article: d.Article.ID}, 2},
		{"min confidence", kg.StatementFilter{MinConfidence: 0.85}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sts, total, err := s.Statements(ctx, tc.f, 0, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(sts) != tc.want || total != tc.want {
				t.Errorf("got %d statements (total %d), want %d", len(sts), total, tc.want)
			}
		})
	}
	sts, total, err := s.Statements(ctx, kg.StatementFilter{}, 1, 10)
	if err != nil || len(sts) != 1 || total != 2 {
		t.Errorf("offset 1: got %d of %d, %v; want 1 of 2", len(sts), total, err)
	}
}

func testRoundTrip(t *testing.T, s *store.Store, open Opener) {
	ctx := context.Background()
	ingest(t, s, Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true))
	ingest(t, s, person(s.IRIs(), "Blinken discussed trade.", "Blinken", "trade")) // a link to export
	var first bytes.Buffer
	if err := s.ExportNQuads(ctx, &first); err != nil {
		t.Fatal(err)
	}
	empty := open(t)
	defer empty.Close()
	if _, err := empty.ImportNQuads(ctx, bytes.NewReader(first.Bytes())); err != nil {
		t.Fatalf("ImportNQuads: %v", err)
	}
	var second bytes.Buffer
	if err := empty.ExportNQuads(ctx, &second); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("export -> import -> export changed the quads:\n%s\nvs\n%s", first.String(), second.String())
	}
	if !strings.Contains(first.String(), "<http://www.w3.org/2002/07/owl#sameAs>") {
		t.Errorf("export has no sameAs link:\n%s", first.String())
	}
	// The imported store holds the links as owl:sameAs quads of its own:
	// its entities must read as the original's, never their own sameAs.
	for _, text := range []string{"Mexico sent troops. Blinken met Mexico.", "Blinken discussed trade."} {
		doc := Doc(s.IRIs(), text, true)
		if text == "Blinken discussed trade." {
			doc = person(s.IRIs(), text, "Blinken", "trade")
		}
		for _, ent := range doc.Entities {
			want, err := s.Entity(ctx, ent.ID)
			if err != nil {
				t.Fatal(err)
			}
			got, err := empty.Entity(ctx, ent.ID)
			if err != nil {
				t.Fatal(err)
			}
			if slices.Contains(got.SameAs, got.ID) {
				t.Errorf("imported %s lists itself in sameAs: %v", got.ID, got.SameAs)
			}
			// (Members' rules may differ: the import joins them by its sameAs.)
			if got.ID != want.ID || !slices.Equal(got.SameAs, want.SameAs) || len(got.Members) != len(want.Members) {
				t.Errorf("imported Entity(%s) = %s sameAs %v, %d members; want the original's %s sameAs %v, %d members",
					ent.ID, got.ID, got.SameAs, len(got.Members), want.ID, want.SameAs, len(want.Members))
			}
		}
	}
	if _, err := empty.ImportNQuads(ctx, bytes.NewReader([]byte("<a> <b> broken"))); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("malformed N-Quads: error %v, want code %s", err, kg.EINVALID)
	}
}

func testNotFound(t *testing.T, s *store.Store) {
	ctx := context.Background()
	if _, err := s.Entity(ctx, "https://example.org/nothing"); kg.ErrorCode(err) != kg.ENOTFOUND {
		t.Errorf("Entity: %v, want NOT_FOUND", err)
	}
	if _, err := s.Statement(ctx, "https://example.org/nothing"); kg.ErrorCode(err) != kg.ENOTFOUND {
		t.Errorf("Statement: %v, want NOT_FOUND", err)
	}
	if _, err := s.Article(ctx, "https://example.org/nothing"); kg.ErrorCode(err) != kg.ENOTFOUND {
		t.Errorf("Article: %v, want NOT_FOUND", err)
	}
}

// person makes a one-statement document about a person: name said text.
func person(iris kg.IRIs, text, name, obj string) *kg.Document {
	p := kg.Node{Name: name, Type: kg.Person}
	p.ID = iris.Node(p)
	o := kg.Node{Name: obj, Type: kg.Concept}
	o.ID = iris.Node(o)
	st := kg.Statement{Subject: p, Predicate: "discuss", Relation: "discussed", Object: o, Confidence: 0.7, Text: text,
		Span: kg.Span{Start: 0, End: len(text)}}
	st.ID = iris.Statement(p.ID, st.Predicate, o.ID, false, "")
	return &kg.Document{Article: kg.Article{ID: iris.Article(text), Text: text},
		Entities:   []kg.Entity{{ID: p.ID, Name: name, Type: kg.Person, Aliases: []string{}, Mentions: []kg.Mention{{Start: 0, End: len(name), Text: name}}}},
		Statements: []kg.Statement{st}}
}

func testLinks(t *testing.T, s *store.Store) {
	ctx := context.Background()
	full := person(s.IRIs(), "Antony Blinken discussed migration.", "Antony Blinken", "migration")
	short := person(s.IRIs(), "Blinken discussed trade.", "Blinken", "trade")
	ingest(t, s, short)
	ingest(t, s, full)
	fullID, shortID := full.Entities[0].ID, short.Entities[0].ID
	e, err := s.Entity(ctx, shortID)
	if err != nil {
		t.Fatal(err)
	}
	if e.ID != fullID || e.Name != "Antony Blinken" {
		t.Errorf("Entity(%s) = %s %q, want the full name's entity %s", shortID, e.ID, e.Name, fullID)
	}
	if want := []kg.Member{{ID: shortID, Name: "Blinken", Type: kg.Person, Rule: kg.LinkPartialName}}; !reflect.DeepEqual(e.Members, want) {
		t.Errorf("members = %+v, want %+v", e.Members, want)
	}
	if hits, n, err := s.SearchEntities(ctx, "blinken", "", 0, 10); err != nil || n != 1 || hits[0].ID != fullID {
		t.Errorf("search blinken: %d hits (%v), want the one joined entity", n, err)
	}
	_, n, err := s.Statements(ctx, kg.StatementFilter{Subject: fullID}, 0, 10)
	if err != nil || n != 2 {
		t.Fatalf("statements of the joined entity: %d, %v; want both articles' 2", n, err)
	}
	ms, err := s.Mentions(ctx, fullID)
	if err != nil || len(ms) != 2 {
		t.Errorf("mentions: %d, %v; want 2", len(ms), err)
	}
	// A second Blinken makes the surname ambiguous: the link goes.
	ingest(t, s, person(s.IRIs(), "Sam Blinken discussed music.", "Sam Blinken", "music"))
	if e, err := s.Entity(ctx, shortID); err != nil || e.ID != shortID {
		t.Errorf("after a second Blinken, Entity(%s) = %v, %v; want itself", shortID, e, err)
	}
}

// Largest ranks entities by their statements, joined members counted
// with their entity, and counts again after a write.
func testLargest(t *testing.T, s *store.Store) {
	ctx := context.Background()
	if got, err := s.Largest(ctx, 5); err != nil || len(got) != 0 {
		t.Fatalf("Largest of an empty store: %v, %v", got, err)
	}
	full := person(s.IRIs(), "Antony Blinken discussed migration.", "Antony Blinken", "migration")
	ingest(t, s, full)
	ingest(t, s, person(s.IRIs(), "Blinken discussed trade.", "Blinken", "trade"))
	ingest(t, s, person(s.IRIs(), "Angela Merkel discussed energy.", "Angela Merkel", "energy"))
	got, err := s.Largest(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	merkel := s.IRIs().Node(kg.Node{Name: "Angela Merkel", Type: kg.Person})
	want := []kg.Ranked{{Entity: full.Entities[0].ID, Statements: 2}, {Entity: merkel, Statements: 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Largest = %+v, want %+v (the concepts are values, not entities)", got, want)
	}
	if got, _ := s.Largest(ctx, 1); len(got) != 1 || got[0] != want[0] {
		t.Errorf("Largest(1) = %+v, want %+v", got, want[:1])
	}
	ingest(t, s, person(s.IRIs(), "Angela Merkel discussed trade.", "Angela Merkel", "trade"))
	ingest(t, s, person(s.IRIs(), "Merkel discussed coal.", "Angela Merkel", "coal"))
	if got, _ := s.Largest(ctx, 1); len(got) != 1 || got[0].Entity != merkel || got[0].Statements != 3 {
		t.Errorf("after two more of Merkel's statements, Largest(1) = %+v, want her with 3", got)
	}
}

func testLoadOrder(t *testing.T, s *store.Store, open Opener) {
	ctx := context.Background()
	docs := []*kg.Document{
		person(s.IRIs(), "Antony Blinken discussed migration.", "Antony Blinken", "migration"),
		person(s.IRIs(), "Blinken discussed trade.", "Blinken", "trade"),
		Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true),
	}
	other := open(t)
	defer other.Close()
	for i := range docs {
		ingest(t, s, docs[i])
		ingest(t, other, docs[len(docs)-1-i])
	}
	var a, b bytes.Buffer
	if err := s.ExportNQuads(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if err := other.ExportNQuads(ctx, &b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("two load orders exported different graphs")
	}
	la, _ := s.SameAs(ctx)
	lb, _ := other.SameAs(ctx)
	if len(la) == 0 || !reflect.DeepEqual(la, lb) {
		t.Errorf("links %v and %v, want the same, not empty", la, lb)
	}
}

// Deleting every article leaves an empty store: the shared quads of
// entities, values and statements go with the last article that needs
// them, and not before.
func testDeleteAll(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a := Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true)
	b := Doc(s.IRIs(), "Mexico sent troops again.", false)
	// The same fact, negated, in a third article: it shares the direct edge.
	c := Doc(s.IRIs(), "Mexico did not send troops.", false)
	st := &c.Statements[0]
	st.Negated = true
	st.ID = s.IRIs().Statement(st.Subject.ID, st.Predicate, st.Object.ID, true, "")
	for _, d := range []*kg.Document{a, b, c} {
		ingest(t, s, d)
	}
	del := func(d *kg.Document) {
		t.Helper()
		if ok, err := s.DeleteArticle(ctx, d.Article.ID); err != nil || !ok {
			t.Fatalf("delete: %v, %v", ok, err)
		}
	}
	edge := "<" + s.IRIs().Predicate("send") + ">"
	del(a)
	var buf bytes.Buffer
	s.ExportNQuads(ctx, &buf)
	if _, err := s.Statement(ctx, b.Statements[0].ID); err != nil {
		t.Errorf("the statement b still makes is gone: %v", err)
	}
	if _, err := s.Entity(ctx, a.Entities[1].ID); kg.ErrorCode(err) != kg.ENOTFOUND {
		t.Errorf("Blinken, only in the deleted article: %v, want NOT_FOUND", err)
	}
	del(b)
	buf.Reset()
	s.ExportNQuads(ctx, &buf)
	if !strings.Contains(buf.String(), edge) {
		t.Errorf("the direct edge went while the negated statement still makes it")
	}
	del(c)
	buf.Reset()
	if err := s.ExportNQuads(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	if q := quadLines(buf.String()); len(q) != 0 {
		t.Errorf("after deleting every article the store holds:\n%s", buf.String())
	}
}

// Readers and writers at once: no crash, no error, every write there.
func testConcurrent(t *testing.T, s *store.Store) {
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 15; i++ {
				d := Doc(s.IRIs(), fmt.Sprintf("Writer %d article %d: Mexico sent troops.", w, i), true)
				if _, err := s.Ingest(ctx, d); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				if _, _, err := s.SearchEntities(ctx, "mex", "", 0, 5); err != nil {
					errs <- err
					return
				}
				if _, _, err := s.Statements(ctx, kg.StatementFilter{}, 0, 5); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if _, n, err := s.Articles(ctx, 0, 1); err != nil || n != 30 {
		t.Errorf("articles: %d, %v; want the 30 written", n, err)
	}
}

// Only an article can be deleted: the IRI of an entity, a statement or
// the label of the shared quads is refused and deletes nothing.
func testDeleteOnlyArticles(t *testing.T, s *store.Store) {
	ctx := context.Background()
	d := Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true)
	ingest(t, s, d)
	var before bytes.Buffer
	if err := s.ExportNQuads(ctx, &before); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{s.IRIs().Base + "graph/nodes", d.Entities[0].ID, d.Statements[0].ID, "urn:x:nothing", ""} {
		ok, err := s.DeleteArticle(ctx, id)
		if ok || kg.ErrorCode(err) != kg.ENOTFOUND {
			t.Errorf("DeleteArticle(%q) = %v, %v; want false and NOT_FOUND", id, ok, err)
		}
	}
	var after bytes.Buffer
	if err := s.ExportNQuads(ctx, &after); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Errorf("refused deletes changed the graph")
	}
	if res := ingest(t, s, d); res.Created {
		t.Errorf("re-ingest after the refused deletes: created, want already there")
	}
}

// Deleting an article takes away the aliases and names only it gave an
// entity, and keeps those another article still gives.
func testDeleteAliases(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a := Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true)
	b := Doc(s.IRIs(), "Blinken met Mexico again, said the Secretary.", true)
	bl := &b.Entities[1]
	bl.Aliases = []string{"Blinken", "Secretary Blinken"}
	ingest(t, s, a)
	ingest(t, s, b)
	aliases := func() []string {
		t.Helper()
		e, err := s.Entity(ctx, bl.ID)
		if err != nil {
			t.Fatalf("Entity: %v", err)
		}
		return e.Aliases
	}
	if got, want := aliases(), []string{"Blinken", "Secretary Blinken"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("aliases = %q, want %q", got, want)
	}
	if _, err := s.DeleteArticle(ctx, b.Article.ID); err != nil {
		t.Fatal(err)
	}
	if got, want := aliases(), []string{"Blinken"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after deleting the article that said %q: aliases = %q, want %q", "Secretary Blinken", got, want)
	}
	ingest(t, s, b)
	if _, err := s.DeleteArticle(ctx, a.Article.ID); err != nil {
		t.Fatal(err)
	}
	if got, want := aliases(), []string{"Blinken", "Secretary Blinken"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after deleting the other article: aliases = %q, want %q", got, want)
	}
}

// An ingest whose context ended before it could write writes nothing and
// says so.
func testIngestTimedOut(t *testing.T, s *store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true)
	res, err := s.Ingest(ctx, d)
	if err == nil || res.Created {
		t.Fatalf("ingest with an ended context = %+v, %v; want an error and nothing created", res, err)
	}
	if ok, err := s.HasArticle(context.Background(), d.Article.ID); ok || err != nil {
		t.Errorf("the article is stored after all: %v, %v", ok, err)
	}
}

// A bad import is refused whole, with the line of each problem, and
// leaves the graph as it was.
func testImportRefuses(t *testing.T, s *store.Store) {
	ctx := context.Background()
	d := Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true)
	ingest(t, s, d)
	var before bytes.Buffer
	if err := s.ExportNQuads(ctx, &before); err != nil {
		t.Fatal(err)
	}
	const (
		ns   = "<https://newsgraph.dev/ns#"
		typ  = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
		good = "<http://x/a> <http://x/b> <http://x/c> .\n"
	)
	base := s.IRIs().Base
	tests := []struct {
		name, input, want string
	}{
		{"statement without its parts", good + "<" + base + "statement/bogus> " + typ + ns + "Statement> .\n", "line 2: "},
		{"unknown entity type", good + good + "<" + base + "entity/person/x> " + ns + "entityType> \"NOTATYPE\" .\n", "line 3: "},
		{"space in an IRI", "<http://x/a b> <http://x/p> <http://x/c> .\n", "line 1: "},
		{"invalid UTF-8", good + "<http://x/a> <http://x/p> \"caf\xe9\" .\n", "line 2: not valid UTF-8"},
		{"relative IRI", "<a> <http://x/p> <http://x/c> .\n", "line 1: "},
		{"not N-Quads", good + "<a> <b> broken\n", "line 2: "},
		{"confidence out of range", "<http://x/s> " + ns + "confidence> \"7.5\"^^<http://www.w3.org/2001/XMLSchema#double> .\n", "line 1: "},
		{"entity type of an existing entity", "<" + d.Entities[0].ID + "> " + ns + "entityType> \"NOTATYPE\" .\n", "line 1: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, err := s.ImportNQuads(ctx, strings.NewReader(tc.input))
			if kg.ErrorCode(err) != kg.EINVALID || n != 0 {
				t.Fatalf("import = %d, %v; want 0 and INVALID", n, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
			var after bytes.Buffer
			if err := s.ExportNQuads(ctx, &after); err != nil {
				t.Fatal(err)
			}
			if before.String() != after.String() {
				t.Errorf("a refused import changed the graph")
			}
		})
	}
	// A statement whose parts are already stored may be completed by an
	// import (another reading of it), and statements still list.
	st := d.Statements[0].ID
	if _, err := s.ImportNQuads(ctx, strings.NewReader("<"+st+"> "+typ+ns+"Statement> .\n")); err != nil {
		t.Errorf("re-typing a stored statement: %v", err)
	}
	if _, _, err := s.Statements(ctx, kg.StatementFilter{}, 0, 10); err != nil {
		t.Errorf("statements after the imports: %v", err)
	}
}

// Placed builds a document whose place is geocoded and linked to a
// knowledge base, filed from a place: "Mexico" is GeoNames 3996063 and
// Wikidata Q96, and the article comes from Mexico City; its statement
// happened in Chiapas (a PLACE argument) or, without one, where the
// article was filed from.
func Placed(iris kg.IRIs, text, name string, chiapas bool) *kg.Document {
	d := Doc(iris, text, false)
	mx := &d.Entities[0]
	if name != mx.Name {
		d.RenameEntity(iris, mx.ID, name)
		mx.Aliases = []string{}
	}
	mx.Location = &kg.Geocode{Lat: 23.6, Lon: -102.5, CountryCode: "MX", GeonamesID: 3996063, Kind: "country"}
	mx.SameAs = []string{kg.GeonamesIRI(3996063), "http://www.wikidata.org/entity/Q96"}
	d.Article.Place = "Mexico City"
	d.Article.Location = &kg.Geocode{Lat: 19.43, Lon: -99.13, CountryCode: "MX", Admin: "Mexico City", GeonamesID: 3530597, Kind: "city"}
	if chiapas {
		ch := kg.Entity{Name: "Chiapas", Type: kg.GPE, Aliases: []string{}, Mentions: []kg.Mention{{Start: 0, End: 7, Text: "Chiapas"}},
			Location: &kg.Geocode{Lat: 16.5, Lon: -92.5, CountryCode: "MX", Admin: "Chiapas", GeonamesID: 3531011, Kind: "admin1"}}
		ch.ID = iris.Entity(kg.GPE, ch.Name)
		ch.SameAs = []string{kg.GeonamesIRI(3531011)}
		d.Entities = append(d.Entities, ch)
		d.Statements[0].Arguments = append(d.Statements[0].Arguments, kg.Argument{Role: kg.RolePlace, Via: "in",
			Value: kg.Node{ID: ch.ID, Name: ch.Name, Type: kg.GPE}})
	}
	return d
}

func testPlaces(t *testing.T, s *store.Store, open Opener) {
	ctx := context.Background()
	a := Placed(s.IRIs(), "Mexico sent troops to Chiapas.", "Mexico", true)
	// Another article calls it otherwise; the same GeoNames feature joins
	// the two.
	b := Placed(s.IRIs(), "Estados Unidos Mexicanos sent troops.", "Estados Unidos Mexicanos", false)
	ingest(t, s, a)
	ingest(t, s, b)
	e, err := s.Entity(ctx, b.Entities[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.ID != a.Entities[0].ID && e.ID != b.Entities[0].ID {
		t.Errorf("entity %s", e.ID)
	}
	if want := a.Entities[0].Location; e.Location == nil || *e.Location != *want {
		t.Errorf("location %+v, want %+v", e.Location, want)
	}
	if want := []string{"http://www.wikidata.org/entity/Q96", kg.GeonamesIRI(3996063)}; !reflect.DeepEqual(e.SameAs, want) {
		t.Errorf("sameAs %v, want %v", e.SameAs, want)
	}
	if len(e.Members) != 1 || e.Members[0].Rule != kg.LinkSameAs {
		t.Errorf("members %+v, want the other name joined by sameAs", e.Members)
	}
	near, total, err := s.EntitiesNear(ctx, 17, -93, 300, 10)
	if err != nil || total != 1 || len(near) != 1 || near[0].Entity.Name != "Chiapas" || near[0].Km > 100 {
		t.Errorf("EntitiesNear(Chiapas) = %+v, %d, %v", near, total, err)
	}
	if near, total, _ := s.EntitiesNear(ctx, 20, -100, 2000, 10); total != 2 || len(near) != 2 || near[0].Km > near[1].Km {
		t.Errorf("EntitiesNear(Mexico) = %+v, %d; want Mexico and Chiapas, nearest first", near, total)
	}
	if _, _, err := s.EntitiesNear(ctx, 100, 0, 1, 10); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("latitude 100: %v, want INVALID", err)
	}
	count := func(f kg.PlaceFilter) int {
		t.Helper()
		_, n, err := s.Statements(ctx, kg.StatementFilter{Place: f}, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	// a's statement happened in Chiapas, b's where b was filed from.
	if got := count(kg.PlaceFilter{CountryCode: "MX"}); got != 2 {
		t.Errorf("statements in MX: %d, want 2", got)
	}
	if got := count(kg.PlaceFilter{Near: true, Lat: 16.5, Lon: -92.5, Km: 50}); got != 1 {
		t.Errorf("statements near Chiapas: %d, want 1", got)
	}
	if got := count(kg.PlaceFilter{Near: true, Lat: 19.43, Lon: -99.13, Km: 50}); got != 1 {
		t.Errorf("statements near Mexico City: %d, want 1 (b's, filed there; a's happened in Chiapas)", got)
	}
	if got := count(kg.PlaceFilter{CountryCode: "US"}); got != 0 {
		t.Errorf("statements in US: %d, want 0", got)
	}
	var first bytes.Buffer
	if err := s.ExportNQuads(ctx, &first); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<http://www.w3.org/2003/01/geo/wgs84_pos#lat>", "<http://www.w3.org/2003/01/geo/wgs84_pos#long>",
		"<" + kg.GeonamesIRI(3531011) + ">", "<http://www.wikidata.org/entity/Q96>"} {
		if !strings.Contains(first.String(), want) {
			t.Errorf("export has no %s", want)
		}
	}
	empty := open(t)
	defer empty.Close()
	if _, err := empty.ImportNQuads(ctx, bytes.NewReader(first.Bytes())); err != nil {
		t.Fatalf("ImportNQuads: %v", err)
	}
	var second bytes.Buffer
	if err := empty.ExportNQuads(ctx, &second); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("export -> import -> export changed the quads")
	}
	for _, d := range []*kg.Document{a, b} {
		if ok, err := s.DeleteArticle(ctx, d.Article.ID); err != nil || !ok {
			t.Fatalf("delete: %v, %v", ok, err)
		}
		if d == a {
			if e, err := s.Entity(ctx, b.Entities[0].ID); err != nil || e.Location == nil {
				t.Errorf("b's place lost its location with a: %+v, %v", e, err)
			}
		}
	}
	var rest bytes.Buffer
	if err := s.ExportNQuads(ctx, &rest); err != nil {
		t.Fatal(err)
	}
	if q := quadLines(rest.String()); len(q) != 0 {
		t.Errorf("after deleting every article the store holds:\n%s", rest.String())
	}
}

// named makes a one-entity document: name, of type typ, with aliases and
// sameAs IRIs, mentioned in text.
func named(iris kg.IRIs, text, name string, typ kg.EntityType, aliases []string, sameAs ...string) *kg.Document {
	e := kg.Entity{Name: name, Type: typ, Aliases: aliases, SameAs: sameAs, Mentions: []kg.Mention{{Start: 0, End: len(text), Text: text}}}
	if e.Aliases == nil {
		e.Aliases = []string{}
	}
	e.ID = iris.Entity(typ, name)
	return &kg.Document{Article: kg.Article{ID: iris.Article(text), Text: text}, Entities: []kg.Entity{e}}
}

// The link index that writes keep current joins what a full build from
// the store joins, after every ingest and deletion: partial names made
// ambiguous and unambiguous again, acronyms, aliases, sameAs clusters
// joined and split.
func testIncrementalLinks(t *testing.T, s *store.Store) {
	ctx := context.Background()
	iris := s.IRIs()
	if _, _, err := s.SearchEntities(ctx, "x", "", 0, 1); err != nil { // builds the index: what follows updates it
		t.Fatal(err)
	}
	wd := "http://www.wikidata.org/entity/Q"
	docs := []*kg.Document{
		person(iris, "Blinken discussed trade.", "Blinken", "trade"),
		person(iris, "Antony Blinken discussed migration.", "Antony Blinken", "migration"),
		person(iris, "Sam Blinken discussed music.", "Sam Blinken", "music"),
		named(iris, "KSC opened.", "KSC", kg.Organization, nil),
		named(iris, "Kennedy Space Center opened.", "Kennedy Space Center", kg.Organization, nil),
		named(iris, "Kansas State College opened.", "Kansas State College", kg.Organization, nil),
		named(iris, "US said so.", "US", kg.GPE, nil),
		named(iris, "United States said so.", "United States", kg.GPE, []string{"US"}),
		named(iris, "Paris, the capital.", "Paris", kg.GPE, nil, wd+"90"),
		named(iris, "Ville de Paris, the capital.", "Ville de Paris", kg.GPE, nil, wd+"90"),
		named(iris, "Paris, Texas.", "Paris Texas", kg.GPE, []string{"Paris"}, wd+"830149"),
	}
	verify := func(step string) {
		t.Helper()
		if err := s.VerifyLinks(ctx); err != nil {
			t.Fatalf("after %s: %v", step, err)
		}
	}
	for _, d := range docs {
		ingest(t, s, d)
		verify("ingesting " + d.Article.Text)
	}
	if e, err := s.Entity(ctx, docs[6].Entities[0].ID); err != nil || e.ID != docs[7].Entities[0].ID {
		t.Errorf("US: %v, %v; want it joined to United States", e, err)
	}
	for _, i := range []int{2, 5, 9, 1, 7} {
		if ok, err := s.DeleteArticle(ctx, docs[i].Article.ID); err != nil || !ok {
			t.Fatalf("delete %s: %v, %v", docs[i].Article.Text, ok, err)
		}
		verify("deleting " + docs[i].Article.Text)
	}
	// With Kansas State College gone, KSC is Kennedy Space Center's again.
	if e, err := s.Entity(ctx, docs[3].Entities[0].ID); err != nil || e.ID != docs[4].Entities[0].ID {
		t.Errorf("KSC: %v, %v; want it joined to Kennedy Space Center", e, err)
	}
	// Then at random, from small pools of names that collide: surnames
	// alone and whole, acronyms and initials, aliases, shared sameAs.
	r := rand.New(rand.NewPCG(3, 4))
	var stored []*kg.Document
	for step := 0; step < 60; step++ {
		if len(stored) > 0 && r.IntN(3) == 0 {
			i := r.IntN(len(stored))
			if _, err := s.DeleteArticle(ctx, stored[i].Article.ID); err != nil {
				t.Fatal(err)
			}
			stored = append(stored[:i], stored[i+1:]...)
			verify(fmt.Sprintf("random step %d (a deletion)", step))
			continue
		}
		surname := []string{"Reyes", "Okafor", "Lindqvist"}[r.IntN(3)]
		var d *kg.Document
		text := fmt.Sprintf("Random article %d.", step)
		switch r.IntN(7) {
		case 5:
			d = named(iris, text, "Central Bank", kg.Organization, nil)
		case 6:
			d = named(iris, text, []string{"Bank of Lagos", "Bank of Abuja"}[r.IntN(2)], kg.Organization, []string{"Central Bank"})
		case 0:
			d = person(iris, text, surname, "the vote")
		case 1:
			d = person(iris, text, []string{"Ana", "Tomas", "Ines"}[r.IntN(3)]+" "+surname, "the vote")
		case 2:
			d = named(iris, text, []string{"NPA", "NRA"}[r.IntN(2)], kg.Organization, nil)
		case 3:
			d = named(iris, text, []string{"National Port Authority", "National Rail Agency", "Northern Power Alliance"}[r.IntN(3)],
				kg.Organization, []string{[]string{"the Authority", "NPA"}[r.IntN(2)]})
		default:
			d = named(iris, text, []string{"Lagos", "Eko", "Lagos State"}[r.IntN(3)], kg.GPE, nil, wd+[]string{"8673", "815415"}[r.IntN(2)])
		}
		ingest(t, s, d)
		stored = append(stored, d)
		verify(fmt.Sprintf("random step %d (%s)", step, d.Entities[0].Name))
	}
}

// quadLines are an export's quads, one a line, without its comment lines
// (the export's header and end).
func quadLines(export string) []string {
	var out []string
	for _, l := range strings.Split(export, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}
