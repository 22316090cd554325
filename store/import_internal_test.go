package store

import (
	"context"
	"strings"
	"testing"
)

// A byte-order mark an editor put before an N-Quads file's first line is
// not part of the first quad.
func TestImportByteOrderMark(t *testing.T) {
	s, err := Open(Config{Backend: Memory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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
