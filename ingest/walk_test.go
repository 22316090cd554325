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
// (text, HTML, JSON lines) are still found; other files are entries that
// say why they are not read; hidden ones are passed over.
func TestWalkPastUnreadable(t *testing.T) {
	fsys := brokenDir{MapFS: fstest.MapFS{
		"a.txt":         {Data: []byte("A.")},
		"b.html":        {Data: []byte("<p>B.</p>")},
		".DS_Store":     {Data: []byte("x")},
		".git/c.txt":    {Data: []byte("C.")},
		"locked/b.txt":  {Data: []byte("B.")},
		"more/c.jsonl":  {Data: []byte("{}")},
		"more/skip.md":  {Data: []byte("no")},
		"zeta/d.TXT":    {Data: []byte("D.")},
		"zeta/deep/e.x": {Data: []byte("E.")},
		"zeta/pipe.txt": {Mode: fs.ModeNamedPipe},
	}, bad: "locked"}
	got, err := walk(fsys, "/in")
	if err != nil {
		t.Fatalf("walk: %v", err)
	}
	want := []struct {
		path        string
		bad, ignore bool
	}{
		{"/in/a.txt", false, false}, {"/in/b.html", false, false}, {"/in/locked", true, false},
		{"/in/more/c.jsonl", false, false}, {"/in/more/skip.md", false, true},
		{"/in/zeta/d.TXT", false, false}, {"/in/zeta/deep/e.x", false, true}, {"/in/zeta/pipe.txt", false, true},
	}
	if len(got) != len(want) {
		t.Fatalf("walk found %v, want %v", got, want)
	}
	for i, w := range want {
		if got[i].path != w.path || (got[i].err != nil) != w.bad || (got[i].ignore != "") != w.ignore {
			t.Errorf("entry %d = %v, want %s (unreadable: %v, ignored: %v)", i, got[i], w.path, w.bad, w.ignore)
		}
	}
}
