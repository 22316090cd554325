package storetest

import (
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Replicated starts a PostgreSQL primary and a hot standby that streams
// from it (pg_basebackup -R), both on loopback, and returns their URLs;
// both are stopped when the test ends. It skips the test when no
// PostgreSQL server binaries are installed (Debian's postgresql package
// puts them in /usr/lib/postgresql/N/bin; .ci/postgres.sh installs it).
// Run as root, the clusters run as the postgres user, as the server
// refuses root.
func Replicated(t testing.TB) (primary, standby string) {
	t.Helper()
	bin := postgresBin()
	if bin == "" {
		t.Skip("no PostgreSQL server binaries (/usr/lib/postgresql/*/bin; apt-get install postgresql)")
	}
	dir, err := os.MkdirTemp("", "newsgraph-replica-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	as := func(name string, args ...string) *exec.Cmd { return exec.Command(filepath.Join(bin, name), args...) }
	if os.Getuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skipf("running as root without a postgres user to run PostgreSQL as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		as = func(name string, args ...string) *exec.Cmd {
			quoted := []string{shellQuote(filepath.Join(bin, name))}
			for _, a := range args {
				quoted = append(quoted, shellQuote(a))
			}
			return exec.Command("su", "postgres", "-s", "/bin/sh", "-c", strings.Join(quoted, " "))
		}
	}
	run := func(c *exec.Cmd) {
		t.Helper()
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(c.Args, " "), err, out)
		}
	}
	ports := freePorts(t, 2)
	pdir, sdir := filepath.Join(dir, "primary"), filepath.Join(dir, "standby")
	start := func(data string, port int) {
		t.Helper()
		run(as("pg_ctl", "-D", data, "-l", data+".log", "-w", "-t", "60", "-o",
			fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c max_connections=100", port, dir), "start"))
		t.Cleanup(func() { as("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop").Run() })
	}
	run(as("initdb", "-D", pdir, "-A", "trust", "-U", "postgres", "-E", "UTF8"))
	start(pdir, ports[0])
	run(as("pg_basebackup", "-h", "127.0.0.1", "-p", strconv.Itoa(ports[0]), "-U", "postgres", "-D", sdir, "-R", "-X", "stream", "-c", "fast"))
	start(sdir, ports[1])
	url := func(port int) string {
		return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	}
	return url(ports[0]), url(ports[1])
}

// postgresBin is the newest installed PostgreSQL's binary directory.
func postgresBin() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	var ok []string
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "pg_basebackup")); err == nil {
			ok = append(ok, d)
		}
	}
	if len(ok) == 0 {
		return ""
	}
	sort.Slice(ok, func(i, j int) bool { return version(ok[i]) < version(ok[j]) })
	return ok[len(ok)-1]
}

func version(bin string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(bin)))
	return n
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// freePorts finds n ports free on loopback.
func freePorts(t testing.TB, n int) []int {
	t.Helper()
	var ports []int
	var ls []net.Listener
	for i := 0; i < n; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	for _, l := range ls {
		l.Close()
	}
	return ports
}

// WaitReplayed waits until the standby has replayed everything the
// primary wrote before the call: a store opened on the standby needs the
// tables that opening the graph on the primary created.
func WaitReplayed(t testing.TB, primary, standby string) {
	t.Helper()
	p, err := sql.Open("postgres", primary)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	s, err := sql.Open("postgres", standby)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var at string
	if err := p.QueryRow(`SELECT pg_current_wal_lsn()::text`).Scan(&at); err != nil {
		t.Fatal(err)
	}
	_, err = waitFor(30*time.Second, func() (bool, error) {
		var ok bool
		err := s.QueryRow(`SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false)`, at).Scan(&ok)
		return ok, err
	})
	if err != nil {
		t.Fatalf("the standby did not replay the primary's %s: %v", at, err)
	}
}
