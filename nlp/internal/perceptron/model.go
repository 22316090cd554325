package perceptron

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// Weight is one class weight of a feature.
type Weight struct {
	Class uint16
	W     float32
}

// A model is two byte slices, used as they are in the model file (a read
// model keeps slices of the file, not copies):
//
//   - table, an open-addressing hash table of 8-byte slots: a 32-bit
//     fingerprint of the feature (the hash's high half, never 0; 0 marks an
//     empty slot) and its row, packed as the index of the row's first entry
//     (24 bits) and its length minus one (8 bits), both little-endian;
//   - rows, 3-byte entries: the class (one byte: at most 256 classes) and
//     the weight, a little-endian int16 in units of the model's scale.
//
// Storing the table, rather than rebuilding it from the features, makes
// loading a model a decompression and nothing more.
const (
	slotSize  = 8
	entrySize = 3
)

// MaxClasses is the largest number of classes a model can have.
const MaxClasses = 256

const maxEntries = 1 << 24

// Model is a read-only averaged perceptron. It is safe for concurrent use.
type Model struct {
	nClasses int
	nFeats   int
	nSlots   int
	scale    float32 // a weight is q * scale
	table    []byte
	rows     []byte
	raw      []byte // the file body a read model came from
}

func packRow(first, n int) uint32   { return uint32(first)<<8 | uint32(n-1) }
func unpackRow(r uint32) (int, int) { return int(r >> 8), int(r&0xff) + 1 }

func fingerprint(key uint64) uint32 { return uint32(key>>32) | 1 }

// home is the first slot to probe for a key: the low half of the hash
// scaled to the table (whose size need not be a power of two).
func home(key uint64, nSlots int) int { return int(uint64(uint32(key)) * uint64(nSlots) >> 32) }

// tableSize keeps the table at most 60% full.
func tableSize(nFeats int) int { return max(16, nFeats*5/3+1) }

func (m *Model) slot(s int) (fp, row uint32) {
	b := m.table[s*slotSize : s*slotSize+slotSize]
	return binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:])
}

// build makes a model from float rows (non-empty), quantizing the weights
// to 16 bits. Features are inserted in ascending hash order, so the table
// does not depend on the order of keys.
func build(nClasses int, keys []uint64, rows [][]Weight) *Model {
	if nClasses > MaxClasses {
		panic("perceptron: too many classes")
	}
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })
	var maxAbs float32
	total := 0
	for _, row := range rows {
		for _, w := range row {
			maxAbs = max(maxAbs, w.W, -w.W)
		}
		total += len(row)
	}
	if total >= maxEntries {
		panic("perceptron: too many weights")
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	n := tableSize(len(keys))
	m := &Model{nClasses: nClasses, nFeats: len(keys), nSlots: n, scale: scale, table: make([]byte, n*slotSize),
		rows: make([]byte, 0, total*entrySize)}
	for _, i := range order {
		m.insert(keys[i], packRow(len(m.rows)/entrySize, len(rows[i])))
		for _, w := range rows[i] {
			q := int16(math.Round(float64(w.W / scale)))
			m.rows = append(m.rows, byte(w.Class), byte(q), byte(uint16(q)>>8))
		}
	}
	return m
}

func (m *Model) insert(key uint64, row uint32) {
	for s := home(key, m.nSlots); ; s++ {
		if s == m.nSlots {
			s = 0
		}
		if fp, _ := m.slot(s); fp == 0 {
			b := m.table[s*slotSize:]
			binary.LittleEndian.PutUint32(b, fingerprint(key))
			binary.LittleEndian.PutUint32(b[4:], row)
			return
		}
	}
}

// Classes is the number of classes.
func (m *Model) Classes() int { return m.nClasses }

// Features is the number of features with weights.
func (m *Model) Features() int { return m.nFeats }

