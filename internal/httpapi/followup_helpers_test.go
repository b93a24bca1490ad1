package httpapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/apptest"
	"github.com/truce-monitor/truce/internal/notify"
)

// truceStart is when the air-sea truce the follow-up tests load begins.
const truceStart = "2025-08-18T00:00:00+03:00"

// httpAnswer is an HTTP answer: status, content type and body.
type httpAnswer struct {
	status int
	ctype  string
	body   []byte
}

// call sends a JSON request (body marshalled unless nil or []byte).
func call(t testing.TB, env *apptest.Env, method, path, token string, body any) httpAnswer {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, env.Server.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := env.Server.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return httpAnswer{status: resp.StatusCode, ctype: resp.Header.Get("Content-Type"), body: b}
}

// must fails the test unless the httpAnswer has the status; it decodes the
// body into v when v is not nil.
func (a httpAnswer) must(t testing.TB, status int, v any) httpAnswer {
	t.Helper()
	if a.status != status {
		t.Fatalf("status %d, want %d: %s", a.status, status, a.body)
	}
	if v != nil {
		if err := json.Unmarshal(a.body, v); err != nil {
			t.Fatalf("not JSON (%v): %s", err, a.body)
		}
	}
	return a
}

// loadAirSeaTruce loads the air-sea-truce template as admin, the way the
// spec's scenario does.
func loadAirSeaTruce(t testing.TB, env *apptest.Env, admin string) {
	t.Helper()
	path := "/api/v1/agreements?template=air-sea-truce&start=" + url.QueryEscape(truceStart) + "&days=30"
	call(t, env, "POST", path, admin, nil).must(t, http.StatusCreated, nil)
}

// strike is a report of a missile strike at a point on a day of August
// 2025, by the given source, attributed to RU.
func strike(source truce.Source, day int, lat, lon float64) map[string]any {
	src := map[string]any{"type": source.Type, "name": source.Name, "ref": source.Ref}
	if source.Party != "" {
		src["party"] = source.Party
	}
	return map[string]any{
		"source":        src,
		"kind":          "strike",
		"occurred":      map[string]any{"from": fmt.Sprintf("2025-08-%02dT10:00:00+03:00", day)},
		"location":      map[string]any{"lat": lat, "lon": lon, "uncertainty_m": 500},
		"weapons":       []map[string]any{{"class": "ballistic_missile"}},
		"attributed_to": "RU",
		"casualties":    map[string]any{"killed": 1},
	}
}

// fileReport files one report and returns its id.
func fileReport(t testing.TB, env *apptest.Env, token string, report any) string {
	t.Helper()
	var res app.SubmitResult
	call(t, env, "POST", "/api/v1/reports", token, report).must(t, http.StatusOK, &res)
	return res.Accepted[0].ID
}

// incidentView is the incident JSON as the tests read it.
type incidentView struct {
	ID       string       `json:"id"`
	Status   truce.Status `json:"status"`
	Actor    string       `json:"actor"`
	Verdicts []struct {
		Agreement string             `json:"agreement"`
		Verdict   truce.VerdictValue `json:"verdict"`
		Party     *string            `json:"party"`
	} `json:"verdicts"`
	Reports       []truce.Member        `json:"reports"`
	Findings      []app.FindingView     `json:"findings"`
	Responses     []*truce.Response     `json:"responses"`
	StatusHistory []*truce.StatusChange `json:"status_history"`
}

// incidentOfReport finds, as staff, the incident a report belongs to.
func incidentOfReport(t testing.TB, env *apptest.Env, staff, reportID string) incidentView {
	t.Helper()
	var list struct{ Incidents []incidentView }
	call(t, env, "GET", "/api/v1/incidents?limit=1000", staff, nil).must(t, http.StatusOK, &list)
	for _, in := range list.Incidents {
		for _, m := range in.Reports {
			if m.ID == reportID {
				return in
			}
		}
	}
	t.Fatalf("no incident holds report %s", reportID)
	return incidentView{}
}

// setStatus moves an incident along the workflow and fails on refusal.
func setStatus(t testing.TB, env *apptest.Env, token, id string, s truce.Status, note string) app.StatusResult {
	t.Helper()
	var res app.StatusResult
	call(t, env, "POST", "/api/v1/incidents/"+id+"/status", token, map[string]any{"status": s, "note": note}).
		must(t, http.StatusOK, &res)
	return res
}

// receiver is an idempotent webhook receiver: it checks every signature
// and keeps each delivery once, by its id, counting repeats.
type receiver struct {
	t      testing.TB
	secret string
	srv    *httptest.Server

	mu       sync.Mutex
	got      map[string]app.DeliveryBody
	order    []string
	repeats  int
	badSigs  int
	requests int
	// fail, when set, answers a request instead of taking it (it may
	// sleep); it returns 0 to take the request.
	fail func(n int) int
}

func newReceiver(t testing.TB, secret string) *receiver {
	rv := &receiver{t: t, secret: secret, got: map[string]app.DeliveryBody{}}
	rv.srv = httptest.NewServer(rv)
	t.Cleanup(rv.srv.Close)
	return rv
}

func (rv *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rv.mu.Lock()
	rv.requests++
	n, fail := rv.requests, rv.fail
	rv.mu.Unlock()
	if fail != nil {
		if code := fail(n); code != 0 {
			w.WriteHeader(code)
			return
		}
	}
	rv.mu.Lock()
	defer rv.mu.Unlock()
	if !notify.Verify(rv.secret, body, r.Header.Get(notify.HeaderSignature)) {
		rv.badSigs++
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var d app.DeliveryBody
	if err := json.Unmarshal(body, &d); err != nil || d.Delivery != r.Header.Get(notify.HeaderDelivery) {
		rv.t.Errorf("delivery body %s does not match header %q", body, r.Header.Get(notify.HeaderDelivery))
	}
	if _, seen := rv.got[d.Delivery]; seen {
		rv.repeats++
	} else {
		rv.got[d.Delivery] = d
		rv.order = append(rv.order, d.Delivery)
	}
	w.WriteHeader(http.StatusNoContent)
}

// events returns the notifications taken, in the order first received.
func (rv *receiver) events() []app.DeliveryBody {
	rv.mu.Lock()
	defer rv.mu.Unlock()
	out := make([]app.DeliveryBody, len(rv.order))
	for i, id := range rv.order {
		out[i] = rv.got[id]
	}
	return out
}

// worker returns a delivery worker over the env's store and clock.
func worker(env *apptest.Env) *notify.Worker {
	return &notify.Worker{Store: env.Store, Clock: env.Clock, Log: env.Log, Client: &http.Client{Timeout: 2 * time.Second}}
}
