package coref

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed" // the first-name lists
	"strings"
	"sync"
)

// pronounInfo is the person, number and gender of a pronoun: person '1',
// '2', '3'; number 's', 'p' or 0; gender 'm', 'f', 'n' (neuter) or 0.
type pronounInfo struct{ person, number, gender byte }

var pronouns = map[string]pronounInfo{
	"i": {'1', 's', 0}, "me": {'1', 's', 0}, "my": {'1', 's', 0}, "mine": {'1', 's', 0}, "myself": {'1', 's', 0},
	"we": {'1', 'p', 0}, "us": {'1', 'p', 0}, "our": {'1', 'p', 0}, "ours": {'1', 'p', 0}, "ourselves": {'1', 'p', 0},
	"you": {'2', 0, 0}, "your": {'2', 0, 0}, "yours": {'2', 0, 0}, "yourself": {'2', 's', 0}, "yourselves": {'2', 'p', 0},
	"he": {'3', 's', 'm'}, "him": {'3', 's', 'm'}, "his": {'3', 's', 'm'}, "himself": {'3', 's', 'm'},
	"she": {'3', 's', 'f'}, "her": {'3', 's', 'f'}, "hers": {'3', 's', 'f'}, "herself": {'3', 's', 'f'},
	"it": {'3', 's', 'n'}, "its": {'3', 's', 'n'}, "itself": {'3', 's', 'n'},
	"they": {'3', 'p', 0}, "them": {'3', 'p', 0}, "their": {'3', 'p', 0}, "theirs": {'3', 'p', 0},
	"themselves": {'3', 'p', 0}, "themself": {'3', 's', 0},
}

// genderWords are titles and nouns that say a person's gender.
var genderWords = map[string]byte{
	"mr": 'm', "mr.": 'm', "sir": 'm', "lord": 'm', "king": 'm', "prince": 'm', "father": 'm', "chairman": 'm',
	"spokesman": 'm', "congressman": 'm', "businessman": 'm', "brother": 'm', "son": 'm', "husband": 'm',
	"man": 'm', "boy": 'm', "gentleman": 'm', "uncle": 'm', "nephew": 'm', "grandfather": 'm', "dad": 'm',
	"emperor": 'm', "duke": 'm', "count": 'm', "baron": 'm', "monk": 'm', "priest": 'm', "boyfriend": 'm',
	"actor": 'm', "policeman": 'm', "fisherman": 'm', "sultan": 'm', "pope": 'm', "widower": 'm',
	"mrs": 'f', "mrs.": 'f', "ms": 'f', "ms.": 'f', "miss": 'f', "lady": 'f', "dame": 'f', "queen": 'f',
	"princess": 'f', "mother": 'f', "chairwoman": 'f', "spokeswoman": 'f', "congresswoman": 'f',
	"businesswoman": 'f', "actress": 'f', "sister": 'f', "daughter": 'f', "wife": 'f', "woman": 'f',
	"girl": 'f', "aunt": 'f', "niece": 'f', "grandmother": 'f', "mom": 'f', "mum": 'f', "empress": 'f',
	"duchess": 'f', "countess": 'f', "baroness": 'f', "nun": 'f', "girlfriend": 'f', "policewoman": 'f',
	"widow": 'f', "heroine": 'f', "waitress": 'f', "madam": 'f',
}

// determiners are left out of the words a mention is matched by.
var determiners = map[string]byte{
	"the": 't', "a": 'a', "an": 'a', "this": 'd', "that": 'd', "these": 'd', "those": 'd',
	"some": 'a', "any": 'a', "another": 'a', "every": 'a', "each": 'a', "no": 'a',
}

// speechVerbs introduce the speaker of a quotation: "...," said X.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "ask": true, "state": true, "explain": true, "announce": true,
	"declare": true, "claim": true, "write": true, "note": true, "reply": true, "respond": true, "insist": true,
	"argue": true, "comment": true, "warn": true, "continue": true, "conclude": true, "recall": true,
	"admit": true, "suggest": true, "report": true, "describe": true, "remark": true, "confirm": true,
}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "“", "”", "``", "''", "«", "»", "„":
		return true
	}
	return false
}

var (
	//go:embed data/female-first-names-en.txt.gz
	femaleNamesGz []byte
	//go:embed data/male-first-names-en.txt.gz
	maleNamesGz []byte
)

// FirstNameGender is 'm' or 'f' for a first name the name lists give one
// gender, 0 otherwise ("Mary" 'f', "John" 'm', "Jordan" 0).
func FirstNameGender(name string) byte { return firstNames()[strings.ToLower(name)] }

// firstNames maps a lower-cased first name to 'm' or 'f'; names on both
// lists are left out.
var firstNames = sync.OnceValue(func() map[string]byte {
	m := map[string]byte{}
	read := func(gz []byte, g byte) {
		r, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			panic("coref: first-name list: " + err.Error()) // embedded: cannot happen
		}
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			n := strings.ToLower(strings.TrimSpace(sc.Text()))
			if n == "" {
				continue
			}
			if old, ok := m[n]; ok && old != g {
				m[n] = 0
				continue
			}
			m[n] = g
		}
	}
	read(femaleNamesGz, 'f')
	read(maleNamesGz, 'm')
	for n, g := range m {
		if g == 0 {
			delete(m, n)
		}
	}
	return m
})
