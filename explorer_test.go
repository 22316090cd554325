package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/graph"
)

// chromium finds a Chromium to drive: $CHROME, or Debian's chromium.
func chromium() string {
	if p := os.Getenv("CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestExplorer drives the /explore page in headless Chromium: search
// "Obrador", open the node and its neighbours, click an edge, read its
// sentence. NEWSGRAPH_SCREENSHOT=FILE saves a screenshot (the README's).
func TestExplorer(t *testing.T) {
	exe := chromium()
	if exe == "" {
		missing(t, "no Chromium (apt-get install chromium, or set CHROME)")
	}
	srv := sampleServer(t)

	ctx := browser(t, exe)

	var nodes int
	var panel, results string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/explore/"),
		chromedp.WaitVisible("#search", chromedp.ByID),
		chromedp.SendKeys("#search", "Obrador", chromedp.ByID),
		chromedp.WaitVisible("#results li", chromedp.ByQuery),
		chromedp.Text("#results", &results, chromedp.ByID),
		chromedp.Click("#results li", chromedp.ByQuery),
		chromedp.Poll(`window.ngState.nodes >= 3 && window.ngState.panel.length > 0`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Evaluate(`window.ngState.nodes`, &nodes),
	)
	if err != nil {
		t.Fatalf("search and open: %v (results %q)", err, results)
	}
	if !strings.Contains(results, "Andrés Manuel López Obrador") {
		t.Errorf("search results %q", results)
	}
	// Click the edge "Antony Blinken —meet with→ López Obrador" where it is
	// drawn on the canvas.
	var pos struct{ X, Y float64 }
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`(() => {
			const e = cy.edges().filter((e) => e.data("predicate") === "meet with")[0] || cy.edges()[0];
			cy.fit(e, 200);
			const m = e.renderedMidpoint(), r = cy.container().getBoundingClientRect();
			return {X: r.left + m.x, Y: r.top + m.y};
		})()`, &pos),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.ActionFunc(func(ctx context.Context) error {
			// move there first, as a hand would: the canvas tracks the pointer
			if err := chromedp.MouseEvent(input.MouseMoved, pos.X, pos.Y).Do(ctx); err != nil {
				return err
			}
			return chromedp.MouseClickXY(pos.X, pos.Y).Do(ctx)
		}),
		chromedp.Poll(`document.getElementById("panelTitle").textContent === "Statement"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Text("#panel", &panel, chromedp.ByID),
	)
	if err != nil {
		t.Fatalf("click an edge: %v", err)
	}
	if !strings.Contains(panel, "Antony Blinken —meet with→ Andrés Manuel López Obrador") || !strings.Contains(panel, "met with Mexico's president") ||
		!strings.Contains(panel, "border crossings") {
		t.Errorf("edge panel %q: want the statement, its sentence and its article", panel)
	}
	var marked int
	if err := chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("#panel mark").length`, &marked)); err != nil || marked == 0 {
		t.Errorf("no highlighted span in the panel (%v)", err)
	}
	// The shortest path between the two people (chosen as a shift-click
	// would), drawn on the graph.
	var pathStatus string
	var onPath int
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`(() => {
			const a = cy.nodes().filter((n) => n.data("name") === "Antony Blinken")[0];
			const b = cy.nodes().filter((n) => n.data("name").startsWith("Andrés Manuel"))[0];
			pathEnds = [a, b];
			return true;
		})()`, nil),
		chromedp.Click("#pathBtn", chromedp.ByID),
		chromedp.Poll(`document.getElementById("status").textContent.startsWith("path of")`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Text("#status", &pathStatus, chromedp.ByID),
		chromedp.Evaluate(`cy.edges(".path").length`, &onPath),
	)
	if err != nil || pathStatus != "path of 1 statement" || onPath != 1 {
		t.Errorf("shortest path: %v, status %q, %d edges marked", err, pathStatus, onPath)
	}
	if file := os.Getenv("NEWSGRAPH_SCREENSHOT"); file != "" {
		var png []byte
		if err := chromedp.Run(ctx, chromedp.Evaluate(`cy.fit(undefined, 30), true`, nil), chromedp.Sleep(300*time.Millisecond),
			chromedp.FullScreenshot(&png, 100)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("graph shows %d nodes; edge panel: %.120s", nodes, panel)
}

// TestExplorerMap drives the map in headless Chromium: the places of the
// view are drawn on the world outline, and clicking one selects its node.
// NEWSGRAPH_MAP_SCREENSHOT=FILE saves a screenshot.
func TestExplorerMap(t *testing.T) {
	exe := chromium()
	if exe == "" {
		missing(t, "no Chromium (apt-get install chromium, or set CHROME)")
	}
	srv := sampleServer(t)
	ctx := browser(t, exe)
	var places int
	var results string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/explore/"),
		chromedp.WaitVisible("#search", chromedp.ByID),
		chromedp.Poll(`document.querySelector("#map path.land") !== null`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.SendKeys("#search", "Mexico", chromedp.ByID),
		chromedp.WaitVisible("#results li", chromedp.ByQuery),
		chromedp.Text("#results", &results, chromedp.ByID),
		chromedp.Click("#results li", chromedp.ByQuery),
		chromedp.Poll(`window.ngState.places >= 1`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		// a second neighbourhood in the view: Nogales, Arizona's
		chromedp.Evaluate(`document.getElementById("search").value = ""`, nil),
		chromedp.SendKeys("#search", "Nogales", chromedp.ByID),
		chromedp.Poll(`[...document.querySelectorAll("#results li")].some((li) => li.textContent.startsWith("Nogales"))`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Click("#results li", chromedp.ByQuery),
		chromedp.Poll(`window.ngState.places >= 2`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Evaluate(`window.ngState.places`, &places),
	)
	if err != nil {
		t.Fatalf("search and open Mexico and Nogales: %v (results %q)", err, results)
	}
	// Every place drawn is a located node of the view, inside the map.
	var check struct {
		Drawn, Located int
		Inside         bool
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const cs = [...document.querySelectorAll("#places circle")];
		const box = document.getElementById("map").viewBox.baseVal;
		return {drawn: cs.length,
			located: cy.nodes(":visible").filter((n) => typeof n.data("lat") === "number").length,
			inside: cs.every((c) => +c.getAttribute("cx") >= 0 && +c.getAttribute("cx") <= box.width && +c.getAttribute("cy") >= 0 && +c.getAttribute("cy") <= box.height)};
	})()`, &check)); err != nil {
		t.Fatal(err)
	}
	if check.Drawn != places || check.Drawn != check.Located || !check.Inside {
		t.Errorf("map: %d circles, %d located nodes, ngState.places %d, inside %v", check.Drawn, check.Located, places, check.Inside)
	}
	// Click another place's circle where it is drawn: its node is selected
	// and its panel shows its location.
	var target struct {
		ID, Name string
		X, Y     float64
	}
	err = chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const c = [...document.querySelectorAll("#places circle")].find((c) => !cy.getElementById(c.dataset.id).selected());
		const r = c.getBoundingClientRect();
		return {id: c.dataset.id, name: cy.getElementById(c.dataset.id).data("name"), x: r.left + r.width / 2, y: r.top + r.height / 2};
	})()`, &target))
	if err != nil {
		t.Fatal(err)
	}
	var selected, title, panel string
	err = chromedp.Run(ctx,
		chromedp.MouseClickXY(target.X, target.Y),
		chromedp.Poll(`window.ngState.selected === `+strconv.Quote(target.ID)+` && document.getElementById("panel").textContent.includes("at ")`,
			nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`cy.$("node:selected").map((n) => n.id()).join(" ")`, &selected),
		chromedp.Evaluate(`document.getElementById("panelTitle").textContent`, &title),
		chromedp.Evaluate(`document.getElementById("panel").textContent`, &panel),
	)
	if err != nil {
		t.Fatalf("click the place %q on the map: %v", target.Name, err)
	}
	if selected != target.ID || !strings.HasPrefix(title, target.Name) || !strings.Contains(panel, "same as https://sws.geonames.org/") {
		t.Errorf("after clicking %q (%s): selected %q, panel %q: %.200s", target.Name, target.ID, selected, title, panel)
	}
	var marked int
	if err := chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("#places circle.selected").length`, &marked)); err != nil || marked != 1 {
		t.Errorf("%d places marked selected (%v), want 1", marked, err)
	}
	if file := os.Getenv("NEWSGRAPH_MAP_SCREENSHOT"); file != "" {
		var png []byte
		if err := chromedp.Run(ctx, chromedp.Sleep(300*time.Millisecond), chromedp.FullScreenshot(&png, 100)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d places drawn; clicked %s", places, target.Name)
}

// TestExplorerFirstScreen drives the first screen, the address and the
// labels in headless Chromium: without a search the page says how many
// articles and entities the graph holds and lists its largest entities
// (as largestEntities ranks them); clicking one draws it at the server's
// confidence threshold, with names that wrap and do not overlap; and the
// address (?q=, ?node=) reopens a search and a node.
func TestExplorerFirstScreen(t *testing.T) {
	exe := chromium()
	if exe == "" {
		missing(t, "no Chromium (apt-get install chromium, or set CHROME)")
	}
	// the sample article, served with serve's threshold
	srv := articlesServer(t, []string{"testdata/articles/border-crossings.txt"},
		graph.ServerOptions{MinConfidence: graph.DefaultMinConfidence})
	var want struct {
		Data struct {
			LargestEntities []struct {
				Entity struct{ ID, Name string }
			}
		}
	}
	resp, err := http.Post(srv.URL+"/query", "application/json", strings.NewReader(`{"query": "{ largestEntities(first: 12) { entity { id name } } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&want)
	resp.Body.Close()
	largest := want.Data.LargestEntities
	if len(largest) == 0 {
		t.Fatal("largestEntities is empty")
	}

	ctx := browser(t, exe)
	var counts string
	var names []string
	err = chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/explore/"),
		chromedp.Poll(`window.ngState.ready && window.ngState.overview`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text("#counts", &counts, chromedp.ByID),
		chromedp.Evaluate(`[...document.querySelectorAll("#largest li .name")].map((e) => e.textContent)`, &names),
	)
	if err != nil {
		t.Fatalf("first screen: %v", err)
	}
	if !strings.HasPrefix(counts, "1 article, ") || !strings.HasSuffix(counts, " entities.") {
		t.Errorf("counts %q, want 1 article and the entities", counts)
	}
	if len(names) != len(largest) || names[0] != largest[0].Entity.Name {
		t.Errorf("largest entities shown %q, want those of largestEntities (%d, first %q)", names, len(largest), largest[0].Entity.Name)
	}

	// Open the largest entity: the graph is drawn at the default threshold
	// and the address names the node.
	var view struct {
		Conf       string
		Under      int
		URL        string
		Overlaps   []string
		Stacked    int
		Parted     int
		LongName   string
		LongWidth  float64
		LongHeight float64
		FontHeight float64
		Zoom       float64
	}
	err = chromedp.Run(ctx,
		chromedp.Click("#largest li", chromedp.ByQuery),
		chromedp.Poll(`window.ngState.selected !== "" && window.ngState.nodes >= 2`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		// and the neighbourhoods of the next four, for a crowded view
		chromedp.Evaluate(`(async () => {
			for (const li of [...document.querySelectorAll("#largest li")].slice(1, 5)) await expand(li.dataset.id);
			return true;
		})()`, nil, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
		chromedp.Evaluate(`(() => {
			const vis = cy.nodes(":visible");
			const overlaps = () => {
				const boxes = vis.map((n) => [n.data("name"), n.boundingBox({includeLabels: true, includeOverlays: false})]);
				const out = [];
				for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
					const a = boxes[i][1], b = boxes[j][1];
					if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push(boxes[i][0] + " / " + boxes[j][0]);
				}
				return out;
			};
			const drawn = overlaps();
			// the check sees two nodes put on one another, and separateLabels
			// parts them
			vis[1].position(vis[0].position());
			const stacked = overlaps().length;
			separateLabels();
			const parted = overlaps().length;
			const long = vis.sort((a, b) => b.data("name").length - a.data("name").length)[0];
			const lb = long.boundingBox({includeNodes: false, includeLabels: true, includeOverlays: false});
			return {conf: document.getElementById("conf").value,
				under: cy.edges(":visible").filter((e) => e.data("confidence") < `+strconv.FormatFloat(graph.DefaultMinConfidence, 'g', -1, 64)+`).length,
				url: location.href, overlaps: drawn, stacked, parted, longName: long.data("name"), longWidth: lb.w, longHeight: lb.h,
				fontHeight: parseFloat(long.style("font-size")), zoom: cy.zoom()};
		})()`, &view),
	)
	if err != nil {
		t.Fatalf("open the largest entity: %v", err)
	}
	if want := strconv.FormatFloat(graph.DefaultMinConfidence, 'g', -1, 64); view.Conf != want || view.Under != 0 {
		t.Errorf("confidence filter at %s, %d edges under it shown; want the server's %s and none", view.Conf, view.Under, want)
	}
	if u, err := url.Parse(view.URL); err != nil || u.Query().Get("node") != largest[0].Entity.ID {
		t.Errorf("address %s, want node=%s", view.URL, largest[0].Entity.ID)
	}
	if len(view.Overlaps) > 0 {
		t.Errorf("names overlap at the default zoom: %q", view.Overlaps)
	}
	if view.Stacked == 0 || view.Parted != 0 {
		t.Errorf("two nodes on one another: %d overlaps seen, %d after separateLabels; want some, then none", view.Stacked, view.Parted)
	}
	// Names are drawn at a readable size: at least 8 px on the screen.
	if px := view.Zoom * view.FontHeight; px < 8 {
		t.Errorf("names drawn %.1f px high (zoom %.2f): want 8 or more", px, view.Zoom)
	}
	// The longest name wraps: narrower than the label width, over lines.
	if len(view.LongName) > 25 && (view.LongWidth > 120 || view.LongHeight < 2*view.FontHeight) {
		t.Errorf("label %q is %.0f×%.0f: want it wrapped within 110 px", view.LongName, view.LongWidth, view.LongHeight)
	}

	// A linked search and a linked node reopen.
	var results, title, selected string
	err = chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/explore/?q=Obrador"),
		chromedp.Poll(`window.ngState.ready`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.WaitVisible("#results li", chromedp.ByQuery),
		chromedp.Text("#results", &results, chromedp.ByID),
		chromedp.Navigate(srv.URL+"/explore/?node="+url.QueryEscape(largest[0].Entity.ID)),
		chromedp.Poll(`window.ngState.ready && window.ngState.selected !== ""`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Evaluate(`window.ngState.selected`, &selected),
		chromedp.Poll(`document.getElementById("panelTitle").textContent !== "What the graph holds"`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`document.getElementById("panelTitle").textContent`, &title),
	)
	if err != nil {
		t.Fatalf("linked views: %v", err)
	}
	if !strings.Contains(results, "Andrés Manuel López Obrador") {
		t.Errorf("?q=Obrador: results %q", results)
	}
	if selected != largest[0].Entity.ID || !strings.HasPrefix(title, largest[0].Entity.Name) {
		t.Errorf("?node=: selected %q, panel %q; want %s", selected, title, largest[0].Entity.Name)
	}
	t.Logf("first screen %q, largest %q; longest label %q %.0f×%.0f; zoom %.2f", counts, names, view.LongName, view.LongWidth, view.LongHeight, view.Zoom)
}

// browser starts headless Chromium for a test, with a minute to run.
func browser(t *testing.T, exe string) context.Context {
	t.Helper()
	// In containers Chromium needs no sandbox and no /dev/shm; on a busy
	// machine it is sometimes slow to come up, so it gets three tries.
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-dev-shm-usage", true), chromedp.WindowSize(1400, 900))
	for try := 1; ; try++ {
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
		c, cancelB := chromedp.NewContext(actx)
		err := chromedp.Run(c) // starts the browser
		if err == nil {
			t.Cleanup(cancelA)
			t.Cleanup(cancelB)
			ctx, cancel := context.WithTimeout(c, 60*time.Second)
			t.Cleanup(cancel)
			return ctx
		}
		cancelB()
		cancelA()
		if try == 3 {
			t.Fatalf("Chromium did not start: %v", err)
		}
		time.Sleep(time.Second)
	}
}
