package webpage_test

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/webpage"
)

func ExampleRead() {
	page := `<!DOCTYPE html><html><head>
<title>Council passes the budget - Harbour Herald</title>
<meta property="og:site_name" content="Harbour Herald">
<meta name="author" content="Tom Reyes">
<meta property="article:published_time" content="2024-03-19T16:45:00Z">
</head><body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Council passes the budget after a long debate</h1>
<p>The city council passed next year's budget on Tuesday after a debate that lasted until midnight, with nine votes for it and four against.</p>
<figure><img src="c.jpg"><figcaption>Councillors vote. Photo: A. Lee</figcaption></figure>
<p>The budget raises spending on the harbour bridge and the ferries by a fifth.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>`
	p, err := webpage.Read(strings.NewReader(page), webpage.Options{URL: "https://herald.example.org/budget"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title)
	fmt.Println(p.Author, "|", p.SiteName, "|", p.Published.Format("2006-01-02"), "|", p.URL)
	fmt.Println(p.Text)
	// Output:
	// Council passes the budget after a long debate
	// Tom Reyes | Harbour Herald | 2024-03-19 | https://herald.example.org/budget
	// The city council passed next year's budget on Tuesday after a debate that lasted until midnight, with nine votes for it and four against.
	//
	// The budget raises spending on the harbour bridge and the ferries by a fifth.
}
