package ingest

import (
	"context"
	"errors"

	"github.com/newsgraph/newsgraph/kg"
)

// Articles reads cfg.Sources as Run reads them, without extracting or
// storing anything: fn gets each article (a text file, a web page read
// for its main text, a JSON line, a feed's item, a web archive's page) in
// input order with where it came from (file, file:line, file#item, "file
// URL"), or the error that fails it in a load. Files of directories that
// are not read are returned. It stops when fn returns false or ctx ends;
// its error is one that ends a load (a source that does not exist).
// Used by extract, to preview what load will read.
func Articles(ctx context.Context, cfg Config, fn func(origin string, a kg.Article, err error) bool) ([]Ignored, error) {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	list, err := files(cfg.Sources)
	if err != nil {
		return nil, err
	}
	var ignored []Ignored
	for _, e := range list {
		if e.ignore != "" {
			ignored = append(ignored, Ignored{e.path, e.ignore})
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan item, 4)
	var readErr error
	go func() {
		defer close(items)
		readErr = read(ctx, cfg, list, func(it item) bool {
			select {
			case items <- it:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	for it := range items {
		a, err := articleOf(it, cfg.MaxBytes)
		if !fn(it.origin, a, err) {
			cancel()
			for range items {
			}
			return ignored, nil
		}
	}
	if readErr != nil {
		return ignored, readErr
	}
	return ignored, ctx.Err()
}

// articleOf is the article of an item as a load reads it before
// extraction: a web page read, its given metadata winning, metadata made
// valid UTF-8; or why it fails (a read error, over maxBytes, empty).
func articleOf(it item, maxBytes int) (kg.Article, error) {
	if it.err == nil && it.page != nil {
		it.art, it.err = pageArticle(it.origin, it.page, it.url, it.fetched)
		if it.given != nil {
			it.art = withGiven(it.art, *it.given)
		}
	}
	switch {
	case it.err != nil:
		return it.art, it.err
	case len(it.art.Text) > maxBytes:
		return it.art, kg.Errorf(kg.ETOOLARGE, "article larger than %d bytes", maxBytes)
	case kg.NormalizeText(it.art.Text) == "":
		return it.art, errors.New("empty article")
	}
	return it.art.ValidMetadata(), nil
}
