package carb

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

func mustFloat(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return -1
	}
	return f
}

func TestExtractCarbFormat(t *testing.T) {
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	in := "Mexico deployed 32,000 soldiers to the border -LRB- its largest deployment -RRB- .\n\nThe court ruled on Monday .\n"
	var out bytes.Buffer
	if err := ExtractTuples(m, strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	found := false
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) < 4 {
			t.Fatalf("line %q: %d fields", l, len(f))
		}
		if !strings.Contains(in, f[0]+"\n") {
			t.Errorf("sentence field %q is not an input line", f[0])
		}
		if c := mustFloat(f[1]); c <= 0 || c > 1 {
			t.Errorf("confidence %q", f[1])
		}
		if f[2] == "deployed" && f[3] == "Mexico" && len(f) > 4 && f[4] == "32,000 soldiers" {
			found = true
		}
	}
	if !found {
		t.Errorf("no (Mexico; deployed; 32,000 soldiers) in\n%s", out.String())
	}
}

const carbDir = "../../../shared/data/carb/"

// On CaRB dev: the targets, and confidence that means something
// (precision rises with it). Skips without the benchmark.
func TestCarbDevTargets(t *testing.T) {
	in, err := os.ReadFile(carbDir + "dev.txt")
	if err != nil {
		t.Skip("CaRB dev not available:", err)
	}
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var pred bytes.Buffer
	if err := ExtractTuples(m, bytes.NewReader(in), &pred); err != nil {
		t.Fatal(err)
	}
	goldBytes, err := os.ReadFile(carbDir + "gold_dev.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var report bytes.Buffer
	c, _, err := Report(bytes.NewReader(goldBytes), bytes.NewReader(pred.Bytes()), &report)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(report.String())
	if c.F1 < 0.45 || c.AUC < 0.25 {
		t.Errorf("CaRB F1 %.3f, AUC %.3f: below the targets 0.45 and 0.25", c.F1, c.AUC)
	}
	gold, _ := ReadGold(bytes.NewReader(goldBytes))
	ps, _ := ReadTabbed(bytes.NewReader(pred.Bytes()))
	buckets := Calibration(gold, ps, []float64{0, 0.3, 0.5, 0.6, 0.7})
	for i := 1; i < len(buckets); i++ {
		t.Logf("confidence %.1f+: %d tuples, precision %.2f", buckets[i].Low, buckets[i].N, buckets[i].Precision)
		if buckets[i].N > 0 && buckets[i-1].N > 0 && buckets[i].Precision < buckets[i-1].Precision {
			t.Errorf("precision falls from %.2f to %.2f as confidence rises past %.1f", buckets[i-1].Precision, buckets[i].Precision, buckets[i].Low)
		}
	}
}
