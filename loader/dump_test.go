package loader

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader/prose"
)

func TestDumpTags(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("DUMP"))
	if err != nil {
		t.Skip()
	}
	tg, _ := prose.New()
	doc, err := New(tg, Options{}).Extract(context.Background(), kg.Article{Text: string(b)})
	if err != nil {
		t.Fatal(err)
	}
	doc.WriteJSONL(os.Stdout)
}
