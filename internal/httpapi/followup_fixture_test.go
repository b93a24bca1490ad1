package httpapi_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/apptest"
)

// role is a caller of the matrix: its token and what the spec says of it.
type role struct {
	name  string
	token string
	role  truce.Role
	party string
}

func (r role) staff() bool {
	return r.role == truce.RoleAdmin || r.role == truce.RoleAnalyst || r.role == truce.RoleMonitor
}

// matrixIncident is an incident of the fixture in a given state.
type matrixIncident struct {
	name    string
	id      string
	status  truce.Status
	named   []string // the parties it names
	reports []matrixReport
}

type matrixReport struct {
	id    string
	party string // source.party
}

// matrixFixture is the world of the access matrix.
type matrixFixture struct {
	env       *apptest.Env
	roles     []role
	incidents []*matrixIncident
	notes     map[string]string // a notification id addressed to each party
	hooks     map[string]string // a webhook id of each addressee (RU, UA, mission)
	rejected  string            // a rejected item's id
}

// paths from each status to reported, as the workflow allows.
var pathTo = map[truce.Status][]truce.Status{
	truce.StatusReported:    nil,
	truce.StatusUnderReview: {truce.StatusUnderReview},
	truce.StatusVerified:    {truce.StatusUnderReview, truce.StatusVerified},
	truce.StatusUnverified:  {truce.StatusUnderReview, truce.StatusUnverified},
	truce.StatusDisputed:    {truce.StatusUnderReview, truce.StatusDisputed},
	truce.StatusPublished:   {truce.StatusUnderReview, truce.StatusVerified, truce.StatusPublished},
	truce.StatusRetracted:   {truce.StatusUnderReview, truce.StatusVerified, truce.StatusPublished, truce.StatusRetracted},
}

// cities are far enough apart, with a day each, that fusion keeps every
// fixture incident apart.
var cities = [][2]float64{{49.99, 36.23}, {46.48, 30.72}, {48.46, 35.05}, {47.84, 35.14}, {50.45, 30.52},
	{49.84, 24.03}, {50.91, 34.80}, {46.97, 32.00}, {49.59, 34.55}, {48.29, 25.94}}

func buildMatrix(t *testing.T, env *apptest.Env) *matrixFixture {
	f := &matrixFixture{env: env, notes: map[string]string{}, hooks: map[string]string{}}
	f.roles = []role{
		{"public", "", truce.RolePublic, ""},
		{"viewer", env.Token(truce.RoleViewer, ""), truce.RoleViewer, ""},
		{"monitor", env.Token(truce.RoleMonitor, ""), truce.RoleMonitor, ""},
		{"analyst", env.Token(truce.RoleAnalyst, ""), truce.RoleAnalyst, ""},
		{"admin", env.Token(truce.RoleAdmin, ""), truce.RoleAdmin, ""},
		{"party UA", env.Token(truce.RoleParty, "UA"), truce.RoleParty, "UA"},
		{"party RU", env.Token(truce.RoleParty, "RU"), truce.RoleParty, "RU"},
	}
	admin, monitor := f.by("admin").token, f.by("monitor").token
	loadAirSeaTruce(t, env, admin)
	for i, s := range truce.Statuses {
		src := truce.Source{Type: "monitor", Name: "Patrol 3", Ref: fmt.Sprintf("m-%d", i)}
		f.addIncident(t, "RU named, "+string(s), monitor, src, "RU", s, i)
	}
	n := len(truce.Statuses)
	f.addIncident(t, "UA accuses RU, verified", f.by("party UA").token,
		truce.Source{Type: "party", Name: "UA General Staff", Party: "UA", Ref: "ua-1"}, "RU", truce.StatusVerified, n)
	f.addIncident(t, "RU reports, no actor named, under review", f.by("party RU").token,
		truce.Source{Type: "party", Name: "RU MoD", Party: "RU", Ref: "ru-1"}, "", truce.StatusUnderReview, n+1)
	var sub struct {
		Rejected []struct {
			ID string `json:"rejected_id"`
		}
	}
	call(t, env, "POST", "/api/v1/reports", monitor, map[string]any{"source": map[string]any{"type": "monitor", "name": "x"}}).
		must(t, http.StatusUnprocessableEntity, &sub)
	f.rejected = sub.Rejected[0].ID
	for _, p := range []string{"RU", "UA"} {
		var list struct{ Notifications []truce.Notification }
		call(t, env, "GET", "/api/v1/notifications?to="+p, admin, nil).must(t, http.StatusOK, &list)
		if len(list.Notifications) == 0 {
			t.Fatalf("the fixture made no notification for %s", p)
		}
		f.notes[p] = list.Notifications[0].ID
	}
	for _, who := range []string{"admin", "party UA", "party RU"} {
		var h truce.Webhook
		body := map[string]any{"url": "http://127.0.0.1:9/" + who, "secret": "k", "events": []string{"status"}}
		call(t, env, "POST", "/api/v1/webhooks", f.by(who).token, body).must(t, http.StatusCreated, &h)
		f.hooks[h.To] = h.ID
	}
	return f
}

