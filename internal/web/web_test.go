package web_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
)

// client is a browser-like HTTP client of the test instance: it keeps
// cookies, does not follow redirects, and signs in by putting a token in
// the session cookie.
type client struct {
	t    *testing.T
	e    *env
	http *http.Client
}

func newClient(t *testing.T, token string) *client {
	t.Helper()
	e := sharedEnv(t)
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, e: e, http: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	if token != "" {
		u, _ := url.Parse(e.URL)
		jar.SetCookies(u, []*http.Cookie{{Name: "truce_session", Value: token}})
	}
	return c
}

// get fetches a path and returns the status and body.
func (c *client) get(path string, header ...string) (int, string, http.Header) {
	c.t.Helper()
	req, err := http.NewRequest("GET", c.e.URL+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Accept-Language", "en")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// post sends a form (with the CSRF token of the client's cookie, unless
// the form gives one) as a same-origin browser does.
func (c *client) post(path string, form url.Values) (int, string, http.Header) {
	c.t.Helper()
	form = cloneValues(form)
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", c.csrf())
	}
	req, _ := http.NewRequest("POST", c.e.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("Accept-Language", "en")
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// csrf returns the CSRF token of the client's cookie, getting a page first
// when there is none.
func (c *client) csrf() string {
	u, _ := url.Parse(c.e.URL)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == "truce_csrf" {
			return ck.Value
		}
	}
	c.get("/signin")
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == "truce_csrf" {
			return ck.Value
		}
	}
	c.t.Fatal("no CSRF cookie")
	return ""
}

func TestPagesAnswer(t *testing.T) {
	e := sharedEnv(t)
	monitor := e.Tokens[truce.RoleMonitor]
	tests := []struct {
		path, token string
		status      int
		contains    string
	}{
		{"/", "", 200, "Overview"},
		{"/", monitor, 200, "Violations per day"},
		{"/?agreement=no-such-agreement", "", 404, "Not found"},
		{"/incidents", "", 200, "Apply filters"},
		{"/incidents?kind=nonsense", "", 400, `kind: &#34;nonsense&#34; is not a report kind`},
		{"/incidents?agreement=no-such", "", 400, "not a loaded agreement"},
		{"/incidents/" + e.Published[0], "", 200, "Verdicts under each agreement"},
		{"/incidents/inc_missing", "", 404, "Not found"},
		{"/agreements", "", 200, "Truce in the air, at sea and on energy infrastructure"},
		{"/agreements/easter-truce-2025", "", 200, "Великоднє перемир&#39;я"},
		{"/agreements/no-such", "", 404, "Not found"},
		{"/reports/daily/2025-09-10", monitor, 200, "One counting rule for everyone"},
		{"/reports/daily/2025-13-01", "", 400, "is not a day"},
		{"/log", "", 200, "truce log verify \\\n  --server"},
		{"/signin", "", 200, "API token"},
		{"/reports/new", "", 401, "Sign in to file a report"},
		{"/reports/new", e.Tokens[truce.RoleViewer], 403, "Your role cannot file reports"},
		{"/reports/new", monitor, 200, "Submit the report"},
		{"/no/such/page", "", 404, "Not found"},
		{"/map/base/oblasts.geojson", "", 200, `"FeatureCollection"`},
		{"/map/base/nothing.geojson", "", 404, "Not found"},
		{"/static/app.css", "", 200, "--violation"},
		{"/static/vendor/leaflet/LICENSE", "", 200, "BSD"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, body, h := newClient(t, tt.token).get(tt.path)
			if status != tt.status {
				t.Errorf("status %d, want %d", status, tt.status)
			}
			if !strings.Contains(body, tt.contains) {
				t.Errorf("body lacks %q:\n%.600s", tt.contains, body)
			}
			if strings.HasPrefix(h.Get("Content-Type"), "text/html") {
				if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
					t.Errorf("Content-Security-Policy %q", csp)
				}
				if strings.Contains(body, "<script>") || strings.Contains(body, " style=") {
					t.Errorf("inline script or style in %s", tt.path)
				}
			}
		})
	}
}

