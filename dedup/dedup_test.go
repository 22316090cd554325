package dedup

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

const story = `The harbour bridge was closed on Wednesday after winds of more than 120 kilometres an hour tore panels from its western span, the city's transport department said.
Engineers will inspect the bridge on Thursday morning, and the department expects it to reopen by the weekend if no structural damage is found.
Mayor Lena Brandt said the city would pay for ferries to carry commuters across the harbour until the bridge reopens. "We will not reopen it until it is safe," she told reporters outside the town hall.
The storm also cut power to about 4,000 homes in the northern suburbs, according to the electricity company, which said most would be reconnected by the evening.
Forecasters said the winds would ease overnight but warned of heavy rain on Friday in the hills north of the city.`

// copyOf is story as another outlet runs it: its own headline and byline,
// a word changed, a footer.
const copyOf = `Storm shuts bridge, ferries to run
By Wire Staff
` + `The harbour bridge was closed on Wednesday after winds of more than 120 km an hour tore panels from its western span, the city's transport department said.
Engineers will inspect the bridge on Thursday morning, and the department expects it to reopen by the weekend if no structural damage is found.
Mayor Lena Brandt said the city would pay for ferries to carry commuters across the harbour until the bridge reopens. "We will not reopen it until it is safe," she told reporters outside the town hall.
The storm also cut power to about 4,000 homes in the northern suburbs, according to the electricity company, which said most would be reconnected by the evening.
Forecasters said the winds would ease overnight but warned of heavy rain on Friday in the hills north of the city.
Copyright 2024 The Wire. All rights reserved.`

// other is another story on the same event, in other words.
const other = `Commuters crowded onto ferries on Thursday as the harbour bridge stayed shut for a second day after Wednesday's storm damaged its western span.
The ferry company added two boats to its morning timetable, and passengers said they waited up to forty minutes at the northern pier.
The transport department said engineers had begun their inspection and would report to the council on Friday. Power had been restored to most of the homes that lost it, the electricity company said.
Shop owners near the bridge said trade had fallen sharply, and the chamber of commerce asked the city to waive parking fees in the old town until the bridge reopens to traffic.`

func TestSimilarity(t *testing.T) {
	a, ok := Sign(story)
	if !ok {
		t.Fatal("story not signed")
	}
	for _, tc := range []struct {
		name     string
		text     string
		min, max float64
	}{
		{"itself", story, 1, 1},
		{"syndicated copy", copyOf, Threshold, 1},
		{"other story", other, 0, 0.2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, ok := Sign(tc.text)
			if !ok {
				t.Fatal("not signed")
			}
			if s := Similarity(a, b); s < tc.min || s > tc.max {
				t.Errorf("similarity %.2f, want %.2f to %.2f", s, tc.min, tc.max)
			}
		})
	}
	if _, ok := Sign("Mexico sent troops to the border on Tuesday, officials said."); ok {
		t.Error("a short text was signed")
	}
}

func TestIndex(t *testing.T) {
	x := NewIndex()
	for _, tc := range []struct {
		id, text, want string
	}{
		{"story", story, ""},
		{"other", other, ""},
		{"copy", copyOf, "story"},
		{"story-again", story, "story"},
		// The same id again is the same text, not a copy of itself; a
		// text that nearly duplicates it is still found.
		{"story", story, ""},
		{"story", copyOf, ""},
		{"copy", copyOf, "story"},
	} {
		sig, _ := Sign(tc.text)
		got, dup := x.FindOrAdd(tc.id, sig)
		if got != tc.want || dup != (tc.want != "") {
			t.Errorf("FindOrAdd(%s) = %q, %v; want %q", tc.id, got, dup, tc.want)
		}
	}
	if x.Len() != 2 {
		t.Errorf("index holds %d texts, want 2", x.Len())
	}
	if !x.Contains("story") || x.Contains("copy") {
		t.Errorf("Contains: story %v, copy %v; want true, false", x.Contains("story"), x.Contains("copy"))
	}
}

// Copies given at once: one is the original, every other its copy.
func TestIndexConcurrent(t *testing.T) {
	x := NewIndex()
	sig, _ := Sign(story)
	var wg sync.WaitGroup
	var mu sync.Mutex
	originals := 0
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, dup := x.FindOrAdd(fmt.Sprint("copy", i), sig); !dup {
				mu.Lock()
				originals++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if originals != 1 {
		t.Errorf("%d originals, want 1", originals)
	}
}

func BenchmarkSign(b *testing.B) {
	text := strings.Repeat(story+"\n", 4) // about 800 words
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Sign(text)
	}
}
