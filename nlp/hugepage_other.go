//go:build !linux

package nlp

// modelBuffer returns n bytes of zeroed memory for a decompressed model.
func modelBuffer(n int) []byte { return make([]byte, n) }
