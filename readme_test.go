package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's example outputs with what the server answers")

// readmeExample is a GraphQL block after "<!-- example -->" in the README
// and the JSON block after it.
var readmeExample = regexp.MustCompile("(?s)<!-- example -->\n```graphql\n(.*?)```\n```json\n(.*?)```\n")

// TestReadmeExamples runs every example query of the README against the
// server its quick start runs (the sample articles, serve's defaults) and
// compares the answer with the README's; -update-readme writes the
// answers in, so the examples cannot go stale unnoticed.
func TestReadmeExamples(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	found := readmeExample.FindAllSubmatchIndex(readme, -1)
	if len(found) == 0 {
		t.Fatal("no <!-- example --> in README.md")
	}
	files, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	// the quick start's server: the sample articles, linked to the
	// example knowledge base
	srv := loadedServer(t, loadConfig{maxBytes: 2 << 20, kb: "kb/example.tsv"}, files,
		graph.ServerOptions{MinConfidence: graph.DefaultMinConfidence, HandlerOptions: graph.HandlerOptions{Introspection: true}})
	var out bytes.Buffer
	last := 0
	for i, m := range found {
		query := string(readme[m[2]:m[3]])
		body, _ := json.Marshal(map[string]string{"query": query})
		resp, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		answer, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got, err := formatJSON(answer)
		if err != nil {
			t.Fatalf("example %d: %v: %s", i+1, err, answer)
		}
		if bytes.Contains(answer, []byte(`"errors"`)) {
			t.Errorf("example %d answers errors: %s", i+1, answer)
		}
		if want := string(readme[m[4]:m[5]]); got != want {
			t.Errorf("example %d: the README shows\n%s\nthe server answers\n%s(go test -run TestReadmeExamples -update-readme . writes it in)", i+1, want, got)
		}
		out.Write(readme[last:m[4]])
		out.WriteString(got)
		last = m[5]
	}
	out.Write(readme[last:])
	if *updateReadme {
		if err := os.WriteFile("README.md", out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// formatJSON prints a JSON document with every object or array that fits
// in 110 columns on one line, and objects of one key on their value's
// lines, keys in the order the server gave them.
func formatJSON(doc []byte) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	v, err := readValue(dec)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	v.write(&b, "")
	b.WriteString("\n")
	return b.String(), nil
}

// jsonValue is a JSON value that keeps its keys' order.
type jsonValue struct {
	delim  json.Delim // '{' or '[' for objects and arrays
	keys   []string
	elems  []jsonValue
	scalar string // the compact text of anything else
}

func readValue(dec *json.Decoder) (jsonValue, error) {
	tok, err := dec.Token()
	if err != nil {
		return jsonValue{}, err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return jsonValue{scalar: scalarText(tok)}, nil
	}
	v := jsonValue{delim: d}
	for dec.More() {
		if d == '{' {
			k, err := dec.Token()
			if err != nil {
				return v, err
			}
			v.keys = append(v.keys, k.(string))
		}
		e, err := readValue(dec)
		if err != nil {
			return v, err
		}
		v.elems = append(v.elems, e)
	}
	_, err = dec.Token() // the closing delimiter
	return v, err
}

func scalarText(tok json.Token) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(tok)
	return strings.TrimSuffix(b.String(), "\n")
}

func (v jsonValue) compact() string {
	if v.delim == 0 {
		return v.scalar
	}
	var b strings.Builder
	b.WriteRune(rune(v.delim))
	for i, e := range v.elems {
		if i > 0 {
			b.WriteString(", ")
		}
		if v.delim == '{' {
			b.WriteString(scalarText(v.keys[i]) + ": ")
		}
		b.WriteString(e.compact())
	}
	if v.delim == '{' {
		b.WriteString("}")
	} else {
		b.WriteString("]")
	}
	return b.String()
}

func (v jsonValue) write(b *strings.Builder, indent string) {
	if c := v.compact(); v.delim == 0 || utf8.RuneCountInString(indent+c) <= 110 {
		b.WriteString(c)
		return
	}
	if v.delim == '{' && len(v.keys) == 1 {
		// a wrapper ({"data": ...}, {"node": ...}) shares its value's lines
		b.WriteString("{" + scalarText(v.keys[0]) + ": ")
		v.elems[0].write(b, indent)
		b.WriteString("}")
		return
	}
	end := "}"
	if v.delim == '[' {
		end = "]"
	}
	fmt.Fprintf(b, "%c\n", v.delim)
	for i, e := range v.elems {
		b.WriteString(indent + "  ")
		if v.delim == '{' {
			b.WriteString(scalarText(v.keys[i]) + ": ")
		}
		e.write(b, indent+"  ")
		if i < len(v.elems)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(indent + end)
}