// TestLogPageIsNotRedirected checks that /log reaches the page, not the
// log's /log/ tree.
func TestLogPageIsNotRedirected(t *testing.T) {
	status, body, _ := newClient(t, "").get("/log")
	if status != 200 || !strings.Contains(body, "Latest signed checkpoint") || !strings.Contains(html.UnescapeString(body), sharedEnv(t).Log.VerifierKey()) {
		t.Fatalf("GET /log: %d\n%.400s", status, body)
	}
	status, body, _ = newClient(t, "").get("/log/key")
	if status != 200 || strings.TrimSpace(body) != sharedEnv(t).Log.VerifierKey() {
		t.Errorf("GET /log/key: %d %q", status, body)
	}
}

// TestVisibility checks that the pages show what the API shows the same
// caller: the public only published incidents, a party also those naming
// it, the mission everything.
func TestVisibility(t *testing.T) {
	e := sharedEnv(t)
	admin := truce.WithPrincipal(context.Background(), truce.Principal{ID: "t", Role: truce.RoleAdmin})
	all, _, err := e.App.Incidents(admin, truce.IncidentFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var hiddenFromPublic, hiddenFromUA string
	for _, in := range all {
		if in.Status == truce.StatusPublished {
			continue
		}
		named := strings.Contains(","+strings.Join(in.Parties(), ",")+",", ",UA,")
		if hiddenFromPublic == "" && named {
			hiddenFromPublic = in.ID
		}
		if hiddenFromUA == "" && !named {
			hiddenFromUA = in.ID
		}
	}
	if hiddenFromPublic == "" || hiddenFromUA == "" {
		t.Fatal("fixture lacks unpublished incidents")
	}
	for _, tt := range []struct {
		who, token, id string
		status         int
	}{
		{"public", "", hiddenFromPublic, 404}, {"public", "", e.Published[0], 200},
		{"party UA", e.PartyUA, hiddenFromPublic, 200}, {"party UA", e.PartyUA, hiddenFromUA, 404},
		{"monitor", e.Tokens[truce.RoleMonitor], hiddenFromUA, 200}, {"viewer", e.Tokens[truce.RoleViewer], hiddenFromPublic, 404},
	} {
		if status, _, _ := newClient(t, tt.token).get("/incidents/" + tt.id); status != tt.status {
			t.Errorf("%s GET /incidents/%s: %d, want %d", tt.who, tt.id, status, tt.status)
		}
	}
	_, body, _ := newClient(t, "").get("/incidents?limit=200")
	if n := strings.Count(body, `class="row-link"`); n != len(e.Published) {
		t.Errorf("the public list shows %d incidents, want the %d published", n, len(e.Published))
	}
	_, body, _ = newClient(t, e.Tokens[truce.RoleMonitor]).get("/incidents?limit=200")
	if n := strings.Count(body, `class="row-link"`); n != len(all) {
		t.Errorf("the monitor's list shows %d incidents, want all %d", n, len(all))
	}
}

// TestOverviewCounts checks the overview's figures against the app's
// statistics for the same caller.
func TestOverviewCounts(t *testing.T) {
	e := sharedEnv(t)
	for _, who := range []struct {
		name  string
		token string
		p     truce.Principal
	}{
		{"public", "", truce.Public},
		{"monitor", e.Tokens[truce.RoleMonitor], truce.Principal{ID: "m", Role: truce.RoleMonitor}},
	} {
		t.Run(who.name, func(t *testing.T) {
			ctx := truce.WithPrincipal(context.Background(), who.p)
			st, err := e.App.IncidentStats(ctx, truce.StatsQuery{Agreement: "air-sea-truce"})
			if err != nil {
				t.Fatal(err)
			}
			_, body, _ := newClient(t, who.token).get("/?agreement=air-sea-truce")
			cards := regexp.MustCompile(`<span class="card-num">([0-9,]+)</span><span class="card-label">([^<]+)</span>`).FindAllStringSubmatch(body, -1)
			want := map[string]int{"Incidents": st.Total, "Violations": st.Verdicts[truce.Violation],
				"Indeterminate": st.Verdicts[truce.Indeterminate], "No violation": st.Verdicts[truce.NoViolation]}
			if len(cards) != 4 {
				t.Fatalf("%d cards", len(cards))
			}
			for _, c := range cards {
				if got := strings.ReplaceAll(c[1], ",", ""); got != itoa(want[c[2]]) {
					t.Errorf("card %s = %s, want %d", c[2], c[1], want[c[2]])
				}
			}
			if st.Total == 0 || st.Verdicts[truce.Violation] == 0 {
				t.Errorf("weak fixture: %+v", st.Verdicts)
			}
		})
	}
}

// TestIncidentFilters checks that the list applies the API's filters and
// keeps them in its links.
func TestIncidentFilters(t *testing.T) {
	e := sharedEnv(t)
	c := newClient(t, e.Tokens[truce.RoleMonitor])
	staff := truce.WithPrincipal(context.Background(), truce.Principal{ID: "m", Role: truce.RoleMonitor})
	for _, q := range []string{"kind=explosion", "agreement=air-sea-truce&verdict=violation&party=RU",
		"weapon=drone&admin1=Kharkiv", "from=2025-09-01&to=2025-09-05", "target=energy&limit=5", "bbox=30,46,36,50"} {
		t.Run(q, func(t *testing.T) {
			v, _ := url.ParseQuery(q)
			f, err := app.ParseIncidentQuery(v)
			if err != nil {
				t.Fatal(err)
			}
			if f.Limit == 0 {
				f.Limit = 50
			}
			want, next, err := e.App.Incidents(staff, f)
			if err != nil {
				t.Fatal(err)
			}
			status, body, _ := c.get("/incidents?" + q)
			if status != 200 {
				t.Fatalf("status %d", status)
			}
			got := regexp.MustCompile(`href="/incidents/(inc_[a-z0-9]+)">`).FindAllStringSubmatch(body, -1)
			if len(got) != len(want) {
				t.Fatalf("%d rows, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i][1] != want[i].ID {
					t.Errorf("row %d: %s, want %s", i, got[i][1], want[i].ID)
				}
			}
			if (next != "") != strings.Contains(body, `rel="next"`) {
				t.Errorf("next page link: API next %q", next)
			}
			csvLink := "/incidents.csv?" + strings.ReplaceAll(url.Values(stripPaging(v)).Encode(), "&", "&amp;")
			if !strings.Contains(body, csvLink) {
				t.Errorf("no CSV link %s", csvLink)
			}
		})
	}
}

func stripPaging(v url.Values) url.Values {
	c := url.Values{}
	for k, vs := range v {
		if k != "limit" && k != "cursor" {
			c[k] = vs
		}
	}
	return c
}

// TestDownloads checks the CSV and GeoJSON downloads: every incident the
// caller may see under the filters, across the store's pages.
func TestDownloads(t *testing.T) {
	e := sharedEnv(t)
	for _, who := range []struct{ name, token string }{{"public", ""}, {"monitor", e.Tokens[truce.RoleMonitor]}, {"party RU", e.PartyRU}} {
		t.Run(who.name, func(t *testing.T) {
			c := newClient(t, who.token)
			_, page, _ := c.get("/incidents?limit=1000")
			want := strings.Count(page, `class="row-link"`)
			status, body, h := c.get("/incidents.csv")
			if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") {
				t.Fatalf("CSV: %d %s", status, h.Get("Content-Type"))
			}
			rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows)-1 != want || rows[0][0] != "id" {
				t.Errorf("CSV has %d rows, want %d", len(rows)-1, want)
			}
			status, body, _ = c.get("/incidents.geojson")
			var fc struct {
				Type     string
				Features []struct {
					ID       string
					Geometry struct{ Coordinates []float64 }
				}
			}
			if err := json.Unmarshal([]byte(body), &fc); err != nil || status != 200 {
				t.Fatalf("GeoJSON: %d %v", status, err)
			}
			if fc.Type != "FeatureCollection" || len(fc.Features) != want {
				t.Errorf("GeoJSON has %d features, want %d", len(fc.Features), want)
			}
		})
	}
	status, body, _ := newClient(t, "").get("/incidents.csv?verdict=maybe")
	if status != 400 || !strings.Contains(body, "verdict") {
		t.Errorf("bad filter: %d", status)
	}
}