// Scores adds the weights of feats to scores (len = classes).
//
// The table and rows are far larger than the processor's caches, so
// lookups are memory-bound. Each chunk of features is read in three
// passes whose loads do not depend on each other within a pass, so that
// the processor has many cache misses in flight at once: the slots, then
// the rows, then the sums. The sums go to an array indexed by the class
// byte, which needs no bounds check; each class still receives its
// weights one at a time in the order of feats, so the scores are the same
// to the bit as adding them straight into scores.
func (m *Model) Scores(feats []uint64, scores []float32) {
	const chunk = 64
	var homes [chunk]int
	var firstFP [chunk]uint32
	var starts, ends [chunk]int
	var touch byte
	var acc [MaxClasses]float32
	copy(acc[:], scores)
	table, rows, n, scale := m.table, m.rows, m.nSlots, m.scale
	for len(feats) > 0 {
		c := feats[:min(chunk, len(feats))]
		feats = feats[len(c):]
		for i, f := range c {
			homes[i] = home(f, n)
			firstFP[i] = binary.LittleEndian.Uint32(table[homes[i]*slotSize:])
		}
		for i, f := range c {
			starts[i], ends[i] = 0, 0
			fp := fingerprint(f)
			if f == 0 || firstFP[i] == 0 {
				continue
			}
			for s := homes[i]; ; {
				sfp, row := m.slot(s)
				if sfp == fp {
					start, k := unpackRow(row)
					starts[i], ends[i] = start*entrySize, (start+k)*entrySize
					touch ^= rows[starts[i]] ^ rows[ends[i]-1]
					break
				}
				if sfp == 0 {
					break
				}
				if s++; s == n {
					s = 0
				}
			}
		}
		for i := range c {
			row := rows[starts[i]:ends[i]]
			// Four entries at a time, each still added in its turn.
			for len(row) >= 4*entrySize {
				r := row[:4*entrySize]
				acc[r[0]] += float32(int16(uint16(r[1])|uint16(r[2])<<8)) * scale
				acc[r[3]] += float32(int16(uint16(r[4])|uint16(r[5])<<8)) * scale
				acc[r[6]] += float32(int16(uint16(r[7])|uint16(r[8])<<8)) * scale
				acc[r[9]] += float32(int16(uint16(r[10])|uint16(r[11])<<8)) * scale
				row = row[4*entrySize:]
			}
			for len(row) >= entrySize {
				q := int16(uint16(row[1]) | uint16(row[2])<<8)
				acc[row[0]] += float32(q) * scale
				row = row[entrySize:]
			}
		}
	}
	copy(scores, acc[:len(scores)])
	if touch == 0xff && len(scores) == 0 {
		panic("unreachable") // keeps the row loads of the second pass
	}
}

const magic = "NGPERC7\n"

// WriteTo writes the model: a magic line and the byte length of the body,
// then the body: a header (classes, features, slots, weight scale), zero
// padding to a multiple of eight bytes, the table and the rows, as the
// model uses them in memory. Output is deterministic.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	body := m.raw
	if body == nil {
		body = m.encode()
	}
	head := binary.AppendUvarint([]byte(magic), uint64(len(body)))
	n, err := w.Write(head)
	if err != nil {
		return int64(n), err
	}
	k, err := w.Write(body)
	return int64(n + k), err
}

func (m *Model) encode() []byte {
	var body []byte
	body = binary.AppendUvarint(body, uint64(m.nClasses))
	body = binary.AppendUvarint(body, uint64(m.nFeats))
	body = binary.AppendUvarint(body, uint64(m.nSlots))
	body = binary.AppendUvarint(body, uint64(math.Float32bits(m.scale)))
	for len(body)%slotSize != 0 {
		body = append(body, 0)
	}
	body = append(body, m.table...)
	return append(body, m.rows...)
}

