package loader_test

import "testing"

// An empty quotation ('""', as some of GUM's documents write) carries no
// words to attribute: extraction must not fail on it (it panicked).
func TestEmptyQuotation(t *testing.T) {
	if doc := extract(t, "He wrote \"\" on the wall.\n\nThe mayor said \"we will win\"."); doc == nil {
		t.Error("no document")
	}
}
