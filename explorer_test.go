package main

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
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
