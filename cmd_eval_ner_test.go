package main

import "testing"

// eval-ner --loader scores names: not the coreference stage's pronouns and
// descriptions, nor a demonym read as its country ("the Indian
// government"), which no NER data marks as a place's name.
func TestEvalNERNameMentions(t *testing.T) {
	for rule, want := range map[string]bool{"tagger": true, "gazetteer": true, "initial": true,
		"pronoun": false, "description": false, "demonym": false} {
		if got := isNameMention(rule); got != want {
			t.Errorf("isNameMention(%q) = %v, want %v", rule, got, want)
		}
	}
}
