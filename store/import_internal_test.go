package store

import (
	"context"
	"strings"
	"testing"
)

// A byte-order mark an editor put before an N-Quads file's first line is
// not part of the first quad.
func TestImportByteOrderMark(t *testing.T) {
	s := memoryStore(t)
	nq := "\ufeff<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n"
	if n, err := s.ImportNQuads(context.Background(), strings.NewReader(nq)); err != nil || n != 1 {
		t.Errorf("import with a BOM: %d quads, %v", n, err)
	}
	var out strings.Builder
	if err := s.ExportNQuads(context.Background(), &out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "\ufeff") || !strings.Contains(out.String(), "<https://example.org/a> <https://example.org/p>") {
		t.Errorf("exported again:\n%s", out.String())
	}
}

// An export ends with the count of its quads: a copy cut short at a line
// (valid N-Quads up to the cut) is refused and writes nothing, the whole
// export is taken, and a file without the export's header (written by
// hand or by another tool) needs no end line.
func TestImportCutExport(t *testing.T) {
	ctx := context.Background()
	s := memoryStore(t)
	var nq strings.Builder
	for i := range 5 {
		nq.WriteString("<https://example.org/a" + string(rune('0'+i)) + "> <https://example.org/p> <https://example.org/b> .\n")
	}
	if _, err := s.ImportNQuads(ctx, strings.NewReader(nq.String())); err != nil {
		t.Fatalf("a file with no header: %v", err)
	}
	var export strings.Builder
	if err := s.ExportNQuads(ctx, &export); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(export.String(), "\n")
	if !strings.HasPrefix(lines[0], ExportHeader) || !strings.Contains(export.String(), "export: 5 quads") {
		t.Fatalf("export:\n%s", export.String())
	}
	for _, c := range []struct {
		name, text string
	}{
		{"cut", strings.Join(lines[:4], "")},
		{"a line lost", strings.Join(append(append([]string{}, lines[:2]...), lines[3:]...), "")},
	} {
		other := memoryStore(t)
		if _, err := other.ImportNQuads(ctx, strings.NewReader(c.text)); err == nil || !strings.Contains(err.Error(), "not whole") && !strings.Contains(err.Error(), "cut short") {
			t.Errorf("%s export: %v, want it refused", c.name, err)
		}
		var out strings.Builder
		other.ExportNQuads(ctx, &out)
		if strings.Contains(out.String(), "example.org") {
			t.Errorf("%s export: something was written", c.name)
		}
	}
	whole := memoryStore(t)
	if n, err := whole.ImportNQuads(ctx, strings.NewReader(export.String())); err != nil || n != 5 {
		t.Errorf("the whole export: %d quads, %v", n, err)
	}
}

// An export writes datatypes as the full IRIs RDF tools read; import takes
// them, and Cayley's short form, as one and the same value.
func TestExportFullDatatypes(t *testing.T) {
	ctx := context.Background()
	s := memoryStore(t)
	full := `<https://example.org/a> <https://example.org/n> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .` + "\n"
	short := `<https://example.org/a> <https://example.org/n> "5"^^<xsd:integer> .` + "\n"
	for _, nq := range []string{full, short} {
		if _, err := s.ImportNQuads(ctx, strings.NewReader(nq)); err != nil {
			t.Fatal(err)
		}
	}
	var out strings.Builder
	if err := s.ExportNQuads(ctx, &out); err != nil {
		t.Fatal(err)
	}
	if q := strings.Count(out.String(), "example.org/n"); q != 1 || !strings.Contains(out.String(), "XMLSchema#integer>") {
		t.Errorf("export (%d quads):\n%s", q, out.String())
	}
}

// A value an article wrote (a native number) and the same value imported
// from an export (a full datatype IRI) are one node.
func TestImportedValueIsTheIngestedOne(t *testing.T) {
	ctx := context.Background()
	s := memoryStore(t)
	if _, err := s.ImportNQuads(ctx, strings.NewReader(`<https://example.org/a> <https://example.org/n> "5"^^<xsd:integer> .`+"\n")); err != nil {
		t.Fatal(err)
	}
	var first strings.Builder
	if err := s.ExportNQuads(ctx, &first); err != nil {
		t.Fatal(err)
	}
	again := memoryStore(t)
	for range 2 {
		if _, err := again.ImportNQuads(ctx, strings.NewReader(first.String())); err != nil {
			t.Fatal(err)
		}
	}
	var second strings.Builder
	if err := again.ExportNQuads(ctx, &second); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("export -> import twice -> export changed:\n%s\n%s", first.String(), second.String())
	}
}

// memoryStore opens a memory store for a test and closes it after.
func memoryStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(Config{Backend: Memory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
