package httpapi_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/apptest"
)

var now = time.Date(2025, 8, 16, 9, 0, 0, 0, time.UTC)

// mixedBatch holds valid lines and invalid lines of every kind the spec
// names, and a line of broken JSON. want lists, per line, the accepted
// report's expected region or the rejection's errors.
var mixedBatch = []struct {
	line   string
	admin1 string
	errors []string
}{
	{`{"source":{"type":"monitor","name":"Patrol 14","ref":"m-1"},"kind":"strike","occurred":{"from":"2025-08-15T10:10:00+03:00"},"location":{"place":"Кривий Ріг"},"weapons":[{"class":"ballistic_missile"}],"attributed_to":"RU","casualties":{"killed":1,"injured":1}}`, "Dnipropetrovsk", nil},
	{`{"source":{"type":"news","name":"Reuters","ref":"n-1"},"kind":"strike","occurred":{"from":"2025-08-15T10:00:00+03:00","to":"2025-08-15T11:00:00+03:00"},"location":{"place":"Krivoy Rog"}}`, "Dnipropetrovsk", nil},
	{`{"source":{"type":"news","name":"ТАСС","ref":"t-1"},"kind":"explosion","occurred":{"from":"2025-08-15T22:00:00+03:00"},"location":{"place":"Белгород"},"language":"ru"}`, "Belgorod", nil},
	{`{"source":{"type":"party","name":"Ukrainian Air Force","party":"UA","ref":"uaf-1"},"kind":"strike","aggregate":true,"occurred":{"from":"2025-08-14T18:00:00+03:00","to":"2025-08-15T09:00:00+03:00"},"location":{"country":"UA"},"counts":{"launched":120,"intercepted":97}}`, "", nil},
	{`{"source":{"type":"sensor","name":"acoustic array N3","ref":"s-1"},"kind":"explosion","occurred":{"from":"2025-08-15T10:09:00+03:00"},"location":{"lat":48.46,"lon":35.05,"uncertainty_m":300}}`, "Dnipropetrovsk", nil},
	{`{"source":{"type":"monitor","name":"Patrol 14","ref":"bad-1"},"kind":"strike","occurred":{"from":"2025-13-01"},"location":{"place":"Dnipro"}}`, "",
		[]string{`occurred.from: "2025-13-01" is not a time (want RFC 3339, e.g. 2025-04-20T06:30:00+03:00)`}},
	{`{"source":{"type":"monitor","name":"Patrol 14","ref":"bad-2"},"kind":"strike","occurred":{"from":"2025-08-15T10:00:00+03:00","to":"2025-08-15T09:00:00+03:00"},"location":{"place":"Dnipro"}}`, "",
		[]string{"occurred.to: 2025-08-15T09:00:00+03:00 is before occurred.from 2025-08-15T10:00:00+03:00"}},
	{`{"source":{"type":"monitor","name":"Patrol 14","ref":"bad-3"},"kind":"strike","occurred":{"from":"2025-08-15T10:00:00+03:00"},"location":{"lat":123,"lon":35}}`, "",
		[]string{"location.lat: 123 is not a latitude (-90 to 90)"}},
	{`{"source":{"type":"monitor","name":"Patrol 14","ref":"bad-4"},"kind":"strike","occurred":{"from":"2025-08-15T10:00:00+03:00"},"location":{"place":"Sumy"},"casualties":{"killed":-2}}`, "",
		[]string{"casualties.killed: -2 is negative"}},
	{`{"source":{"type":"party","name":"MoD","party":"BY","ref":"bad-5"},"kind":"strike","occurred":{"from":"2025-08-15T10:00:00+03:00"},"location":{"place":"Sumy"}}`, "", nil},
	{`{"source":{"type":"monitor","name":"Patrol 14","ref":"bad-6"},"kind":"shelling","occurred":{"from":"2025-08-15T10:00:00+03:00"},"location":{"place":"Sumy"},"weapons":[{"class":"ballistic"}]}`, "",
		[]string{`kind: "shelling" is not one of strike, ground_assault, explosion, airspace_violation, weapons_movement, other`,
			"weapons[0].class: unknown class 'ballistic'; known: " + strings.Join(truce.WeaponClasses, ", ")}},
	{`{"source":{"type":"monitor","name":"Patrol 14","ref":"bad-7"},"kind":"strike","occurred":{"from":"2025-08-15T10:00:00+03:00"}}`, "",
		[]string{"location: required: give location.lat and location.lon, location.place or location.admin1 (an aggregate tally may give only location.country)"}},
	{`{"source":{"type":"monitor","name":"Patrol 14","ref":"bad-8"},"kind":"strike","occurred":{"from":"2025-08-15T10:00:00+03:00"},"location":{"place":"Samara"}}`, "",
		[]string{"location.place: place \"Samara\" is ambiguous"}},
	{`{"source":{"type":"monitor", broken`, "", []string{"not valid JSON"}},
}

func TestMixedBatch(t *testing.T) {
	for _, b := range apptest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			env := apptest.New(t, b.Open(t), now)
			// A party code no agreement knows is an error once agreements are
			// loaded; with none loaded any well-formed code passes. BY's line
			// is expected rejected only when a token of another party files it.
			tok := env.Token(truce.RoleMonitor, "")
			body := batchBody()
			status, out := env.Do("POST", "/api/v1/reports", tok, "application/x-ndjson", []byte(body))
			if status != http.StatusMultiStatus {
				t.Fatalf("status %d, want 207: %s", status, out)
			}
			first := checkAnswer(t, env, out, false)
			status, out = env.Do("POST", "/api/v1/reports", tok, "application/x-ndjson", []byte(body))
			if status != http.StatusMultiStatus {
				t.Fatalf("again: status %d, want 207", status)
			}
			second := checkAnswer(t, env, out, true)
			if diff := cmp.Diff(first, second); diff != "" {
				t.Errorf("posting again must return the same ids (-first +second):\n%s", diff)
			}
			checkRegions(t, env, tok, first)
			var list struct{ Reports []truce.Report }
			_, out = env.Do("GET", "/api/v1/reports?limit=1000", tok, "", nil)
			env.JSON(out, &list)
			if len(list.Reports) != len(first) {
				t.Errorf("store holds %d reports after two posts, want %d", len(list.Reports), len(first))
			}
		})
	}
}

