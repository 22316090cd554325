// Package ingest loads many articles into the store: it streams them from
// text files, directories, JSON lines, news feeds (package feed), saved web pages (read for their main
// text and metadata by package webpage) and web archives (WARC files:
// package warc), skips the ones the store already
// has (by the hash of their text), extracts the others on every core and
// writes them in batches, each batch one transaction. It never holds more
// than a few batches in memory, so a corpus of any size loads in bounded
// memory; a load that is killed resumes where it stopped when run again.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/dedup"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/webpage"
)

// Extractor turns an article into a document (the loader).
type Extractor interface {
	Extract(ctx context.Context, a kg.Article) (*kg.Document, error)
	// ArticleID is the IRI Extract would give the article with this text.
	ArticleID(text string) string
	// Clean checks an article's text as Extract does and returns the
	// text Extract would read (and store), with its warnings; it refuses
	// what Extract refuses. A near-duplicate is stored as a copy without
	// being extracted, so it is cleaned with Clean.
	Clean(text string) (string, []string, error)
}

// Store is where documents go.
type Store interface {
	HasArticle(ctx context.Context, id string) (bool, error)
	IngestBatch(ctx context.Context, docs []*kg.Document) ([]kg.IngestResult, error)
}

// Config says what to load and how.
type Config struct {
	Sources  []string  // files, directories, or "-" for JSON lines on Stdin
	Stdin    io.Reader // read for "-"
	Workers  int       // extraction goroutines; 0 means one per core
	Batch    int       // articles per write transaction; 0 means 64
	MaxBytes int       // largest article; 0 means DefaultMaxBytes
	Progress *Progress // nil: no progress reports
	// KeepCopies extracts near-duplicates (package dedup) as articles of
	// their own; by default an article that nearly duplicates another of
	// the same load is stored as a copy of it, with its own metadata but
	// no statements of its own.
	KeepCopies bool
	// CopiesOfStored finds copies of the articles already in the store
	// too (the store must list them: ArticleLister), reading them all
	// once before the load.
	CopiesOfStored bool
}

// ArticleLister is a store that lists its articles, with their text.
type ArticleLister interface {
	Articles(ctx context.Context, offset, limit int) ([]*kg.Article, int, error)
}

// Failure is an article that could not be loaded, and why.
type Failure struct {
	Origin string // file, or file:line for JSON lines
	Reason string
}

// Warning is something the loader could not handle in an article (a
// sentence it skipped...): the article was loaded without it.
type Warning struct {
	Origin  string // file, or file:line for JSON lines
	Message string
}

// Ignored is a file found in a directory that is not an article file,
// and why it was not read.
type Ignored struct {
	Path, Reason string
}

// Summary is what a load did.
type Summary struct {
	Read, Created, Skipped, Failed int
	Copies                         int // of Created: near-duplicates stored as copies
	Statements, Entities, Quads    int
	Warnings                       int
	Failures                       []Failure // the first 100
	WarningList                    []Warning // the first 100
	Ignored                        []Ignored // files of directories not read: the first 100
	IgnoredCount                   int
	Elapsed                        time.Duration
}

const maxFailures = 100

// DefaultMaxBytes is the largest article a load takes unless told
// otherwise (Config.MaxBytes).
const DefaultMaxBytes = 2 << 20

type item struct {
	seq    int // its place in the input: the first near-duplicate read is the original
	origin string
	art    kg.Article
	err    error // a read error for this item
	// page is a web page still to read (on a worker: package webpage),
	// fetched from url at fetched when a web archive holds it.
	page    []byte
	url     string
	fetched time.Time
	given   *kg.Article // metadata the source gave the page, which wins
}

// checked is an item read, checked and looked up in the store, waiting
// for its turn (in input order) to be found a copy or extracted.
type checked struct {
	seq      int
	origin   string
	art      kg.Article // as read: Extract cleans its text again
	err      error      // why the article is refused
	id       string
	have     bool // in the store already
	text     string
	warnings []string // of cleaning the text
	sig      dedup.Signature
	signed   bool
}

