package httpapi_test

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/apptest"
)

// TestAccessMatrix checks every role against every endpoint and every
// incident state, over HTTP, with the spec's visibility rules written out
// in the test: a hidden item answers exactly what a missing one does, and
// lists, filters and pages show nothing more.
func TestAccessMatrix(t *testing.T) {
	for _, b := range apptest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			env := apptest.New(t, b.Open(t), time.Date(2025, 8, 29, 12, 0, 0, 0, time.UTC))
			f := buildMatrix(t, env)
			for _, r := range f.roles {
				t.Run(r.name, func(t *testing.T) {
					f.checkIncidentEndpoints(t, r)
					f.checkLists(t, r)
					f.checkNotifications(t, r)
					f.checkWebhooks(t, r)
					f.checkOtherEndpoints(t, r)
				})
			}
		})
	}
}

// missingIncident is an id of the right shape that names nothing.
const missingIncident = "inc_06cd0000000000000000000000"

// expect checks one answer: the status, and for a 404 that it is the
// missing item's 404 on the same endpoint, byte for byte. A refusal of
// the role itself (roleDenied) must not depend on the item either.
func (f *matrixFixture) expect(t *testing.T, what string, got httpAnswer, want int, roleDenied bool, missing func() httpAnswer, id, missingID string) {
	t.Helper()
	if got.status != want {
		t.Errorf("%s: status %d, want %d: %s", what, got.status, want, got.body)
		return
	}
	if want == http.StatusNotFound {
		sameNotFound(t, what, got, missing(), id, missingID)
	}
	if roleDenied {
		if m := missing(); m.status != want || string(m.body) != strings.ReplaceAll(string(got.body), id, missingID) {
			t.Errorf("%s: refused with %d %s, but a missing item gets %d %s", what, got.status, got.body, m.status, m.body)
		}
	}
}

func (f *matrixFixture) checkIncidentEndpoints(t *testing.T, r role) {
	env := f.env
	for _, in := range f.incidents {
		get := func(id string) httpAnswer { return call(t, env, "GET", "/api/v1/incidents/"+id, r.token, nil) }
		want := http.StatusNotFound
		if seesIncident(r, in) {
			want = http.StatusOK
		}
		f.expect(t, "GET incident "+in.name, get(in.id), want, false, func() httpAnswer { return get(missingIncident) }, in.id, missingIncident)

		probe := func(id string) httpAnswer {
			return call(t, env, "POST", "/api/v1/incidents/"+id+"/status", r.token, map[string]any{"status": "reported", "note": "back"})
		}
		want = statusProbe(r)
		f.expect(t, "POST status "+in.name, probe(in.id), want, want != http.StatusConflict, func() httpAnswer { return probe(missingIncident) }, in.id, missingIncident)
		if r.role == truce.RoleAnalyst {
			if m := probe(missingIncident); m.status != http.StatusNotFound {
				t.Errorf("status of a missing incident: %d, want 404", m.status)
			}
		}

		reply := func(id string) httpAnswer {
			return call(t, env, "POST", "/api/v1/incidents/"+id+"/responses", r.token,
				map[string]any{"position": "deny", "text": "not us: " + r.name, "reports": []any{}})
		}
		want = replyStatus(r, in)
		f.expect(t, "POST response "+in.name, reply(in.id), want, r.role != truce.RoleParty, func() httpAnswer { return reply(missingIncident) }, in.id, missingIncident)

		for _, rep := range in.reports {
			getR := func(id string) httpAnswer { return call(t, env, "GET", "/api/v1/reports/"+id, r.token, nil) }
			want = http.StatusNotFound
			if seesReport(r, in, rep) {
				want = http.StatusOK
			}
			f.expect(t, "GET report of "+in.name, getR(rep.id), want, false, func() httpAnswer { return getR("r_06cd0000000000000000000000") }, rep.id, "r_06cd0000000000000000000000")
		}
	}
}

// checkLists checks that incident and report lists, with filters and in
// pages of one, hold exactly what the role may see.
func (f *matrixFixture) checkLists(t *testing.T, r role) {
	for _, q := range []struct {
		query string
		match func(*matrixIncident) bool
	}{
		{"", func(*matrixIncident) bool { return true }},
		{"party=UA", func(in *matrixIncident) bool { return slices.Contains(in.named, "UA") }},
		{"party=RU", func(in *matrixIncident) bool { return slices.Contains(in.named, "RU") }},
		{"agreement=air-sea-truce&verdict=violation", func(*matrixIncident) bool { return true }},
		{"kind=strike&from=2025-08-01&to=2025-09-30", func(*matrixIncident) bool { return true }},
	} {
		var want []string
		for _, in := range f.incidents {
			if seesIncident(r, in) && q.match(in) {
				want = append(want, in.id)
			}
		}
		got := f.pageIDs(t, r, "/api/v1/incidents?limit=1000&"+q.query, "incidents")
		if diff := cmp.Diff(sorted(want), sorted(got)); diff != "" {
			t.Errorf("incidents ?%s (-want +got):\n%s", q.query, diff)
		}
		if paged := f.pageIDs(t, r, "/api/v1/incidents?limit=1&"+q.query, "incidents"); len(paged) != len(want) {
			t.Errorf("incidents ?%s in pages of one: %d items, want %d", q.query, len(paged), len(want))
		}
	}
	var want []string
	for _, in := range f.incidents {
		for _, rep := range in.reports {
			if seesReport(r, in, rep) {
				want = append(want, rep.id)
			}
		}
	}
	got := f.pageIDs(t, r, "/api/v1/reports?limit=1", "reports")
	if diff := cmp.Diff(sorted(want), sorted(got)); diff != "" {
		t.Errorf("reports (-want +got):\n%s", diff)
	}
}

// pageIDs follows a list's cursors and returns the ids of its items.
func (f *matrixFixture) pageIDs(t *testing.T, r role, base, key string) []string {
	var ids []string
	path := base
	for pages := 0; pages < 100; pages++ {
		var page map[string]any
		call(t, f.env, "GET", path, r.token, nil).must(t, http.StatusOK, &page)
		items, _ := page[key].([]any)
		for _, it := range items {
			ids = append(ids, it.(map[string]any)["id"].(string))
		}
		next, _ := page["next"].(string)
		if next == "" {
			return ids
		}
		path = base + "&cursor=" + url.QueryEscape(next)
	}
	t.Fatalf("%s: paging did not end", base)
	return nil
}

func sorted(ss []string) []string {
	out := slices.Clone(ss)
	sort.Strings(out)
	return out
}
