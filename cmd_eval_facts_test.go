package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadJudgedArticle reads judged articles the three ways eval-facts
// meets them: a text file as is, a web page through its main text, and an
// annotated CoNLL-U document as its sentences' text, from the first
// directory that holds the name.
func TestReadJudgedArticle(t *testing.T) {
	empty, dir := t.TempDir(), t.TempDir()
	files := map[string]string{
		"plain.txt": "The council approved the budget on Monday.",
		"doc.conllu": "# newpar\n# text = Budget\n1\tBudget\tbudget\tNOUN\tNN\t_\t0\troot\t_\t_\n\n" +
			"# newpar\n# text = The council approved it.\n1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n" +
			"2\tcouncil\tcouncil\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n3\tapproved\tapprove\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
			"4\tit\tit\tPRON\tPRP\t_\t3\tobj\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n",
		"page.html": "<!doctype html><html><head><title>Budget passes</title></head><body><article><p>" +
			strings.Repeat("The council approved the budget after a long debate about schools and roads. ", 4) +
			"</p></article></body></html>",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dirs := empty + "," + dir
	for name, want := range map[string]string{
		"plain.txt":  "The council approved the budget on Monday.",
		"doc.conllu": "Budget\n\nThe council approved it.",
	} {
		a, err := readJudgedArticle(dirs, name)
		if err != nil || a.Text != want || a.Source != name {
			t.Errorf("%s: %q (source %q), %v; want %q", name, a.Text, a.Source, err, want)
		}
	}
	a, err := readJudgedArticle(dirs, "page.html")
	if err != nil || strings.Contains(a.Text, "<") || !strings.Contains(a.Text, "long debate") {
		t.Errorf("page.html: %q, %v", a.Text, err)
	}
	if _, err := readJudgedArticle(dirs, "missing.txt"); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing article: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.conllu"), []byte("1\tonly two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readJudgedArticle(dirs, "bad.conllu"); err == nil || !strings.Contains(err.Error(), "bad.conllu") {
		t.Errorf("bad CoNLL-U: %v", err)
	}
}
