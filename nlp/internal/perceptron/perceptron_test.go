package perceptron

import (
	"bytes"
	"math"
	"math/rand"
	"testing"
)

// A toy problem: the class is the index of the "hot" feature among four,
// with noise features that carry no signal.
func toy(rng *rand.Rand) ([]uint64, int) {
	c := rng.Intn(4)
	return []uint64{F1(1, uint64(c)+1), F1(2, uint64(rng.Intn(50))+1), F1(3, 1)}, c
}

func train(t *testing.T) *Model { return trainPruned(t, 0) }

func trainPruned(t *testing.T, prune float32) *Model {
	t.Helper()
	rng := rand.New(rand.NewSource(1))
	tr := NewTrainer(4)
	scores := make([]float32, 4)
	for i := 0; i < 2000; i++ {
		f, gold := toy(rng)
		clear(scores)
		tr.Scores(f, scores)
		pred := 0
		for c := range scores {
			if scores[c] > scores[pred] {
				pred = c
			}
		}
		tr.Tick()
		tr.Update(f, gold, pred)
	}
	return tr.Average(prune)
}

func predict(m *Model, f []uint64) int {
	scores := make([]float32, m.Classes())
	m.Scores(f, scores)
	best := 0
	for c := range scores {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

func TestLearnsAndRoundTrips(t *testing.T) {
	m := train(t)
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 200; i++ {
		f, gold := toy(rng)
		if got := predict(m, f); got != gold {
			t.Fatalf("example %d: predicted %d, want %d", i, got, gold)
		}
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	first := append([]byte(nil), buf.Bytes()...)
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m2.Features() != m.Features() || m2.Classes() != 4 {
		t.Fatalf("read %d features, %d classes; wrote %d", m2.Features(), m2.Classes(), m.Features())
	}
	f, _ := toy(rng)
	a, b := make([]float32, 4), make([]float32, 4)
	m.Scores(f, a)
	m2.Scores(f, b)
	for c := range a {
		if d := a[c] - b[c]; d > 0.01 || d < -0.01 {
			t.Errorf("class %d: score %v before writing, %v after", c, a[c], b[c])
		}
	}
	var again bytes.Buffer
	m2.WriteTo(&again)
	if !bytes.Equal(first, again.Bytes()) {
		t.Error("writing a read model gives different bytes")
	}
}

func TestPruneAndUnknownFeatures(t *testing.T) {
	m := train(t)
	if p := trainPruned(t, 1e9); p.Features() != 0 {
		t.Errorf("pruning everything left %d features", p.Features())
	}
	scores := make([]float32, 4)
	m.Scores([]uint64{0, F1(99, 7)}, scores)
	for _, s := range scores {
		if s != 0 {
			t.Fatalf("unknown features scored %v", scores)
		}
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "NGPERC4\n", "not a model at all", "NGPERC2\n\x04\x01\x00"} {
		if _, err := Read(bytes.NewBufferString(in)); err == nil {
			t.Errorf("Read(%q) gave no error", in)
		}
	}
}

func TestHashesAreStable(t *testing.T) {
	// Models store feature hashes: a change to the hash functions silently
	// breaks every committed model, so pin them.
	pins := map[string]uint64{"Str": Str("newsgraph"), "F1": F1(3, 5), "F2": F2(3, 5, 7), "F3": F3(3, 5, 7, 11)}
	want := map[string]uint64{"Str": pinStr, "F1": pinF1, "F2": pinF2, "F3": pinF3}
	for k, v := range pins {
		if v != want[k] {
			t.Errorf("%s = %#x, pinned %#x", k, v, want[k])
		}
	}
}

func TestReadFromBytesKeepsData(t *testing.T) {
	m := train(t)
	var buf bytes.Buffer
	m.WriteTo(&buf)
	buf.WriteString("after\n")
	src := NewBytes(buf.Bytes())
	m2, err := Read(src)
	if err != nil {
		t.Fatal(err)
	}
	rest, err := src.ReadString('\n')
	if err != nil || rest != "after\n" {
		t.Fatalf("after the model: %q, %v", rest, err)
	}
	f, _ := toy(rand.New(rand.NewSource(5)))
	if predict(m2, f) != predict(m, f) {
		t.Error("model read from bytes predicts differently")
	}
}

// TestScoresAddInOrder checks Scores against the plain definition: for
// each feature in turn, each weight of its row added to its class. The
// result must be the same to the bit, not just close, because the
// parser's and tagger's choices (and the loader's golden files) depend on
// ties and margins: rows long and short, features repeated, missing and
// zero, scores not starting at zero.
func TestScoresAddInOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	const classes = 37
	var keys []uint64
	var rows [][]Weight
	for i := 0; i < 500; i++ {
		keys = append(keys, F1(7, uint64(i)+1))
		var row []Weight
		for c := 0; c < classes; c++ {
			if rng.Intn(1+i%5) == 0 {
				row = append(row, Weight{Class: uint16(c), W: float32(rng.NormFloat64()) * 3})
			}
		}
		if len(row) == 0 {
			row = append(row, Weight{Class: uint16(rng.Intn(classes)), W: 1})
		}
		rows = append(rows, row)
	}
	m := build(classes, keys, rows)
	plain := func(feats []uint64, scores []float32) {
		for _, f := range feats {
			if f == 0 {
				continue
			}
			fp := fingerprint(f)
			for s := home(f, m.nSlots); ; s = (s + 1) % m.nSlots {
				sfp, row := m.slot(s)
				if sfp == 0 {
					break
				}
				if sfp == fp {
					start, n := unpackRow(row)
					for k := start; k < start+n; k++ {
						b := m.rows[k*entrySize:]
						scores[b[0]] += float32(int16(uint16(b[1])|uint16(b[2])<<8)) * m.scale
					}
					break
				}
			}
		}
	}
	for trial := 0; trial < 200; trial++ {
		var feats []uint64
		for k := rng.Intn(150); k > 0; k-- {
			switch rng.Intn(10) {
			case 0:
				feats = append(feats, 0)
			case 1:
				feats = append(feats, F1(8, uint64(rng.Intn(1000)))) // not in the model
			default:
				feats = append(feats, keys[rng.Intn(len(keys))])
			}
		}
		got, want := make([]float32, classes), make([]float32, classes)
		for c := range got {
			got[c] = float32(rng.NormFloat64())
			want[c] = got[c]
		}
		m.Scores(feats, got)
		plain(feats, want)
		for c := range got {
			if math.Float32bits(got[c]) != math.Float32bits(want[c]) {
				t.Fatalf("trial %d, class %d: got %v, want %v", trial, c, got[c], want[c])
			}
		}
	}
}