// addIncident files one report (attributed to actor, if any) and takes
// its incident to status s.
func (f *matrixFixture) addIncident(t *testing.T, name, token string, src truce.Source, actor string, s truce.Status, i int) {
	rep := strike(src, 19+i%10, cities[i%len(cities)][0], cities[i%len(cities)][1])
	if actor == "" {
		delete(rep, "attributed_to")
	}
	rid := fileReport(t, f.env, token, rep)
	admin := f.by("admin").token
	in := incidentOfReport(t, f.env, admin, rid)
	if len(in.Reports) != 1 {
		t.Fatalf("fixture %q: the incident holds %d reports, want 1", name, len(in.Reports))
	}
	for _, step := range pathTo[s] {
		setStatus(t, f.env, admin, in.ID, step, "fixture: "+name)
	}
	var named []string
	for _, p := range []string{actor, src.Party} {
		if p != "" && !slices.Contains(named, p) {
			named = append(named, p)
		}
	}
	f.incidents = append(f.incidents, &matrixIncident{name: name, id: in.ID, status: s, named: named,
		reports: []matrixReport{{id: rid, party: src.Party}}})
}

func (f *matrixFixture) by(name string) role {
	for _, r := range f.roles {
		if r.name == name {
			return r
		}
	}
	panic("no role " + name)
}

// The spec's rules, written out here independently of internal/app.

// seesIncident: staff see everything; anyone sees what is published; a
// party sees the incidents that name it.
func seesIncident(r role, in *matrixIncident) bool {
	return r.staff() || in.status == truce.StatusPublished ||
		(r.role == truce.RoleParty && slices.Contains(in.named, r.party))
}

// seesReport: staff see every report; a party its own; anyone the reports
// of published incidents.
func seesReport(r role, in *matrixIncident, rep matrixReport) bool {
	return r.staff() || in.status == truce.StatusPublished || (r.role == truce.RoleParty && rep.party == r.party)
}

// denial is the status of an act the role may not do at all.
func denial(r role) int {
	if r.role == truce.RolePublic {
		return http.StatusUnauthorized
	}
	return http.StatusForbidden
}

// replyStatus: parties reply to what they see and what names them.
func replyStatus(r role, in *matrixIncident) int {
	switch {
	case r.role != truce.RoleParty:
		return denial(r)
	case !seesIncident(r, in):
		return http.StatusNotFound
	case !slices.Contains(in.named, r.party):
		return http.StatusForbidden
	}
	return http.StatusCreated
}

// statusProbe: analysts and admins may try; a move back to reported is
// never allowed (409); others may not try at all.
func statusProbe(r role) int {
	if r.role == truce.RoleAnalyst || r.role == truce.RoleAdmin {
		return http.StatusConflict
	}
	return denial(r)
}
