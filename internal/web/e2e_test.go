package web_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/truce-monitor/truce"
)

// The end-to-end tests load the pages in headless chromium: no console
// error on any page, the maps drawn, the filters working from the
// keyboard, no English left in the Ukrainian and Russian pages, and the
// report form's round trip.

// pagePaths are the pages every end-to-end test visits.
func pagePaths(e *env) []string {
	return []string{"/", "/incidents", "/incidents/" + e.Published[0], "/agreements", "/agreements/air-sea-truce",
		"/agreements/plant-safety-zone", "/reports/daily/2025-09-10", "/log", "/signin", "/reports/new"}
}

func TestBrowserPagesHaveNoErrors(t *testing.T) {
	e := sharedEnv(t)
	tb := newTab(t, 1280, 900)
	for _, who := range []struct{ name, token string }{{"public", ""}, {"monitor", e.Tokens[truce.RoleMonitor]}} {
		tb.signOut()
		if who.token != "" {
			tb.signIn(who.token)
		}
		for _, p := range pagePaths(e) {
			status := tb.open(p + "?lang=en")
			want := int64(200)
			if p == "/reports/new" && who.token == "" {
				want = 401
			}
			if status != want {
				t.Errorf("%s %s: status %d, want %d", who.name, p, status, want)
			}
			if errs := tb.errors(); len(errs) > 0 {
				t.Errorf("%s %s: console errors:\n%s", who.name, p, strings.Join(errs, "\n"))
			}
		}
	}
}