type extracted struct {
	origin string
	doc    *kg.Document
}

// Run loads cfg.Sources. It returns an error only when it cannot go on
// (an unreadable source, a store failure); bad articles are failures in
// the summary.
//
// Articles go through three stages. Checkers, in parallel, read web pages,
// refuse what Extract would refuse, look each article up in the store and
// sign its text (package dedup). One goroutine then takes them back in
// input order and decides: skipped (stored already, or the same text
// earlier in the load), a copy of an earlier near-duplicate, or to
// extract. Extractors, in parallel, extract. Deciding in input order makes
// a load's graph independent of worker timing: the first of two
// near-duplicates in the input is the original, and only an article that
// passed the checks can be one.
func Run(ctx context.Context, cfg Config, x Extractor, st Store) (Summary, error) {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 64
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	start := time.Now()
	var sum Summary
	// The sources are listed first: a path that does not exist fails
	// the load before anything is read.
	list, err := files(cfg.Sources)
	if err != nil {
		return sum, err
	}
	sum.addIgnored(list)
	var mu sync.Mutex // guards sum
	fail := func(origin string, err error) {
		mu.Lock()
		defer mu.Unlock()
		sum.Failed++
		if len(sum.Failures) < maxFailures {
			sum.Failures = append(sum.Failures, Failure{origin, err.Error()})
		}
	}
	skip := func() {
		mu.Lock()
		sum.Skipped++
		mu.Unlock()
		cfg.Progress.add(1)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	if cfg.Progress != nil {
		total, known := count(list, cfg.MaxBytes)
		cfg.Progress.start(total, known)
		defer cfg.Progress.stop()
	}
	var copies *dedup.Index // nil: near-duplicates are extracted (KeepCopies)
	if !cfg.KeepCopies {
		copies = dedup.NewIndex()
		if cfg.CopiesOfStored {
			if err := signStored(ctx, st, copies); err != nil {
				return sum, err
			}
		}
	}
	// window bounds the articles read but not yet decided on, which the
	// decider holds while an earlier one is still being checked.
	window := make(chan struct{}, 4*cfg.Workers+8)
	items := make(chan item, 2*cfg.Workers)
	checks := make(chan checked, 2*cfg.Workers)
	jobs := make(chan checked, 2*cfg.Workers)
	docs := make(chan extracted, 2*cfg.Batch)
	var readErr error
	go func() {
		defer close(items)
		seq := 0
		send := func(it item) bool {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			it.seq = seq
			seq++
			select {
			case items <- it:
				return true
			case <-ctx.Done():
				return false
			}
		}
		readErr = read(ctx, cfg, list, send)
		if readErr != nil {
			cancel(readErr)
		}
	}()
	var checkers sync.WaitGroup
	for w := 0; w < cfg.Workers; w++ {
		checkers.Add(1)
		go func() {
			defer checkers.Done()
			for it := range items {
				mu.Lock()
				sum.Read++
				mu.Unlock()
				c, err := check(ctx, cfg.MaxBytes, copies != nil, x, st, it)
				if err != nil {
					cancel(err)
					return
				}
				select {
				case checks <- c:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		checkers.Wait()
		close(checks)
	}()
	var producers sync.WaitGroup // of docs: the decider and the extractors
	producers.Add(1)
	go func() {
		defer producers.Done()
		defer close(jobs)
		d := decider{ctx: ctx, progress: cfg.Progress, copies: copies, window: window,
			jobs: jobs, docs: docs, fail: fail, skip: skip}
		d.run(checks)
	}()
	for w := 0; w < cfg.Workers; w++ {
		producers.Add(1)
		go func() {
			defer producers.Done()
			for c := range jobs {
				doc, err := x.Extract(ctx, c.art)
				if err != nil {
					if ctx.Err() != nil {
						return
					}
					fail(c.origin, err)
					cfg.Progress.add(1)
					continue
				}
				// Counted done when extracted, not when its batch is
				// written: with slow extraction a batch takes minutes.
				cfg.Progress.add(1)
				select {
				case docs <- extracted{c.origin, doc}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		producers.Wait()
		close(docs)
	}()
	// One writer: batches of articles, each one transaction.
	var batch []extracted
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		ds := make([]*kg.Document, len(batch))
		for i, e := range batch {
			ds[i] = e.doc
		}
		res, err := st.IngestBatch(ctx, ds)
		if err != nil {
			return err
		}
		mu.Lock()
		sum.addWritten(batch, res)
		mu.Unlock()
		batch = batch[:0]
		return nil
	}
	var werr error
	for e := range docs {
		if werr != nil {
			continue // drain
		}
		batch = append(batch, e)
		if len(batch) >= cfg.Batch {
			if werr = flush(); werr != nil {
				cancel(werr)
			}
		}
	}
	if werr == nil {
		werr = flush()
	}
	sum.Elapsed = time.Since(start)
	if werr != nil {
		return sum, fmt.Errorf("write: %w", werr)
	}
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return sum, err
	}
	if readErr != nil {
		return sum, readErr
	}
	return sum, ctx.Err()
}

// addIgnored counts the files of list that are not read, keeping the
// first maxFailures of them.
func (sum *Summary) addIgnored(list []entry) {
	for _, e := range list {
		if e.ignore != "" {
			sum.IgnoredCount++
			if len(sum.Ignored) < maxFailures {
				sum.Ignored = append(sum.Ignored, Ignored{e.path, e.ignore})
			}
		}
	}
}

// addWritten counts a batch the store has written: res[i] is the store's
// result for batch[i].
func (sum *Summary) addWritten(batch []extracted, res []kg.IngestResult) {
	for i, r := range res {
		if r.Created {
			sum.Created++
			if batch[i].doc.Article.CopyOf != "" {
				sum.Copies++
			}
			sum.Statements += r.Statements
			sum.Entities += r.Entities
			sum.Quads += r.Quads
		} else {
			sum.Skipped++ // loaded meanwhile, by another loader or twice in the input
		}
		sum.Warnings += len(batch[i].doc.Warnings)
		for _, w := range batch[i].doc.Warnings {
			if len(sum.WarningList) < maxFailures {
				sum.WarningList = append(sum.WarningList, Warning{batch[i].origin, w})
			}
		}
	}
}

// decider is Run's middle stage: it takes checked articles back in input
// order and sends each where it goes (see Run).
type decider struct {
	ctx      context.Context
	progress *Progress
	copies   *dedup.Index // nil: near-duplicates are extracted
	window   <-chan struct{}
	jobs     chan<- checked   // to the extractors
	docs     chan<- extracted // copies, straight to the writer
	fail     func(origin string, err error)
	skip     func()
}

// run decides on the articles of checks in input order (by seq), holding
// those that come early until their turn. It returns when checks is
// closed or the context is done.
func (d *decider) run(checks <-chan checked) {
	pending := map[int]checked{}
	next := 0
	for c := range checks {
		pending[c.seq] = c
		for {
			c, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-d.window
			if !d.decide(c) {
				return
			}
		}
	}
}

// decide sends one article on: a failure, skipped (stored already, or the
// same text earlier in the load), a copy of an earlier near-duplicate, or
// a job for the extractors. It returns false when the context is done.
func (d *decider) decide(c checked) bool {
	switch {
	case c.err != nil:
		d.fail(c.origin, c.err)
		d.progress.add(1)
	case c.have:
		// Signed as in the load that stored it, so that a resumed load
		// finds the same copies as one that was never interrupted.
		if c.signed {
			d.copies.FindOrAdd(c.id, c.sig)
		}
		d.skip()
	case c.signed && d.copies.Contains(c.id):
		d.skip() // the same text earlier in this load
	default:
		if c.signed {
			if orig, dup := d.copies.FindOrAdd(c.id, c.sig); dup {
				d.progress.add(1)
				select {
				case d.docs <- extracted{c.origin, copyDoc(c, orig)}:
					return true
				case <-d.ctx.Done():
					return false
				}
			}
		}
		select {
		case d.jobs <- c:
		case <-d.ctx.Done():
			return false
		}
	}
	return true
}

// signStored adds the articles of st (not copies) to copies.
func signStored(ctx context.Context, st Store, copies *dedup.Index) error {
	l, ok := st.(ArticleLister)
	if !ok {
		return errors.New("the store cannot list its articles to find copies of them")
	}
	const page = 500
	for off := 0; ; off += page {
		arts, total, err := l.Articles(ctx, off, page)
		if err != nil {
			return fmt.Errorf("read stored articles: %w", err)
		}
		for _, a := range arts {
			if a.CopyOf != "" {
				continue
			}
			if sig, ok := dedup.Sign(a.Text); ok {
				copies.FindOrAdd(a.ID, sig)
			}
		}
		if off+page >= total {
			return nil
		}
	}
}

// check reads a web page, refuses what Extract would refuse, looks the
// article up in st and signs its text (when sign is set). Its error is a
// store failure, which ends the load; a refused article is c.err.
func check(ctx context.Context, maxBytes int, sign bool, x Extractor, st Store, it item) (checked, error) {
	c := checked{seq: it.seq, origin: it.origin}
	art, err := articleOf(it, maxBytes)
	c.art = art
	if err != nil {
		c.err = err
		return c, nil
	}
	text := kg.NormalizeText(art.Text)
	c.id = x.ArticleID(text)
	have, err := st.HasArticle(ctx, c.id)
	if err != nil {
		return c, fmt.Errorf("check %s: %w", it.origin, err)
	}
	c.have = have
	c.text, c.warnings, err = x.Clean(art.Text)
	if err != nil {
		if !have {
			c.err = err
		}
		return c, nil
	}
	if sign {
		c.sig, c.signed = dedup.Sign(c.text)
	}
	return c, nil
}

// copyDoc is the document of an article that nearly duplicates orig, an
// article of this load (or of the store) that was checked before it.
func copyDoc(c checked, orig string) *kg.Document {
	a := c.art
	a.ID, a.Text, a.CopyOf = c.id, c.text, orig
	warnings := append(c.warnings, "a near-duplicate of "+orig+": stored as its copy, not extracted")
	return &kg.Document{Article: a, Warnings: warnings}
}

// isJSONLines reports whether a file holds JSON lines by its name.
func isJSONLines(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// isArticleFile reports whether a file holds one article by its name:
// text or HTML (the loader strips markup).
func isArticleFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".html", ".htm":
		return true
	}
	return false
}

// notArticles is why a directory's other files are not read.
const notArticles = "not an article file (.txt, .text, .html, .htm, JSON lines .jsonl, .ndjson, a feed .rss, .atom, .xml, or a web archive .warc, .warc.gz)"

// notRegular is why a named pipe, a socket or a device is not read:
// opening a pipe waits for a writer, for ever if none comes.
const notRegular = "not a regular file"

// regular reports whether the directory entry d at p in fsys is a
// regular file, or a symbolic link to one.
func regular(fsys fs.FS, p string, d fs.DirEntry) bool {
	if d.Type()&fs.ModeSymlink != 0 {
		info, err := fs.Stat(fsys, p)
		return err != nil || info.Mode().IsRegular() // a broken link fails when read, naming its error
	}
	return d.Type().IsRegular()
}

// entry is a file to read; or a path found unreadable while walking a
// directory (err set): it becomes a failure of the load, not its end; or
// a file of a directory that is not read (ignore says why).
type entry struct {
	path   string
	err    error
	ignore string
}

// files expands the sources: directories are walked for article files
// (text, web pages), JSON lines, feeds (.rss, .atom, .xml) and web
// archives (.warc, .warc.gz), in name order; their other files are entries
// that say why they are ignored, and hidden files and directories are
// passed over. A file given by name is read whatever its name. A source
// that does not exist is an error; an unreadable file or subdirectory
// inside a directory is an entry with its error, and the walk goes on.
func files(sources []string) ([]entry, error) {
	var out []entry
	for _, src := range sources {
		if src == "-" {
			out = append(out, entry{path: src})
			continue
		}
		info, err := os.Stat(src)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			e := entry{path: src}
			if !info.Mode().IsRegular() {
				e.ignore = notRegular
			}
			out = append(out, e)
			continue
		}
		found, err := walk(os.DirFS(src), src)
		if err != nil {
			return nil, err
		}
		sort.Slice(found, func(i, j int) bool { return found[i].path < found[j].path })
		out = append(out, found...)
	}
	return out, nil
}

// walk lists the article files under root (fsys is root's file system):
// paths are root joined with their path in fsys.
func walk(fsys fs.FS, root string) ([]entry, error) {
	var found []entry
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		path := filepath.Join(root, filepath.FromSlash(p))
		if err != nil {
			if p == "." {
				return err
			}
			found = append(found, entry{path: path, err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir // .git and the like
			}
			return nil
		}
		switch {
		case d.IsDir():
		case !regular(fsys, p, d):
			found = append(found, entry{path: path, ignore: notRegular})
		case isArticleFile(p) || isJSONLines(p) || isPage(p) || isWARC(p) || isFeed(p):
			found = append(found, entry{path: path})
		default:
			found = append(found, entry{path: path, ignore: notArticles})
		}
		return nil
	})
	return found, err
}

// count is how many articles the files hold, when that can be known
// without keeping them (not for standard input).
func count(list []entry, maxBytes int) (int, bool) {
	n := 0
	for _, e := range list {
		f := e.path
		if f == "-" {
			return 0, false
		}
		if e.ignore != "" {
			continue
		}
		if e.err == nil && isWARC(f) {
			n += countWARC(f)
			continue
		}
		if e.err == nil && isFeed(f) {
			n += countFeed(f, maxBytes)
			continue
		}
		if e.err != nil || !isJSONLines(f) {
			n++
			continue
		}
		r, err := os.Open(f)
		if err != nil {
			n++
			continue
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 64<<20)
		for sc.Scan() {
			if len(strings.TrimSpace(sc.Text())) > 0 {
				n++
			}
		}
		r.Close()
	}
	return n, true
}

// read sends the articles of list, in order, until send returns false
// (the load is cancelled).
func read(ctx context.Context, cfg Config, list []entry, send func(item) bool) error {
	for _, e := range list {
		f := e.path
		if e.ignore != "" {
			continue
		}
		if e.err != nil {
			if !send(item{origin: f, err: e.err}) {
				return nil
			}
			continue
		}
		if isWARC(f) {
			if !readWARC(f, cfg.MaxBytes, send) {
				return nil
			}
			continue
		}
		if isFeed(f) {
			if !readFeed(f, cfg.MaxBytes, send) {
				return nil
			}
			continue
		}
		if f == "-" || isJSONLines(f) {
			r := cfg.Stdin
			if f != "-" {
				file, err := os.Open(f)
				if err != nil {
					if !send(item{origin: f, err: err}) {
						return nil
					}
					continue
				}
				defer file.Close()
				r = file
			}
			if err := readLines(f, r, cfg.MaxBytes, send); err != nil {
				return err
			}
			continue
		}
		it := item{origin: f, art: kg.Article{Title: titleOf(f), Source: f}}
		b, err := readLimited(f, cfg.MaxBytes)
		switch {
		case err != nil:
			it.err = err
		case isPage(f) || webpage.LooksLikeHTML(b):
			it.page = b
		default:
			it.art.Text = string(trimBOM(b))
		}
		if !send(it) {
			return nil
		}
	}
	return nil
}

func readLimited(name string, max int) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(b) > max {
		return nil, kg.Errorf(kg.ETOOLARGE, "article larger than %d bytes", max)
	}
	return b, nil
}

func readLines(name string, r io.Reader, max int, send func(item) bool) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for line := 1; ; line++ {
		b, err := readLine(br, max+4096)
		if err == io.EOF {
			return nil
		}
		origin := fmt.Sprintf("%s:%d", name, line)
		it := item{origin: origin}
		switch {
		case errors.Is(err, errLongLine):
			it.err = kg.Errorf(kg.ETOOLARGE, "line longer than %d bytes", max+4096)
		case err != nil:
			return fmt.Errorf("read %s: %w", origin, err)
		default:
			if len(strings.TrimSpace(string(b))) == 0 {
				continue
			}
			if line == 1 {
				b = trimBOM(b)
			}
			var ja kg.ArticleJSON
			if err := checkJSONText(b); err != nil {
				it.err = err
			} else if err := json.Unmarshal(b, &ja); err != nil {
				it.err = jsonError(err)
			} else {
				it.art, it.err = ja.Article()
				if ja.Text == "" && it.err == nil {
					it.err = errors.New(`no "text"`)
				}
				// A whole web page as the text: read for its main text,
				// what the line says of it winning over what the page says.
				if it.err == nil && webpage.LooksLikeHTML([]byte(ja.Text)) {
					it.page, it.given = []byte(ja.Text), &it.art
				}
			}
		}
		if !send(it) {
			return nil
		}
	}
}

