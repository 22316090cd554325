// Package pages scores main-text and metadata extraction from web pages the
// way trafilatura's benchmark does: each page of an evaluation set comes
// with snippets of its main text that the extraction must contain ("with")
// and snippets of navigation, teasers and footers that it must not
// ("without"), and with the page's title, date and author.
//
// Main text: a "with" snippet found is a true positive, one missed a false
// negative; a "without" snippet found is a false positive. Precision,
// recall and F1 are over all snippets of all pages. Title: the share of
// pages with a title whose extracted title is the same (case, spacing and
// quote marks aside). Date: the share of pages with a date whose extracted
// date has the same day.
package pages

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Result is what a reader made of a page.
type Result struct {
	Title, Author, Text string
	Date                time.Time
}

// Reader reads a page (its HTML, and the URL it was saved from).
type Reader func(html []byte, url string) (Result, error)

// Page is a page of the evaluation set.
type Page struct {
	URL     string
	File    string   `json:"file"`
	With    []string `json:"with"`
	Without []string `json:"without"`
	Title   string   `json:"title"`
	Date    string   `json:"date"`
	Author  string   `json:"author"`
}

// Load reads dir/evaldata.json, in file order.
func Load(dir string) ([]Page, error) {
	b, err := os.ReadFile(filepath.Join(dir, "evaldata.json"))
	if err != nil {
		return nil, err
	}
	var m map[string]Page
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("evaldata.json: %w", err)
	}
	var out []Page
	for u, p := range m {
		if strings.HasPrefix(u, "http") {
			p.URL = u
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, nil
}

// Half is the half of the set a page belongs to, "A" or "B", by a hash of
// its file name: rules are decided on one half and checked on the other,
// so that a rule that only fits the pages it was written for shows.
func (p Page) Half() string {
	h := fnv.New32a()
	h.Write([]byte(p.File))
	if h.Sum32()%2 == 0 {
		return "A"
	}
	return "B"
}

// Halves splits a set into its halves A and B (Page.Half).
func Halves(set []Page) (a, b []Page) {
	for _, p := range set {
		if p.Half() == "A" {
			a = append(a, p)
		} else {
			b = append(b, p)
		}
	}
	return a, b
}

// Score is an evaluation's result.
type Score struct {
	Pages, Failed         int
	TP, FN, FP, TN        int
	Titles, TitlesRight   int // pages with a title; right ones
	Dates, DatesRight     int
	Authors, AuthorsRight int
	Elapsed               time.Duration // in the reader alone
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Precision, Recall and F1 of the main text.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }
func (s Score) Recall() float64    { return ratio(s.TP, s.TP+s.FN) }
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add is the score of two sets together.
func (s Score) Add(o Score) Score {
	s.Pages += o.Pages
	s.Failed += o.Failed
	s.TP, s.FN, s.FP, s.TN = s.TP+o.TP, s.FN+o.FN, s.FP+o.FP, s.TN+o.TN
	s.Titles, s.TitlesRight = s.Titles+o.Titles, s.TitlesRight+o.TitlesRight
	s.Dates, s.DatesRight = s.Dates+o.Dates, s.DatesRight+o.DatesRight
	s.Authors, s.AuthorsRight = s.Authors+o.Authors, s.AuthorsRight+o.AuthorsRight
	s.Elapsed += o.Elapsed
	return s
}

func (s Score) String() string {
	return fmt.Sprintf("pages %d (failed %d): main text P %.3f R %.3f F1 %.3f; title %.1f%% (%d/%d); date %.1f%% (%d/%d); author %.1f%% (%d/%d); %.1f pages/s",
		s.Pages, s.Failed, s.Precision(), s.Recall(), s.F1(),
		100*ratio(s.TitlesRight, s.Titles), s.TitlesRight, s.Titles,
		100*ratio(s.DatesRight, s.Dates), s.DatesRight, s.Dates,
		100*ratio(s.AuthorsRight, s.Authors), s.AuthorsRight, s.Authors,
		float64(s.Pages)/max(s.Elapsed.Seconds(), 1e-9))
}

// norm folds spacing, case and typographic quotes, as the comparison of
// snippets and titles ignores them.
func norm(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u00a0", " ").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Eval reads every page of the set in dir with read and scores it; with
// w, it writes a line per page.
func Eval(dir string, pages []Page, read Reader, w io.Writer) (Score, error) {
	var s Score
	for _, p := range pages {
		b, err := os.ReadFile(filepath.Join(dir, "html", p.File))
		if err != nil {
			return s, err
		}
		start := time.Now()
		r, err := read(b, p.URL)
		s.Elapsed += time.Since(start)
		s.Pages++
		if err != nil {
			s.Failed++
		}
		text := norm(r.Text)
		var tp, fn, fp int
		for _, x := range p.With {
			if strings.Contains(text, norm(x)) {
				tp++
			} else {
				fn++
			}
		}
		for _, x := range p.Without {
			if strings.Contains(text, norm(x)) {
				fp++
			} else {
				s.TN++
			}
		}
		s.TP, s.FN, s.FP = s.TP+tp, s.FN+fn, s.FP+fp
		title, date, author := "-", "-", "-"
		if p.Title != "" {
			s.Titles++
			title = "no"
			if norm(r.Title) == norm(p.Title) {
				s.TitlesRight++
				title = "ok"
			}
		}
		if len(p.Date) >= 10 {
			s.Dates++
			date = "no"
			if !r.Date.IsZero() && r.Date.Format("2006-01-02") == p.Date[:10] {
				s.DatesRight++
				date = "ok"
			}
		}
		if p.Author != "" {
			s.Authors++
			author = "no"
			if norm(r.Author) == norm(p.Author) {
				s.AuthorsRight++
				author = "ok"
			}
		}
		if w != nil {
			e := ""
			if err != nil {
				e = " error: " + err.Error()
			}
			if title == "no" {
				e += fmt.Sprintf(" title %q want %q", r.Title, p.Title)
			}
			if date == "no" {
				e += fmt.Sprintf(" date %v want %v", r.Date.Format("2006-01-02"), p.Date)
			}
			fmt.Fprintf(w, "%s %s\twith %d/%d\twithout %d/%d\ttitle %s\tdate %s\tauthor %s%s\n",
				p.Half(), p.File, tp, tp+fn, fp, len(p.Without), title, date, author, e)
		}
	}
	return s, nil
}