func TestBrowserMapDrawsBoundariesAndIncidents(t *testing.T) {
	e := sharedEnv(t)
	tb := newTab(t, 1280, 900)
	tb.signIn(e.Tokens[truce.RoleMonitor])
	tb.open("/?lang=en&agreement=air-sea-truce")
	areas := eval[int](tb, `document.querySelectorAll('#map .leaflet-overlay-pane path').length`)
	if areas < 26 { // 25 oblasts and Crimea in the boundaries, and the occupied area
		t.Errorf("the map drew %d areas, want the oblasts and the occupied area", areas)
	}
	markers := eval[int](tb, `document.querySelectorAll('#map .leaflet-marker-pane .pt, #map .leaflet-marker-pane .cluster').length`)
	violations := eval[int](tb, `document.querySelectorAll('#map .pt-violation, #map .cluster.has-violations').length`)
	labels := eval[int](tb, `document.querySelectorAll('#map .region-label').length`)
	if markers < 10 || violations == 0 || labels != 6 {
		t.Errorf("the map drew %d incident markers (%d with violations) and %d region names", markers, violations, labels)
	}
	got := eval[int](tb, `+document.getElementById('map').getAttribute('data-points')`)
	drawn := eval[int](tb, `(function () {
		var n = document.querySelectorAll('#map .leaflet-marker-pane .pt').length;
		document.querySelectorAll('#map .leaflet-marker-pane .cluster').forEach(function (c) { n += parseInt(c.textContent, 10); });
		return n;
	})()`)
	if got < 100 || drawn != got || got > mustStats(t, e).Total {
		t.Errorf("the map got %d incidents of %d and drew %d", got, mustStats(t, e).Total, drawn)
	}
	// A marker opens a popup that links to its incident, from the keyboard.
	tb.do("open a popup", chromedp.Evaluate[chromedp.Void](`(function () {
		var m = document.querySelector('#map .leaflet-marker-pane .pt');
		if (!m) { document.querySelector('#map .cluster').click(); return; }
		m.focus(); m.dispatchEvent(new KeyboardEvent('keypress', {key: 'Enter', keyCode: 13, bubbles: true}));
	})()`))
	tb.do("wait for the popup", chromedp.WaitVisible(chromedp.CSS(".leaflet-popup-content a[href^='/incidents/']")))
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

func mustStats(t *testing.T, e *env) *truce.IncidentStats {
	t.Helper()
	st, err := e.App.IncidentStats(staffCtx(), truce.StatsQuery{Agreement: "air-sea-truce"})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestBrowserFiltersChangeTheListAndTheURL(t *testing.T) {
	e := sharedEnv(t)
	tb := newTab(t, 1280, 900)
	tb.signIn(e.Tokens[truce.RoleMonitor])
	tb.open("/incidents?lang=en")
	before := eval[int](tb, `document.querySelectorAll('table.incidents tbody tr').length`)
	// A list: choosing a kind reloads the page with it.
	status := tb.submitBy("choose a kind", `(function () {
		var s = document.getElementById('f-kind'); s.value = 'explosion';
		s.dispatchEvent(new Event('change', {bubbles: true}));
	})()`)
	url := eval[string](tb, "location.search")
	kinds := eval[[]string](tb, `Array.from(document.querySelectorAll('table.incidents tbody tr td:nth-child(3)')).map(function (td) { return td.textContent.trim(); })`)
	if status != 200 || !strings.Contains(url, "kind=explosion") {
		t.Errorf("after choosing a kind: status %d, URL %q", status, url)
	}
	if len(kinds) == 0 || len(kinds) >= before {
		t.Errorf("the list went from %d to %d rows", before, len(kinds))
	}
	for _, k := range kinds {
		if !strings.HasPrefix(k, "Explosion") {
			t.Errorf("a row of kind %q under kind=explosion", k)
		}
	}
	// The keyboard: type an area and press Enter.
	tb.do("type an area", chromedp.Focus(chromedp.ID("f-bbox")), chromedp.SendKeys(chromedp.ID("f-bbox"), "22,44,30,53"))
	status = tb.submitBy("press Enter", `document.getElementById('f-bbox').form.requestSubmit()`)
	url = eval[string](tb, "location.search")
	if status != 200 || !strings.Contains(url, "bbox=22%2C44%2C30%2C53") || !strings.Contains(url, "kind=explosion") {
		t.Errorf("after typing an area: status %d, URL %q", status, url)
	}
	// A bad area is refused with its reason, the form keeping it.
	tb.open("/incidents?lang=en&bbox=1,2,3")
	if msg := eval[string](tb, `document.querySelector('.alert').textContent`); !strings.Contains(msg, "bbox") {
		t.Errorf("bad bbox: %q", msg)
	}
	if v := eval[string](tb, `document.getElementById('f-bbox').value`); v != "1,2,3" {
		t.Errorf("the form lost the bad value: %q", v)
	}
}

// uiText collects what a reader sees of the page's interface: its text
// and the labels of its controls, without the data (names, quotations,
// reasons, codes) that the page marks as not to translate or as English.
const uiText = `(function () {
	var skip = 'script, style, pre, code, [translate="no"], [lang="en"], .leaflet-control-attribution a';
	var out = [];
	var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	while (walker.nextNode()) {
		var n = walker.currentNode;
		if (n.parentElement && !n.parentElement.closest(skip) && n.textContent.trim()) { out.push(n.textContent.trim()); }
	}
	document.querySelectorAll('[placeholder], [aria-label], [title], [alt]').forEach(function (el) {
		if (el.closest(skip)) { return; }
		['aria-label', 'title', 'alt'].forEach(function (a) { if (el.getAttribute(a)) { out.push(el.getAttribute(a)); } });
	});
	out.push(document.title);
	return out;
})()`

// allowedLatin are the Latin words a Ukrainian or Russian page may show:
// the brand, the data sources' names, formats and party codes.
var allowedLatin = map[string]bool{"Truce": true, "OpenStreetMap": true, "DeepStateMap.Live": true, "EN": true,
	"truce": true, "truce_": true, "cookie": true,
	"A": true, "B": true, "C": true, "D": true, "E": true, "F": true} // Admiralty grades of sources

func TestBrowserUkrainianAndRussianHaveNoEnglish(t *testing.T) {
	e := sharedEnv(t)
	tb := newTab(t, 1280, 900)
	word := regexp.MustCompile(`[A-Za-z][A-Za-z_.-]*[A-Za-z_]|[A-Za-z]`)
	for _, lang := range []string{"uk", "ru"} {
		for _, who := range []string{"", e.Tokens[truce.RoleMonitor]} {
			tb.signOut()
			if who != "" {
				tb.signIn(who)
			}
			for _, p := range pagePaths(e) {
				tb.open(p + "?lang=" + lang)
				if got := eval[string](tb, "document.documentElement.lang"); got != lang {
					t.Fatalf("%s: page language %q", p, got)
				}
				seen := map[string]bool{}
				for _, s := range eval[[]string](tb, uiText) {
					for _, w := range word.FindAllString(s, -1) {
						if !allowedLatin[w] && !seen[w] {
							seen[w] = true
							t.Errorf("%s %s (signed in: %v): English %q in %q", lang, p, who != "", w, s)
						}
					}
				}
			}
		}
	}
}

func TestBrowserReportForm(t *testing.T) {
	e := sharedEnv(t)
	tb := newTab(t, 1280, 900)
	tb.signOut()
	// Sign in through the form.
	tb.open("/signin?lang=en&next=/reports/new")
	tb.do("type the token", chromedp.SendKeys(chromedp.ID("token"), e.Tokens[truce.RoleMonitor]))
	if status := tb.submit("form[action='/signin'] button[type=submit]"); status != 200 {
		t.Fatalf("sign in: status %d", status)
	}
	if path := eval[string](tb, "location.pathname"); path != "/reports/new" {
		t.Fatalf("signed in to %s, want the form", path)
	}
	// A latitude out of range: the error is next to the field, the input kept.
	tb.do("fill the form",
		chromedp.SendKeys(chromedp.ID("source_name"), "Patrol 9"),
		chromedp.SetValue(chromedp.ID("kind"), "strike"),
		chromedp.SetValue(chromedp.ID("from"), "2025-09-11T08:15"),
		chromedp.SendKeys(chromedp.ID("lat"), "95.5"),
		chromedp.SendKeys(chromedp.ID("lon"), "36.2"),
		chromedp.SendKeys(chromedp.ID("source_ref"), fmt.Sprintf("patrol-9/e2e-%d", time.Now().UnixNano())),
	)
	if status := tb.submit("form.report-form button[type=submit]"); status != 422 {
		t.Fatalf("a bad latitude: status %d, want 422", status)
	}
	if msg := eval[string](tb, `(document.getElementById('lat-error') || {}).textContent || ''`); !strings.Contains(msg, "not a latitude") {
		t.Errorf("no error next to the latitude: %q", msg)
	}
	if focused := eval[string](tb, `document.activeElement.id`); focused != "lat" {
		t.Errorf("the focus is on %q, want the field in error", focused)
	}
	for id, want := range map[string]string{"source_name": "Patrol 9", "lat": "95.5", "lon": "36.2", "kind": "strike", "from": "2025-09-11T08:15"} {
		if got := eval[string](tb, `document.getElementById('`+id+`').value`); got != want {
			t.Errorf("%s = %q after the error, want %q", id, got, want)
		}
	}
	// Corrected, it is accepted.
	tb.do("correct the latitude", chromedp.Clear(chromedp.ID("lat")), chromedp.SendKeys(chromedp.ID("lat"), "49.95"))
	if status := tb.submit("form.report-form button[type=submit]"); status != 200 {
		t.Fatalf("corrected: status %d", status)
	}
	if msg := eval[string](tb, `(document.querySelector('.success') || {}).textContent || ''`); !strings.Contains(msg, "Report accepted") {
		t.Errorf("no acceptance: %q", msg)
	}
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
