package corpus

import (
	"reflect"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	collect := func(seed uint64) []Article {
		var out []Article
		if err := Generate(200, seed, func(a Article) error { out = append(out, a); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b := collect(7), collect(7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different articles")
	}
	if reflect.DeepEqual(a, collect(8)) {
		t.Fatal("different seeds gave the same articles")
	}
	texts := map[string]bool{}
	for _, x := range a {
		if texts[x.Text] {
			t.Fatalf("duplicate article %q", x.Title)
		}
		texts[x.Text] = true
		if n := strings.Count(x.Text, ". "); n < 3 || x.Title == "" || x.PublishedAt == "" || x.Source == "" {
			t.Errorf("thin article (%d sentences): %+v", n, x)
		}
	}
}
