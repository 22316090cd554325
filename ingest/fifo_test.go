//go:build unix

package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/store"
)

// A named pipe with an article's name, in a directory or given by name,
// is not opened (opening it waits for a writer, for ever): it is a file
// not read, and the load goes on.
func TestNamedPipeNotOpened(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Barack Obama visited Berlin on Monday."), 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, sources := range [][]string{{dir}, {filepath.Join(dir, "a.txt"), pipe}} {
		s := open(t, store.Config{Backend: store.Memory})
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		sum, err := ingest.Run(ctx, ingest.Config{Sources: sources}, newLoader(t), s)
		cancel()
		if err != nil {
			t.Fatalf("%v: %v", sources, err)
		}
		if sum.Created != 1 || len(sum.Ignored) != 1 || sum.Ignored[0].Path != pipe || !strings.Contains(sum.Ignored[0].Reason, "not a regular file") {
			t.Errorf("%v: created %d, ignored %+v; want 1 created and the pipe not read", sources, sum.Created, sum.Ignored)
		}
	}
}