// jsonError says what is wrong with a JSON line in the terms of its
// format, not of the Go types it is decoded into.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return kg.Errorf(kg.EINVALID, "not a JSON article: a line must be an object, not %s", aJSON(te.Value))
		}
		return kg.Errorf(kg.EINVALID, "field %s must be a string, not %s", te.Field, aJSON(te.Value))
	}
	return kg.Errorf(kg.EINVALID, "not a JSON article: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// aJSON names a kind of JSON value (as json.UnmarshalTypeError gives it)
// with its article.
func aJSON(kind string) string {
	switch kind {
	case "array", "object":
		return "an " + kind
	case "number", "string", "bool":
		return "a " + strings.Replace(kind, "bool", "boolean", 1)
	}
	return kind
}

// checkJSONText refuses a JSON line that is not valid text: bytes that
// are not UTF-8, or a \u escape of half a surrogate pair. The JSON
// decoder would turn either into U+FFFD without a word, where a text file
// with them is refused (the loader's Validate).
func checkJSONText(b []byte) error {
	if !utf8.Valid(b) {
		return kg.Errorf(kg.EINVALID, "line is not valid UTF-8")
	}
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' {
			continue
		}
		i++ // the escaped character
		if i >= len(b) || b[i] != 'u' {
			continue
		}
		r, ok := hex4(b[i+1:])
		if !ok || !utf16.IsSurrogate(r) {
			continue
		}
		if r < 0xdc00 && i+6 < len(b) && b[i+5] == '\\' && b[i+6] == 'u' {
			if low, ok := hex4(b[i+7:]); ok && low >= 0xdc00 && low <= 0xdfff {
				i += 10 // a pair
				continue
			}
		}
		return kg.Errorf(kg.EINVALID, "line has a lone surrogate \\u%04x: not valid text", r)
	}
	return nil
}

// hex4 reads the four hex digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

var errLongLine = errors.New("line too long")

// trimBOM is b without the UTF-8 byte-order mark that some editors put at
// the start of a file: it is no part of the text (web pages and feeds are
// read without it too).
func trimBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
}

// readLine reads one line of at most max bytes; a longer line is skipped
// to its end and reported.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	long := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !long {
			line = append(line, chunk...)
			if len(line) > max {
				long, line = true, nil
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && (len(line) > 0 || long):
			err = nil
		case err != nil:
			return nil, err
		}
		if long {
			return nil, errLongLine
		}
		return line, nil
	}
}

// titleOf names a text file's article by its file name: "border-crossings.txt"
// is "border crossings".
func titleOf(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return strings.NewReplacer("-", " ", "_", " ").Replace(base)
}
