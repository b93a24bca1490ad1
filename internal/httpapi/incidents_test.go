package httpapi_test

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/apptest"
)

// incidentReports make four incidents: a long-range drone strike on
// Kharkiv told by a monitor and a news agency (one incident), a cruise
// missile on Odesa, artillery on a village near Donetsk, and a ballistic
// missile on Dnipro a day later.
const incidentReports = `{"source":{"type":"monitor","name":"Patrol 3","ref":"k1"},"kind":"strike","occurred":{"from":"2025-08-20T02:10:00+03:00"},"location":{"lat":49.99,"lon":36.23,"uncertainty_m":500},"weapons":[{"class":"drone.long_range","model":"Shahed-136"}],"target":{"class":"residential"},"attributed_to":"RU","casualties":{"killed":2}}
{"source":{"type":"news","name":"Ukrinform","ref":"k2"},"kind":"strike","occurred":{"from":"2025-08-20T02:00:00+03:00","to":"2025-08-20T02:30:00+03:00"},"location":{"place":"Харків"},"weapons":[{"class":"drone"}],"attributed_to":"RU","casualties":{"killed":3}}
{"source":{"type":"monitor","name":"Patrol 7","ref":"o1"},"kind":"strike","occurred":{"from":"2025-08-20T04:00:00+03:00"},"location":{"lat":46.48,"lon":30.72,"uncertainty_m":300},"weapons":[{"class":"cruise_missile"}],"target":{"class":"infrastructure.port"},"attributed_to":"RU"}
{"source":{"type":"monitor","name":"Patrol 9","ref":"d1"},"kind":"strike","occurred":{"from":"2025-08-20T11:00:00+03:00"},"location":{"lat":48.05,"lon":37.75,"uncertainty_m":300},"weapons":[{"class":"artillery"}],"target":{"class":"military"},"attributed_to":"UA"}
{"source":{"type":"monitor","name":"Patrol 1","ref":"n1"},"kind":"strike","occurred":{"from":"2025-08-21T09:00:00+03:00"},"location":{"lat":48.46,"lon":35.05,"uncertainty_m":300},"weapons":[{"class":"ballistic_missile"}],"target":{"class":"residential"},"attributed_to":"RU"}
`

// later is the time of these tests: after the reports.
var later = time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)

type incidentList struct {
	Incidents []struct {
		ID       string
		Location truce.Place
		Verdicts []truce.Verdict
		Reports  []truce.Member
	}
	Next *string
}

func listIDs(t *testing.T, env *apptest.Env, tok, query string) ([]string, int) {
	t.Helper()
	status, out := env.Do("GET", "/api/v1/incidents?"+query, tok, "", nil)
	if status != http.StatusOK {
		return nil, status
	}
	var l incidentList
	env.JSON(out, &l)
	var ids []string
	for _, in := range l.Incidents {
		ids = append(ids, in.Location.Admin1)
	}
	sort.Strings(ids)
	return ids, status
}

func setupIncidents(t *testing.T, env *apptest.Env) (admin, analyst string) {
	admin, analyst = env.Token(truce.RoleAdmin, ""), env.Token(truce.RoleAnalyst, "")
	q := url.Values{"template": {"air-sea-truce"}, "start": {"2025-08-18T00:00:00+03:00"}, "days": {"30"}}
	if status, out := env.Do("POST", "/api/v1/agreements?"+q.Encode(), admin, "", nil); status != http.StatusCreated {
		t.Fatalf("load agreement: %d %s", status, out)
	}
	if status, out := env.Do("POST", "/api/v1/reports", analyst, "application/x-ndjson", []byte(incidentReports)); status != http.StatusOK {
		t.Fatalf("post reports: %d %s", status, out)
	}
	return admin, analyst
}

