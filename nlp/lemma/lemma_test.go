package lemma

import "testing"

func TestVerb(t *testing.T) {
	tests := []struct{ word, tag, want string }{
		{"sent", "VBD", "send"}, {"stated", "VBN", "state"}, {"wants", "VBZ", "want"},
		{"met", "VBD", "meet"}, {"shuttered", "VBN", "shutter"}, {"blocked", "VBN", "block"},
		{"reopening", "VBG", "reopen"}, {"convincing", "VBG", "convince"}, {"barring", "VBG", "bar"},
		{"deporting", "VBG", "deport"}, {"urges", "VBZ", "urge"}, {"carried", "VBD", "carry"},
		{"agreed", "VBD", "agree"}, {"struggled", "VBN", "struggle"}, {"claimed", "VBD", "claim"},
		{"suggested", "VBN", "suggest"}, {"received", "VBN", "receive"}, {"used", "VBN", "use"},
		{"stopped", "VBD", "stop"}, {"deployed", "VBD", "deploy"}, {"is", "VBZ", "be"},
		{"was", "VBD", "be"}, {"has", "VBZ", "have"}, {"discussed", "VBD", "discuss"},
		{"reduced", "VBD", "reduce"}, {"changed", "VBD", "change"}, {"visited", "VBD", "visit"},
		{"required", "VBD", "require"}, {"identified", "VBN", "identify"}, {"apprehended", "VBN", "apprehend"},
		{"verified", "VBD", "verify"}, {"suspended", "VBN", "suspend"}, {"harmed", "VBN", "harm"},
		{"initiated", "VBN", "initiate"}, {"transferred", "VBN", "transfer"}, {"detained", "VBN", "detain"},
		{"released", "VBD", "release"}, {"launched", "VBD", "launch"}, {"killed", "VBD", "kill"},
		{"announced", "VBD", "announce"}, {"opened", "VBD", "open"}, {"arrived", "VBD", "arrive"},
		{"created", "VBD", "create"}, {"named", "VBD", "name"}, {"joined", "VBD", "join"},
		{"planned", "VBD", "plan"}, {"voted", "VBD", "vote"}, {"hoped", "VBD", "hope"},
		{"died", "VBD", "die"}, {"praised", "VBD", "praise"}, {"caused", "VBD", "cause"}, {"raised", "VBD", "raise"}, {"produced", "VBD", "produce"}, {"solved", "VBD", "solve"},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			if got := Verb(tc.word, tc.tag); got != tc.want {
				t.Errorf("Verb(%q, %s) = %q, want %q", tc.word, tc.tag, got, tc.want)
			}
		})
	}
}
