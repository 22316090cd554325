// Package warc reads the web pages of a web archive: the HTML responses of
// a WARC file (ISO 28500; Common Crawl's news crawl is published as such
// files), gzip-compressed or not, each with the URL it was fetched from and
// when. It reads the records with gowarc, the National Library of Norway's
// WARC library, and the HTTP messages inside them with net/http.
//
// It streams: a file of any size is read a record at a time. It skips
// everything that is not a page (requests, metadata, redirects, images,
// revisits, resource records).
package warc

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v2"
)

// Page is a web page an archive holds.
type Page struct {
	URL    string    // WARC-Target-URI
	Date   time.Time // WARC-Date: when it was fetched
	Offset int64     // where its record starts in the (uncompressed) file
	HTML   []byte
	// Err is why the record could not be read as a page (too large, a
	// broken HTTP message); the reading goes on after it.
	Err error
}

// Pages calls fn with each HTML page of the WARC file r holds, in order,
// until fn returns false. A page larger than max bytes comes with an
// error. It returns an error when the file cannot be read on (not a WARC
// file, truncated); the pages before were given to fn.
func Pages(r io.Reader, max int, fn func(Page) bool) error {
	cr := &counter{r: r}
	// Spec violations are warned of, not ignored: only then does gowarc
	// keep a record's block (in memory, or a temporary file past the
	// limit) for reading after its digest is checked. The warnings are
	// not needed: a page is read as it is.
	wr, err := gowarc.NewWarcFileReaderFromStream(cr, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore), gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore), gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(int64(max)+1<<16))
	if err != nil {
		return err
	}
	defer wr.Close()
	for n := 0; ; n++ {
		rec, off, err := next(wr)
		if err == io.EOF && n == 0 && cr.n > 0 {
			return errors.New("not a WARC file: no WARC record in it")
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("WARC record %d (offset %d): %w", n+1, off, err)
		}
		p, ok := safePage(rec, max)
		rec.Close()
		if !ok {
			continue
		}
		p.Offset = off
		if !fn(p) {
			return nil
		}
	}
}

// next is the next record of wr. gowarc panics on some malformed input
// (found by FuzzPages): the panic is the error of a malformed file.
func next(wr *gowarc.WarcFileReader) (rec gowarc.WarcRecord, off int64, err error) {
	defer func() {
		if r := recover(); r != nil {
			rec, err = nil, fmt.Errorf("malformed WARC record: %v", r)
		}
	}()
	rec, off, _, err = wr.Next()
	return rec, off, err
}

// safePage is page, a panic in gowarc reading the record's block being
// the page's error.
func safePage(rec gowarc.WarcRecord, max int) (p Page, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			p, ok = Page{Err: fmt.Errorf("malformed WARC record: %v", r)}, true
		}
	}()
	return page(rec, max)
}

// page is the web page of a response record, and whether the record is
// one.
func page(rec gowarc.WarcRecord, max int) (Page, bool) {
	h := rec.WarcHeader()
	p := Page{URL: strings.Trim(h.Get(gowarc.WarcTargetURI), "<>")}
	p.Date, _ = rec.Date()
	raw, err := rec.Block().RawBytes()
	if err != nil {
		p.Err = fmt.Errorf("%s: %w", p.URL, err)
		return p, true
	}
	switch rec.Type() {
	case gowarc.Response:
		if !strings.HasPrefix(h.Get(gowarc.ContentType), "application/http") {
			return p, false
		}
		resp, err := http.ReadResponse(bufio.NewReader(raw), nil)
		if err != nil {
			p.Err = fmt.Errorf("HTTP response of %s: %w", p.URL, err)
			return p, true
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !isHTML(resp.Header.Get("Content-Type")) {
			return p, false
		}
		p.HTML, p.Err = readBody(resp.Body, resp.Header.Get("Content-Encoding"), max)
	default:
		return p, false
	}
	if p.Err != nil {
		p.Err = fmt.Errorf("%s: %w", p.URL, p.Err)
	}
	return p, true
}

func isHTML(contentType string) bool {
	t, _, err := mime.ParseMediaType(contentType)
	return err == nil && (t == "text/html" || t == "application/xhtml+xml")
}

// counter counts the bytes read through it.
type counter struct {
	r io.Reader
	n int64
}

func (c *counter) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}

// ErrTooLarge is the error of a page over the size limit.
var ErrTooLarge = errors.New("page too large")

// readBody reads a response body, decoding its Content-Encoding (archives
// keep what the server sent), at most max bytes.
func readBody(r io.Reader, encoding string, max int) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gzip content: %w", err)
		}
		defer zr.Close()
		r = zr
	case "deflate":
		r = flate.NewReader(r)
	default:
		return nil, fmt.Errorf("content encoding %q not supported", encoding)
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if len(b) > max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, max)
	}
	return b, nil
}