// Read reads a model written by WriteTo, and nothing after it. When r is
// a *Bytes, the model keeps a slice of its bytes instead of a copy.
func Read(r io.Reader) (*Model, error) {
	br, ok := r.(io.ByteReader)
	if !ok {
		br = byteReader{r} // unbuffered: must not read past the model
	}
	head := make([]byte, len(magic))
	for i := range head {
		c, err := br.ReadByte()
		if err != nil {
			return nil, errors.New("perceptron: not a model file")
		}
		head[i] = c
	}
	if string(head) != magic {
		return nil, errors.New("perceptron: not a model file")
	}
	size, err := binary.ReadUvarint(br)
	if err != nil || size > 1<<31 {
		return nil, errors.New("perceptron: bad model size")
	}
	var body []byte
	if b, ok := r.(*Bytes); ok {
		body = b.next(int(size))
		if len(body) != int(size) {
			return nil, errors.New("perceptron: model body: truncated")
		}
	} else {
		body = make([]byte, size)
		if _, err := io.ReadFull(r, body); err != nil {
			return nil, fmt.Errorf("perceptron: model body: %w", err)
		}
	}
	return parse(body)
}

// Reader is what the tagger's and parser's model readers need from a
// stream; *bufio.Reader and *bytes.Buffer have it.
type Reader interface {
	io.Reader
	io.ByteReader
	io.RuneScanner
	ReadString(delim byte) (string, error)
}

// NewReader returns r itself when it is a Reader, else r buffered.
func NewReader(r io.Reader) Reader {
	if br, ok := r.(Reader); ok {
		return br
	}
	return bufio.NewReader(r)
}

// Bytes reads from a byte slice that stays valid and unchanged for as
// long as the models read from it live.
type Bytes struct {
	*bytes.Reader
	data []byte
}

// NewBytes returns a reader over data.
func NewBytes(data []byte) *Bytes { return &Bytes{Reader: bytes.NewReader(data), data: data} }

// ReadString reads up to and including delim.
func (b *Bytes) ReadString(delim byte) (string, error) {
	start := len(b.data) - b.Len()
	i := bytes.IndexByte(b.data[start:], delim)
	if i < 0 {
		b.Seek(0, io.SeekEnd)
		return string(b.data[start:]), io.EOF
	}
	b.Seek(int64(start+i+1), io.SeekStart)
	return string(b.data[start : start+i+1]), nil
}

// next returns the next n bytes (fewer at the end) without copying.
func (b *Bytes) next(n int) []byte {
	start := len(b.data) - b.Len()
	end := min(start+n, len(b.data))
	b.Seek(int64(end), io.SeekStart)
	return b.data[start:end:end]
}

type byteReader struct{ io.Reader }

func (b byteReader) ReadByte() (byte, error) {
	var c [1]byte
	_, err := io.ReadFull(b.Reader, c[:])
	return c[0], err
}

func parse(body []byte) (*Model, error) {
	pos := 0
	var vals [4]uint64
	for i := range vals {
		v, n := binary.Uvarint(body[pos:])
		if n <= 0 {
			return nil, errors.New("perceptron: bad header")
		}
		vals[i], pos = v, pos+n
	}
	nc, nf, ns := vals[0], vals[1], vals[2]
	if nc == 0 || nc > MaxClasses || nf > ns || ns > uint64(len(body))/slotSize {
		return nil, errors.New("perceptron: bad header")
	}
	for pos%slotSize != 0 {
		pos++
	}
	m := &Model{nClasses: int(nc), nFeats: int(nf), nSlots: int(ns), scale: math.Float32frombits(uint32(vals[3])), raw: body}
	m.table = body[pos : pos+int(ns)*slotSize]
	m.rows = body[pos+int(ns)*slotSize:]
	if len(m.rows)%entrySize != 0 {
		return nil, errors.New("perceptron: bad rows")
	}
	// Check what Scores trusts: rows inside the model, classes in range.
	used, entries := 0, len(m.rows)/entrySize
	for s := 0; s < m.nSlots; s++ {
		fp, row := m.slot(s)
		if fp == 0 {
			continue
		}
		used++
		if start, n := unpackRow(row); start+n > entries {
			return nil, fmt.Errorf("perceptron: slot %d: row out of range", s)
		}
	}
	if used != m.nFeats {
		return nil, fmt.Errorf("perceptron: %d features in the table, header says %d", used, m.nFeats)
	}
	for k := 0; k < len(m.rows); k += entrySize {
		if int(m.rows[k]) >= m.nClasses {
			return nil, fmt.Errorf("perceptron: class %d out of range", m.rows[k])
		}
	}
	return m, nil
}
