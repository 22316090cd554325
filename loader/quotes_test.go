package loader_test

import "testing"

// An empty quotation ('""', as some of GUM's documents write) carries no
// words to attribute: extraction must not fail on it (it panicked).
func TestEmptyQuotation(t *testing.T) {
	if doc := extract(t, "He wrote \"\" on the wall.\n\nThe mayor said \"we will win\"."); doc == nil {
		t.Error("no document")
	}
}

// TestQuoteParagraphAfterAMisparsedSubject: a paragraph of quotation
// continues the speaker the sentence before names even when the parse
// misses that sentence's main subject ("Amidst this news, the governor
// called for ...", with "Amidst" read as the subject): the one person a
// clause of it has for subject.
func TestQuoteParagraphAfterAMisparsedSubject(t *testing.T) {
	doc := extract(t, "Governor Maria Ortega made the announcement in a press statement on Monday.\n\n"+
		"Amidst this shocking news, the governor called for “calm at this time”.\n\n"+
		"“I realise this will be hard news for people in the state. I will provide a further update in due course.”\n")
	if find(doc, "Maria Ortega", "provide", "further update in due course") == nil {
		t.Errorf("'I' of the quotation paragraph not its speaker: %+v", doc.Statements)
	}
}