// TestMapData checks the map's incidents: the caller's, coloured by the
// chosen agreement, bounded by the view, and with since/until.
func TestMapData(t *testing.T) {
	e := sharedEnv(t)
	get := func(token, q string) mapResult {
		t.Helper()
		status, body, _ := newClient(t, token).get("/map/incidents.geojson?" + q)
		if status != 200 {
			t.Fatalf("%s: %d %.200s", q, status, body)
		}
		var r mapResult
		if err := json.Unmarshal([]byte(body), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	pub := get("", "agreement=air-sea-truce")
	if pub.Truce.Mode != "points" || len(pub.Features) != len(e.Published) {
		t.Errorf("public map: %s with %d features, want %d points", pub.Truce.Mode, len(pub.Features), len(e.Published))
	}
	mon := get(e.Tokens[truce.RoleMonitor], "agreement=air-sea-truce")
	viol := 0
	for _, f := range mon.Features {
		if f.Properties["verdict"] == "violation" {
			viol++
		}
	}
	ctx := truce.WithPrincipal(context.Background(), truce.Principal{ID: "m", Role: truce.RoleMonitor})
	st, _ := e.App.IncidentStats(ctx, truce.StatsQuery{Agreement: "air-sea-truce"})
	if viol != st.Verdicts[truce.Violation] || len(mon.Features) != st.Total {
		t.Errorf("monitor map: %d points, %d violations; want %d, %d", len(mon.Features), viol, st.Total, st.Verdicts[truce.Violation])
	}
	west := get(e.Tokens[truce.RoleMonitor], "agreement=air-sea-truce&bbox=22,44,30,53")
	for _, f := range west.Features {
		if f.Geometry.Coordinates[0] > 30 {
			t.Errorf("a point east of the box: %v", f.Geometry.Coordinates)
		}
	}
	if len(west.Features) == 0 || len(west.Features) >= len(mon.Features) {
		t.Errorf("the box kept %d of %d points", len(west.Features), len(mon.Features))
	}
	day := get(e.Tokens[truce.RoleMonitor], "since=2025-09-10T00:00:00%2B03:00&until=2025-09-11T00:00:00%2B03:00")
	if len(day.Features) == 0 || len(day.Features) >= len(mon.Features) {
		t.Errorf("one day has %d of %d points", len(day.Features), len(mon.Features))
	}
	if status, _, _ := newClient(t, "").get("/map/incidents.geojson?zoom=99"); status != 400 {
		t.Errorf("zoom 99: %d", status)
	}
}

type mapResult struct {
	Features []struct {
		Geometry   struct{ Coordinates []float64 }
		Properties map[string]any
	}
	Truce struct {
		Mode  string
		Count int
	}
}

// TestLanguages checks ?lang=, its cookie, and Accept-Language.
func TestLanguages(t *testing.T) {
	c := newClient(t, "")
	_, body, h := c.get("/?lang=uk")
	if !strings.Contains(body, `<html lang="uk"`) || !strings.Contains(body, "Огляд") || h.Get("Content-Language") != "uk" {
		t.Errorf("?lang=uk did not give Ukrainian")
	}
	_, body, _ = c.get("/incidents")
	if !strings.Contains(body, `<html lang="uk"`) {
		t.Errorf("the lang cookie was not kept")
	}
	_, body, _ = newClient(t, "").get("/", "Accept-Language", "ru-RU,ru;q=0.9")
	if !strings.Contains(body, `<html lang="ru"`) || !strings.Contains(body, "Обзор") {
		t.Errorf("Accept-Language ru did not give Russian")
	}
	_, body, _ = newClient(t, "").get("/?lang=xx", "Accept-Language", "de")
	if !strings.Contains(body, `<html lang="en"`) {
		t.Errorf("an unknown language did not fall back to English")
	}
}

func mustJSON(t *testing.T, body string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("not JSON (%v): %.200s", err, body)
	}
}

func cloneValues(v url.Values) url.Values {
	c := url.Values{}
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	return c
}

// staffCtx is the context of a monitor.
func staffCtx() context.Context {
	return truce.WithPrincipal(context.Background(), truce.Principal{ID: "m", Role: truce.RoleMonitor})
}
