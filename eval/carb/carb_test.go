package carb

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestLenientMatch(t *testing.T) {
	gold := Extraction{Rel: "was born in", Args: []string{"Barack Obama", "Hawaii", "in 1961"}}
	cases := []struct {
		name string
		pred Extraction
		want [2]float64
	}{
		{"exact", Extraction{Rel: "was born in", Args: []string{"Barack Obama", "Hawaii in 1961"}}, [2]float64{1, 1}},
		{"be matches was", Extraction{Rel: "be born in", Args: []string{"Barack Obama", "Hawaii in 1961"}}, [2]float64{1, 1}},
		{"no relation overlap", Extraction{Rel: "lived", Args: []string{"Barack Obama", "Hawaii"}}, [2]float64{0, 0}},
		{"missing object", Extraction{Rel: "was born in", Args: []string{"Barack Obama"}}, [2]float64{0, 0}},
		{"partial", Extraction{Rel: "born", Args: []string{"Obama", "Hawaii"}}, [2]float64{1, 3.0 / 8}},
	}
	for _, c := range cases {
		if got := match(gold, c.pred); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	said := Extraction{Rel: "said", Args: []string{"the minister", "taxes will rise"}}
	swapped := Extraction{Rel: "said", Args: []string{"taxes will rise", "the minister"}}
	if got := match(said, swapped); got != [2]float64{1, 1} {
		t.Errorf("reporting verb, swapped arguments: %v", got)
	}
}

func TestNormKey(t *testing.T) {
	if a, b := normKey("He said -LRB- twice -RRB- ."), normKey("He said (twice)."); a != b {
		t.Errorf("%q != %q", a, b)
	}
}

const shared = "../../../shared"

// perturb writes predictions derived from the gold file with every kind
// of damage the matcher distinguishes, and confidence ties.
func perturb(t *testing.T, goldPath, out string) {
	f, err := os.Open(goldPath)
	if err != nil {
		t.Skip("CaRB dev not available:", err)
	}
	defer f.Close()
	rng := rand.New(rand.NewSource(11))
	var b bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		d := strings.Split(strings.TrimSpace(sc.Text()), "\t")
		if len(d) < 3 || rng.Intn(5) == 0 {
			continue
		}
		rel, args := d[1], append([]string(nil), d[2:]...)
		words := func(s string, keep float64) string {
			var w []string
			for _, x := range strings.Fields(s) {
				if rng.Float64() < keep {
					w = append(w, x)
				}
			}
			return strings.Join(w, " ")
		}
		switch rng.Intn(8) {
		case 0:
			rel = "be " + words(rel, 0.5)
		case 1:
			rel = words(rel, 0.6)
		case 2:
			args = args[:1]
		case 3:
			if len(args) >= 2 {
				args[0], args[1] = args[1], args[0]
			}
		case 4:
			args = append(args, "extra words here")
		case 5:
			for i := range args {
				args[i] = words(args[i], 0.7)
			}
		}
		conf := float64(rng.Intn(12)) / 10
		fmt.Fprintf(&b, "%s\t%.2f\t%s\t%s\n", d[0], conf, rel, strings.Join(args, "\t"))
		if rng.Intn(4) == 0 {
			fmt.Fprintf(&b, "%s\t%.2f\t%s\t%s\n", d[0], float64(rng.Intn(12))/10, "has", strings.Join(d[2:], "\t"))
		}
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The Go scorer must agree with the reference Python scorer to 0.001.
func TestAgreesWithReferenceScorer(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	gold := filepath.Join(shared, "data/carb/gold_dev.tsv")
	script := filepath.Join(shared, "tools/carb_score.py")
	if _, err := os.Stat(script); err != nil {
		t.Skip("reference scorer not available")
	}
	pred := filepath.Join(t.TempDir(), "pred.tabbed")
	perturb(t, gold, pred)
	out, err := exec.Command("python3", script, gold, pred, "tabbed").CombinedOutput()
	if err != nil {
		t.Fatalf("reference scorer: %v\n%s", err, out)
	}
	re := regexp.MustCompile(`(?m)^(CaRB(?:\(1-1\))?)\s+AUC: ([\d.]+)\s+Optimal P/R/F1: ([\d.]+) ([\d.]+) ([\d.]+)`)
	ms := re.FindAllStringSubmatch(string(out), -1)
	if len(ms) != 2 {
		t.Fatalf("unexpected reference output:\n%s", out)
	}
	g, _ := os.Open(gold)
	defer g.Close()
	p, _ := os.Open(pred)
	defer p.Close()
	var buf bytes.Buffer
	c, c11, err := Report(g, p, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		s := c
		if m[1] == "CaRB(1-1)" {
			s = c11
		}
		for i, v := range []float64{s.AUC, s.P, s.R, s.F1} {
			ref, _ := strconv.ParseFloat(m[2+i], 64)
			if d := Round3(v) - ref; d > 0.001+1e-9 || d < -0.001-1e-9 {
				t.Errorf("%s field %d: Go %.4f, reference %.3f", m[1], i, v, ref)
			}
		}
	}
	t.Logf("reference:\n%sGo:\n%s", out, buf.String())
}
