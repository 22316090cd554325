package nlp

import (
	"bytes"
	"io"
	"testing"
)

func TestContainer(t *testing.T) {
	raw := bytes.Repeat([]byte("newsgraph model bytes "), 400000) // several frames
	var file bytes.Buffer
	if _, err := (Compressed{Model: bytes.NewReader(raw)}).WriteTo(&file); err != nil {
		t.Fatal(err)
	}
	var got []byte
	read := func(r io.Reader) (err error) { got, err = io.ReadAll(r); return }
	if err := Decompress(file.Bytes(), read); err != nil || !bytes.Equal(got, raw) {
		t.Fatalf("round trip: %v, %d bytes of %d", err, len(got), len(raw))
	}
	b := file.Bytes()
	for name, bad := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("NGZ9\n"),
		"truncated": b[:len(b)/2],
		"garbage":   append(append([]byte(nil), b[:12]...), bytes.Repeat([]byte{0xff}, 64)...),
	} {
		if err := Decompress(bad, read); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