func batchBody() string {
	var sb strings.Builder
	for _, l := range mixedBatch {
		sb.WriteString(l.line + "\n")
	}
	return sb.String()
}

type answer struct {
	Accepted []struct {
		Index     int
		ID        string
		Duplicate bool
		LogIndex  *int64 `json:"log_index"`
	}
	Rejected []struct {
		Index  int
		Line   int
		Errors []string
	}
}

// checkAnswer checks which lines were accepted and why the others were
// rejected, and returns the accepted ids by line.
func checkAnswer(t *testing.T, env *apptest.Env, out []byte, dup bool) map[int]string {
	t.Helper()
	var a answer
	env.JSON(out, &a)
	ids := map[int]string{}
	for _, acc := range a.Accepted {
		if acc.Duplicate != dup || acc.LogIndex == nil {
			t.Errorf("line %d: duplicate=%v log_index=%v, want duplicate=%v and a log index", acc.Index+1, acc.Duplicate, acc.LogIndex, dup)
		}
		ids[acc.Index] = acc.ID
	}
	rejected := map[int][]string{}
	for _, rj := range a.Rejected {
		rejected[rj.Index] = rj.Errors
		if rj.Line != rj.Index+1 {
			t.Errorf("rejection of item %d names line %d", rj.Index, rj.Line)
		}
	}
	for i, l := range mixedBatch {
		_, accepted := ids[i]
		if want := l.errors == nil; accepted != want {
			t.Errorf("line %d: accepted=%v, want %v (errors %v)", i+1, accepted, want, rejected[i])
			continue
		}
		if !accepted && !prefixesMatch(l.errors, rejected[i]) {
			t.Errorf("line %d: errors %q, want %q", i+1, rejected[i], l.errors)
		}
	}
	return ids
}

func prefixesMatch(want, got []string) bool {
	if len(want) != len(got) {
		return false
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			return false
		}
	}
	return true
}

// checkRegions checks that Latin and Cyrillic place names were geocoded to
// the right region.
func checkRegions(t *testing.T, env *apptest.Env, tok string, ids map[int]string) {
	for i, id := range ids {
		var r truce.Report
		status, out := env.Do("GET", "/api/v1/reports/"+id, tok, "", nil)
		if status != 200 {
			t.Fatalf("GET report: %d %s", status, out)
		}
		env.JSON(out, &r)
		if want := mixedBatch[i].admin1; want != "" && (r.Geocode == nil || r.Geocode.Admin1 != want) {
			t.Errorf("line %d: geocoded to %+v, want admin1 %s", i+1, r.Geocode, want)
		}
	}
}

func TestAccessToReports(t *testing.T) {
	env := apptest.New(t, apptest.Backends(t)[0].Open(t), now)
	ua := env.Token(truce.RoleParty, "UA")
	ru := env.Token(truce.RoleParty, "RU")
	viewer := env.Token(truce.RoleViewer, "")
	line := func(party string) string {
		return fmt.Sprintf(`{"source":{"type":"party","name":"MoD %s","party":"%s","ref":"c-%s"},"kind":"strike","occurred":{"from":"2025-08-15T10:00:00+03:00"},"location":{"place":"Sumy"}}`, party, party, party)
	}
	tests := []struct {
		name, token, body string
		status            int
	}{
		{"no token", "", line("UA"), http.StatusUnauthorized},
		{"bad token", "truce_nonsense", line("UA"), http.StatusUnauthorized},
		{"viewer may not file", viewer, line("UA"), http.StatusForbidden},
		{"party files its own", ua, line("UA"), http.StatusOK},
		{"party may not file for the other", ua, line("RU"), http.StatusUnprocessableEntity},
		{"other party files its own", ru, line("RU"), http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out := env.Do("POST", "/api/v1/reports", tt.token, "", []byte(tt.body))
			if status != tt.status {
				t.Errorf("status %d, want %d: %s", status, tt.status, out)
			}
		})
	}
	// Before publication a party sees its own reports only; the public none.
	var list struct{ Reports []truce.Report }
	_, out := env.Do("GET", "/api/v1/reports", ua, "", nil)
	env.JSON(out, &list)
	if len(list.Reports) != 1 || list.Reports[0].Source.Party != "UA" {
		t.Errorf("UA sees %d reports, want its own one", len(list.Reports))
	}
	ruID := ""
	_, out = env.Do("GET", "/api/v1/reports", ru, "", nil)
	env.JSON(out, &list)
	if len(list.Reports) == 1 {
		ruID = list.Reports[0].ID
	}
	if status, _ := env.Do("GET", "/api/v1/reports/"+ruID, ua, "", nil); status != http.StatusNotFound {
		t.Errorf("UA reading RU's report: %d, want 404 as for a missing one", status)
	}
	if status, _ := env.Do("GET", "/api/v1/reports/r_missing", ua, "", nil); status != http.StatusNotFound {
		t.Errorf("missing report: %d, want 404", status)
	}
	_, out = env.Do("GET", "/api/v1/reports", "", "", nil)
	env.JSON(out, &list)
	if len(list.Reports) != 0 {
		t.Errorf("the public sees %d unpublished reports", len(list.Reports))
	}
}
