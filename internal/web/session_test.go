package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/web"
)

func TestSignIn(t *testing.T) {
	e := sharedEnv(t)
	c := newClient(t, "")
	status, body, _ := c.post("/signin", url.Values{"token": {"truce_not-a-token"}, "next": {"/incidents"}})
	if status != http.StatusUnauthorized || !strings.Contains(body, "This token is not valid") || !strings.Contains(body, `aria-invalid="true"`) {
		t.Fatalf("bad token: %d\n%.300s", status, body)
	}
	status, _, h := c.post("/signin", url.Values{"token": {" " + e.Tokens[truce.RoleAnalyst] + " "}, "next": {"/incidents?kind=strike"}})
	if status != http.StatusSeeOther || h.Get("Location") != "/incidents?kind=strike" {
		t.Fatalf("good token: %d, Location %q", status, h.Get("Location"))
	}
	cookie := ""
	for _, v := range h.Values("Set-Cookie") {
		if strings.HasPrefix(v, "truce_session=") {
			cookie = v
		}
	}
	for _, attr := range []string{"HttpOnly", "SameSite=Strict", "Path=/"} {
		if !strings.Contains(cookie, attr) {
			t.Errorf("session cookie %q lacks %s", cookie, attr)
		}
	}
	if strings.Contains(cookie, "Secure") {
		t.Errorf("session cookie %q is Secure over plain HTTP", cookie)
	}
	_, body, _ = c.get("/")
	if !strings.Contains(body, "Analyst") || !strings.Contains(body, "Sign out") {
		t.Errorf("not signed in after the form")
	}
	status, _, h = c.post("/signout", url.Values{})
	if status != http.StatusSeeOther {
		t.Errorf("sign out: %d", status)
	}
	_, body, _ = c.get("/")
	if strings.Contains(body, "Sign out") {
		t.Errorf("still signed in after signing out")
	}
}

// TestSignInGoesNowhereElse checks that the return path stays on the site.
func TestSignInGoesNowhereElse(t *testing.T) {
	e := sharedEnv(t)
	for _, next := range []string{"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"} {
		_, _, h := newClient(t, "").post("/signin", url.Values{"token": {e.Tokens[truce.RoleMonitor]}, "next": {next}})
		if loc := h.Get("Location"); loc != "/" {
			t.Errorf("next %q: Location %q, want /", next, loc)
		}
	}
}

// TestForms checks that a POST needs the CSRF token of its cookie and a
// same-site origin.
func TestForms(t *testing.T) {
	e := sharedEnv(t)
	c := newClient(t, e.Tokens[truce.RoleMonitor])
	tok := c.csrf()
	for _, tt := range []struct {
		name   string
		form   url.Values
		header map[string]string
	}{
		{"no token", url.Values{"csrf": {""}}, nil},
		{"wrong token", url.Values{"csrf": {strings.Repeat("x", 32)}}, nil},
		{"another site", url.Values{"csrf": {tok}}, map[string]string{"Sec-Fetch-Site": "cross-site"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", e.URL+"/signout", strings.NewReader(tt.form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := c.http.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("status %d, want 403", resp.StatusCode)
			}
		})
	}
}

// TestReportForm files a report through the form: a bad field is shown
// next to its input with what was typed kept; the corrected report is
// accepted through the same intake as the API's.
func TestReportForm(t *testing.T) {
	e := sharedEnv(t)
	c := newClient(t, e.Tokens[truce.RoleMonitor])
	ref := fmt.Sprintf("p7/form-test-%d", time.Now().UnixNano()) // new in each run of the shared instance
	form := url.Values{"source_type": {"monitor"}, "source_name": {"Patrol 7"}, "source_ref": {ref},
		"kind": {"strike"}, "from": {"2025-09-11T10:30"}, "lat": {"123"}, "lon": {"37.55"},
		"weapon_class": {"artillery"}, "killed": {"two"}, "text": {"Shelling <b>near</b> the road."}}
	status, body, _ := c.post("/reports/new", form)
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", status)
	}
	for _, want := range []string{`id="killed-error"`, "is not a number", `value="Patrol 7"`, `value="two"`,
		`value="123"`, `<option value="artillery" selected>`, "Shelling &lt;b&gt;near&lt;/b&gt; the road."} {
		if !strings.Contains(body, want) {
			t.Errorf("the form rejected by the decoder lacks %s", want)
		}
	}
	form.Set("killed", "2")
	status, body, _ = c.post("/reports/new", form)
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, `id="lat-error"`) || !strings.Contains(body, "is not a latitude") {
		t.Fatalf("the form rejected by the validator: %d", status)
	}
	if strings.Contains(body, `id="killed-error"`) || !strings.Contains(body, `value="Patrol 7"`) {
		t.Errorf("the second answer keeps an old error or loses the input")
	}
	form.Set("lat", "48.02")
	status, body, _ = c.post("/reports/new", form)
	if status != http.StatusOK || !strings.Contains(body, "Report accepted") {
		t.Fatalf("corrected: %d\n%.500s", status, body)
	}
	if !regexp.MustCompile(`Entry [0-9]{1,5}\b`).MatchString(body) {
		t.Errorf("no log entry number after acceptance")
	}
	if strings.Contains(body, `value="Patrol 7"`) {
		t.Errorf("the form was not emptied after acceptance")
	}
	status, body, _ = c.post("/reports/new", form)
	if status != http.StatusOK || !strings.Contains(body, "This report was filed before") {
		t.Errorf("the same report again: %d", status)
	}
	// A party's token files for its own party only.
	pc := newClient(t, e.PartyUA)
	_, body, _ = pc.get("/reports/new")
	if !strings.Contains(body, `value="UA" readonly`) {
		t.Errorf("the party's form does not fix its party")
	}
	form.Set("source_party", "RU")
	form.Set("source_type", "party")
	form.Set("source_ref", ref+"-party")
	status, body, _ = pc.post("/reports/new", form)
	if status != http.StatusOK || !strings.Contains(body, "Report accepted") {
		t.Errorf("party form: %d (its party is forced to UA)", status)
	}
}

// TestMapGrid checks that a map with more incidents than it draws gets
// cells counted by the server instead.
func TestMapGrid(t *testing.T) {
	e := sharedEnv(t)
	defer web.SetMaxMapPoints(20)()
	c := newClient(t, e.Tokens[truce.RoleMonitor])
	_, body, _ := c.get("/map/incidents.geojson?agreement=air-sea-truce&zoom=5")
	var r mapResult
	mustJSON(t, body, &r)
	if r.Truce.Mode != "grid" || len(r.Features) == 0 || len(r.Features) > 60 {
		t.Fatalf("mode %s with %d cells", r.Truce.Mode, len(r.Features))
	}
	total, viol := 0, 0
	for _, f := range r.Features {
		total += int(f.Properties["count"].(float64))
		viol += int(f.Properties["violations"].(float64))
	}
	_, body, _ = c.get("/map/incidents.geojson?agreement=air-sea-truce&zoom=5&limit=1")
	if total != r.Truce.Count || total < 100 || viol == 0 {
		t.Errorf("cells count %d incidents (%d violations), meta %d", total, viol, r.Truce.Count)
	}
	_, body, _ = c.get("/map/incidents.geojson?agreement=air-sea-truce&zoom=9&bbox=36,49.5,37,50.5")
	mustJSON(t, body, &r)
	if r.Truce.Mode != "points" {
		t.Errorf("a small view: mode %s", r.Truce.Mode)
	}
}
