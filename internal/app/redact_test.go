package app

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

func ip(n int) *int { return &n }

// TestRedactIncident checks that before publication a party sees only what
// its own reports give of an incident that names it.
func TestRedactIncident(t *testing.T) {
	in := &truce.Incident{
		ID: "inc_1", Status: truce.StatusVerified, Actor: "RU",
		Reports: []truce.Member{
			{ID: "r_ua", SourceType: truce.SourceParty, SourceName: "UA General Staff", Party: "UA"},
			{ID: "r_ru", SourceType: truce.SourceParty, SourceName: "RU MoD", Party: "RU"},
			{ID: "r_mon", SourceType: truce.SourceMonitor, SourceName: "Patrol 3"},
		},
		Weapons: []truce.Claim{
			{Value: "ballistic_missile", Reports: []string{"r_ua", "r_mon"}, Sources: []string{"Patrol 3", "UA General Staff"}},
			{Value: "unknown", Reports: []string{"r_ru"}, Sources: []string{"RU MoD"}},
		},
		Killed: truce.Figure{Low: ip(2), Best: ip(3), High: ip(5), Claims: []truce.FigureClaim{
			{Value: 5, ReportID: "r_ua", Source: "UA General Staff"}, {Value: 2, ReportID: "r_ru", Source: "RU MoD"}, {Value: 3, ReportID: "r_mon", Source: "Patrol 3"},
		}},
		Explanation: []string{"same place as Patrol 3's report"},
	}
	ua := truce.Principal{ID: "t", Role: truce.RoleParty, Party: "UA"}
	got := redactIncident(ua, in)
	want := &truce.Incident{
		ID: "inc_1", Status: truce.StatusVerified, Actor: "RU",
		Reports: []truce.Member{{ID: "r_ua", SourceType: truce.SourceParty, SourceName: "UA General Staff", Party: "UA"}},
		Weapons: []truce.Claim{{Value: "ballistic_missile", Reports: []string{"r_ua"}, Sources: []string{"UA General Staff"}}},
		Killed:  truce.Figure{Low: ip(5), Best: ip(5), High: ip(5), Claims: []truce.FigureClaim{{Value: 5, ReportID: "r_ua", Source: "UA General Staff"}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("party view (-want +got):\n%s", diff)
	}
	for _, p := range []truce.Principal{{Role: truce.RoleAnalyst}, {Role: truce.RoleMonitor}, {Role: truce.RoleAdmin}} {
		if redactIncident(p, in) != in {
			t.Errorf("%s sees a redacted incident", p.Role)
		}
	}
	pub := *in
	pub.Status = truce.StatusPublished
	if redactIncident(ua, &pub) != &pub {
		t.Error("a published incident is redacted")
	}
}
