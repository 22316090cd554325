package ingest

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"
)

// brokenDir is a file system in which one directory cannot be read.
type brokenDir struct {
	fstest.MapFS
	bad string
}

func (b brokenDir) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == b.bad {
		return nil, errors.New("permission denied")
	}
	return b.MapFS.ReadDir(name)
}

// An unreadable subdirectory is one failed entry; the articles around it
// are still found.
func TestWalkPastUnreadable(t *testing.T) {
	fsys := brokenDir{MapFS: fstest.MapFS{
		"a.txt":         {Data: []byte("A.")},
		"locked/b.txt":  {Data: []byte("B.")},
		"more/c.jsonl":  {Data: []byte("{}")},
		"more/skip.md":  {Data: []byte("no")},
		"zeta/d.TXT":    {Data: []byte("D.")},
		"zeta/deep/e.x": {Data: []byte("E.")},
	}, bad: "locked"}
	got, err := walk(fsys, "/in")
	if err != nil {
		t.Fatalf("walk: %v", err)
	}
	want := []struct {
		path string
		bad  bool
	}{{"/in/a.txt", false}, {"/in/locked", true}, {"/in/more/c.jsonl", false}, {"/in/zeta/d.TXT", false}}
	if len(got) != len(want) {
		t.Fatalf("walk found %v, want %v", got, want)
	}
	for i, w := range want {
		if got[i].path != w.path || (got[i].err != nil) != w.bad {
			t.Errorf("entry %d = %v, want %s (unreadable: %v)", i, got[i], w.path, w.bad)
		}
	}
}