func TestIncidentFilters(t *testing.T) {
	for _, b := range apptest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			env := apptest.New(t, b.Open(t), later)
			_, analyst := setupIncidents(t, env)
			tests := []struct {
				query string
				want  []string
			}{
				{"", []string{"Dnipropetrovsk", "Donetsk", "Kharkiv", "Odesa"}},
				{"agreement=air-sea-truce&verdict=violation", []string{"Dnipropetrovsk", "Kharkiv", "Odesa"}},
				{"agreement=air-sea-truce&verdict=no_violation", []string{"Donetsk"}},
				{"admin1=Kharkiv", []string{"Kharkiv"}},
				{"weapon=drone", []string{"Kharkiv"}},
				{"target=infrastructure", []string{"Odesa"}},
				{"party=UA", []string{"Donetsk"}},
				{"kind=strike&from=2025-08-21", []string{"Dnipropetrovsk"}},
				{"to=2025-08-20T03:00:00%2B03:00", []string{"Kharkiv"}},
				{"bbox=30,46,31,47", []string{"Odesa"}},
			}
			for _, tt := range tests {
				got, status := listIDs(t, env, analyst, tt.query)
				if status != http.StatusOK {
					t.Errorf("%s: status %d", tt.query, status)
					continue
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("?%s (-want +got):\n%s", tt.query, diff)
				}
			}
			for _, bad := range []string{"verdict=guilty", "weapon=ballistic", "bbox=1,2,3", "limit=0", "from=yesterday", "cursor=zzz"} {
				status, out := env.Do("GET", "/api/v1/incidents?"+bad, analyst, "", nil)
				param := strings.SplitN(bad, "=", 2)[0]
				if status != http.StatusBadRequest || !strings.Contains(string(out), param) {
					t.Errorf("?%s: %d %s, want 400 naming %s", bad, status, out, param)
				}
			}
		})
	}
}

func TestIncidentPagingMergeSplit(t *testing.T) {
	env := apptest.New(t, apptest.Backends(t)[0].Open(t), later)
	_, analyst := setupIncidents(t, env)
	var all []string
	cursor := ""
	for page := 0; page < 10; page++ {
		status, out := env.Do("GET", "/api/v1/incidents?limit=1"+cursor, analyst, "", nil)
		if status != 200 {
			t.Fatalf("page %d: %d %s", page, status, out)
		}
		var l incidentList
		env.JSON(out, &l)
		for _, in := range l.Incidents {
			all = append(all, in.ID)
		}
		if l.Next == nil {
			break
		}
		cursor = "&cursor=" + url.QueryEscape(*l.Next)
	}
	if len(all) != 4 || len(uniq(all)) != 4 {
		t.Fatalf("paging one by one gave %v, want 4 distinct incidents", all)
	}
	// Merge two incidents, then split one report back out.
	body := fmt.Sprintf(`{"incidents":[%q,%q],"note":"same salvo per the air force"}`, all[0], all[1])
	status, out := env.Do("POST", "/api/v1/incidents/merge", analyst, "", []byte(body))
	if status != 200 {
		t.Fatalf("merge: %d %s", status, out)
	}
	var merged struct{ Incident string }
	env.JSON(out, &merged)
	if ids, _ := listIDs(t, env, analyst, ""); len(ids) != 3 {
		t.Errorf("after merge: %d incidents, want 3", len(ids))
	}
	var one struct {
		Reports []truce.Member
		Log     []struct {
			LogIndex int64 `json:"log_index"`
			Entry    struct{ Type string }
		}
	}
	_, out = env.Do("GET", "/api/v1/incidents/"+merged.Incident, analyst, "", nil)
	env.JSON(out, &one)
	logged := map[string]bool{}
	for i, e := range one.Log {
		logged[e.Entry.Type] = true
		if i > 0 && e.LogIndex <= one.Log[i-1].LogIndex {
			t.Errorf("incident log entries out of order: %+v", one.Log)
		}
	}
	if !logged["incident"] || !logged["verdict"] {
		t.Errorf("the incident shows log entries of types %v, want incident and verdict", logged)
	}
	body = fmt.Sprintf(`{"reports":[%q],"note":"a different strike"}`, one.Reports[0].ID)
	if status, out := env.Do("POST", "/api/v1/incidents/"+merged.Incident+"/split", analyst, "", []byte(body)); status != http.StatusCreated {
		t.Fatalf("split: %d %s", status, out)
	}
	if ids, _ := listIDs(t, env, analyst, ""); len(ids) != 4 {
		t.Errorf("after split: %d incidents, want 4", len(ids))
	}
	monitor := env.Token(truce.RoleMonitor, "")
	body = fmt.Sprintf(`{"incidents":[%q,%q],"note":"looks the same"}`, all[2], all[3])
	if status, _ := env.Do("POST", "/api/v1/incidents/merge", monitor, "", []byte(body)); status != http.StatusForbidden {
		t.Errorf("a monitor merging: %d, want 403", status)
	}
	// The merge and the split are acts in the log.
	types := map[string]bool{}
	_ = env.Store.View(t.Context(), func(tx truce.Tx) error {
		n, _ := tx.LogSize()
		es, _ := tx.LogEntries(0, n)
		for _, e := range es {
			types[e.RecordType] = true
		}
		return nil
	})
	for _, want := range []string{"report", "incident", "incident.merged", "verdict", "agreement"} {
		if !types[want] {
			t.Errorf("no %q entry in the log (have %v)", want, types)
		}
	}
}

func uniq(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}
