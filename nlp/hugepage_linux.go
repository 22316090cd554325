package nlp

import (
	"syscall"
	"unsafe"
)

const hugePage = 2 << 20

// modelBuffer returns n bytes of zeroed memory for a decompressed model.
// On Linux a large buffer starts on a 2 MB boundary and is marked for
// transparent huge pages (MADV_HUGEPAGE): the perceptrons read their
// tables at random, and with 4 KB pages nearly every lookup in a 30 MB
// table is a TLB miss as well as a cache miss. Where the kernel gives no
// huge pages (THP off) the advice is ignored and nothing else changes.
func modelBuffer(n int) []byte {
	if n < 4*hugePage {
		return make([]byte, n)
	}
	b := make([]byte, n+hugePage)
	off := 0
	if r := int(uintptr(unsafe.Pointer(&b[0])) % hugePage); r != 0 {
		off = hugePage - r
	}
	b = b[off : off+n : off+n]
	// Advice covers whole huge pages inside the buffer only, so that
	// neighbouring heap memory keeps its own.
	if whole := n / hugePage * hugePage; whole > 0 {
		_ = syscall.Madvise(b[:whole], syscall.MADV_HUGEPAGE) // an error only means no huge pages
	}
	return b
}
