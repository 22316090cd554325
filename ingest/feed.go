package ingest

import (
	"bytes"
	"strconv"

	"github.com/newsgraph/newsgraph/feed"
	"github.com/newsgraph/newsgraph/kg"
)

// readFeed sends the items of a news feed as articles, like the files of
// a directory; it returns false when the load stops. An item that is only
// a link (no content, no summary) is a failure that names its link: the
// feed does not carry its text.
func readFeed(name string, maxBytes int, send func(item) bool) bool {
	b, err := readLimited(name, 64*maxBytes)
	if err != nil {
		return send(item{origin: name, err: err})
	}
	items, err := feed.Parse(bytes.NewReader(b))
	for i, it := range items {
		origin := name + "#" + strconv.Itoa(i+1)
		x := item{origin: origin, art: it.Article}
		if x.art.Text == "" {
			x.err = kg.Errorf(kg.EINVALID, "feed item %q has no text, only a link: %s", it.Article.Title, it.Article.URL)
		}
		if !send(x) {
			return false
		}
	}
	// A feed that breaks off is a failure after the items before the
	// break (feed.Parse returns them with the error).
	if err != nil {
		return send(item{origin: name, err: err})
	}
	return true
}

// countFeed is how many items a feed holds.
func countFeed(name string, maxBytes int) int {
	b, err := readLimited(name, 64*maxBytes)
	if err != nil {
		return 1
	}
	items, err := feed.Parse(bytes.NewReader(b))
	if err != nil {
		return len(items) + 1
	}
	return max(len(items), 1)
}
