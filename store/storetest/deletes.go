package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// ReadsDuringDeletes runs read from two readers while a writer ingests
// and deletes, over and over, articles whose entities no other article
// names, so that each deletion removes entities and statements a read may
// have just listed. Every read must succeed: a read racing a deletion
// sees the graph before it or after it, or leaves out what went, but
// never fails for it. A few articles that stay are loaded first, so that
// a read always has something to find.
func ReadsDuringDeletes(t *testing.T, s *store.Store, rounds int, read func(context.Context) error) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		ingest(t, s, person(s.IRIs(), fmt.Sprintf("Stays%d Anders discussed staying%d.", i, i), fmt.Sprintf("Stays%d Anders", i), fmt.Sprintf("staying%d", i)))
	}
	var (
		wg   sync.WaitGroup
		done = make(chan struct{})
		mu   sync.Mutex
		errs []error
		n    int
	)
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		for r := 0; r < rounds; r++ {
			for i := 0; i < 10; i++ {
				d := meets(s.IRIs(), fmt.Sprintf("Goes%d Brandt", i), fmt.Sprintf("Stays%d Anders", i%5))
				if _, err := s.Ingest(ctx, d); err != nil {
					fail(fmt.Errorf("ingest: %w", err))
					return
				}
				if _, err := s.DeleteArticle(ctx, d.Article.ID); err != nil {
					fail(fmt.Errorf("delete: %w", err))
					return
				}
			}
		}
	}()
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				if err := read(ctx); err != nil {
					fail(err)
				}
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if i == 5 {
			t.Errorf("... and %d more", len(errs)-i)
			break
		}
		t.Errorf("read during deletes: %v", err)
	}
	if len(errs) > 0 {
		t.Errorf("%d of %d reads failed", len(errs), n)
	}
}

// readStatements is the store's part of a statements query: the list
// never fails, and a statement it gave may be gone by the time it is
// read again (NOT_FOUND), but no other error.
func readStatements(s *store.Store) func(context.Context) error {
	return func(ctx context.Context) error {
		sts, _, err := s.Statements(ctx, kg.StatementFilter{}, 0, 50)
		if err != nil {
			return fmt.Errorf("statements: %w", err)
		}
		for _, st := range sts {
			if _, err := s.Statement(ctx, st.ID); err != nil && kg.ErrorCode(err) != kg.ENOTFOUND {
				return fmt.Errorf("statement %s: %w", st.ID, err)
			}
			if _, err := s.Entity(ctx, st.Subject.ID); err != nil && kg.ErrorCode(err) != kg.ENOTFOUND {
				return fmt.Errorf("subject %s: %w", st.Subject.ID, err)
			}
		}
		return nil
	}
}

// meets is a document in which one person meets another, both entities:
// a traversal from the one reaches the other.
func meets(iris kg.IRIs, who, whom string) *kg.Document {
	text := who + " met " + whom + "."
	a, b := kg.Node{Name: who, Type: kg.Person}, kg.Node{Name: whom, Type: kg.Person}
	a.ID, b.ID = iris.Node(a), iris.Node(b)
	st := kg.Statement{Subject: a, Predicate: "meet", Relation: "met", Object: b, Confidence: 0.7, Text: text,
		Span: kg.Span{Start: 0, End: len(text)}}
	st.ID = iris.Statement(a.ID, st.Predicate, b.ID, false, "")
	start := len(who) + len(" met ")
	return &kg.Document{Article: kg.Article{ID: iris.Article(text), Text: text},
		Entities: []kg.Entity{
			{ID: a.ID, Name: who, Type: kg.Person, Aliases: []string{}, Mentions: []kg.Mention{{Start: 0, End: len(who), Text: who}}},
			{ID: b.ID, Name: whom, Type: kg.Person, Aliases: []string{}, Mentions: []kg.Mention{{Start: start, End: start + len(whom), Text: whom}}},
		},
		Statements: []kg.Statement{st}}
}
