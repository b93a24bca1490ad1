package fusion

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/truce-monitor/truce"
)

func intp(n int) *int { return &n }

func TestFigures(t *testing.T) {
	day := t0.Add(24 * time.Hour)
	tests := []struct {
		name    string
		reports []*truce.Report
		killed  truce.Figure
	}{
		{name: "nobody states a number", reports: []*truce.Report{report("a"), report("b")},
			killed: truce.Figure{}},
		{name: "a stated zero counts", reports: []*truce.Report{report("a", killed(0)), report("b")},
			killed: truce.Figure{Low: intp(0), Best: intp(0), High: intp(0),
				Claims: []truce.FigureClaim{{Value: 0, ReportID: "a", Source: "Outlet a"}}}},
		{name: "the latest report of equal grades is best",
			reports: []*truce.Report{report("a", killed(8), reported(t0)), report("b", killed(13), reported(day)), report("c", killed(11), reported(t0.Add(time.Hour)))},
			killed: truce.Figure{Low: intp(8), Best: intp(13), High: intp(13), Claims: []truce.FigureClaim{
				{Value: 8, ReportID: "a", Source: "Outlet a"}, {Value: 13, ReportID: "b", Source: "Outlet b"}, {Value: 11, ReportID: "c", Source: "Outlet c"}}}},
		{name: "a more reliable grade beats a later report",
			reports: []*truce.Report{report("a", killed(16), reliability("B"), reported(t0)), report("b", killed(9), reported(day))},
			killed: truce.Figure{Low: intp(9), Best: intp(16), High: intp(16), Claims: []truce.FigureClaim{
				{Value: 16, ReportID: "a", Source: "Outlet a"}, {Value: 9, ReportID: "b", Source: "Outlet b"}}}},
		{name: "same time, later arrival",
			reports: []*truce.Report{report("a", killed(3)), report("b", killed(4))},
			killed: truce.Figure{Low: intp(3), Best: intp(4), High: intp(4), Claims: []truce.FigureClaim{
				{Value: 3, ReportID: "a", Source: "Outlet a"}, {Value: 4, ReportID: "b", Source: "Outlet b"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEngine()
			add(t, e, tt.reports...)
			in := incidentOf(t, e, "a")
			if len(in.Reports) != len(tt.reports) {
				t.Fatalf("%d reports fused, want %d", len(in.Reports), len(tt.reports))
			}
			if diff := cmp.Diff(tt.killed, in.Killed); diff != "" {
				t.Errorf("killed (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClaims(t *testing.T) {
	e := newEngine()
	add(t, e,
		report("a", weapons("ballistic_missile"), target("residential"), actor("RU")),
		report("b", weapons("ballistic_missile", "unknown"), target("military"), actor("RU")),
	)
	in := incidentOf(t, e, "a")
	want := []truce.Claim{{Value: "ballistic_missile", Reports: []string{"a", "b"}, Sources: []string{"Outlet a", "Outlet b"}}}
	if diff := cmp.Diff(want, in.Weapons); diff != "" {
		t.Errorf("weapons (-want +got):\n%s", diff)
	}
	wantT := []truce.Claim{
		{Value: "residential", Reports: []string{"a"}, Sources: []string{"Outlet a"}},
		{Value: "military", Reports: []string{"b"}, Sources: []string{"Outlet b"}},
	}
	if diff := cmp.Diff(wantT, in.Targets); diff != "" {
		t.Errorf("targets (-want +got):\n%s", diff)
	}
}

func TestWeaponModelsInClaims(t *testing.T) {
	e := newEngine()
	r := report("a")
	r.Weapons = []truce.Weapon{{Class: "ballistic_missile", Model: "Iskander-M", Count: intp(2)}}
	add(t, e, r, report("b", weapons("ballistic_missile")))
	in := incidentOf(t, e, "a")
	if len(in.Weapons) != 1 || in.Weapons[0].Name != "Iskander-M" || len(in.Weapons[0].Reports) != 2 {
		t.Errorf("weapons = %+v", in.Weapons)
	}
}

func TestChainsCredibilityActor(t *testing.T) {
	gov := "Dnipropetrovsk governor"
	tests := []struct {
		name        string
		reports     []*truce.Report
		chains      int
		cred        int
		actor       string
		allegations []string
	}{
		{name: "one outlet", reports: []*truce.Report{report("a", actor("RU"))},
			chains: 1, cred: 6, actor: "RU"},
		{name: "two outlets quoting one governor are one chain",
			reports: []*truce.Report{report("a", via(gov), actor("RU")), report("b", via(gov), actor("RU"))},
			chains:  1, cred: 6, actor: "RU"},
		{name: "one outlet twice is one chain",
			reports: []*truce.Report{report("a", from(truce.SourceNews, "Reuters")), report("b", from(truce.SourceNews, "reuters "))},
			chains:  1, cred: 6, actor: truce.Unknown},
		{name: "two independent chains, one graded B",
			reports: []*truce.Report{report("a", reliability("B")), report("b")},
			chains:  2, cred: 2, actor: truce.Unknown},
		{name: "two independent chains, ungraded",
			reports: []*truce.Report{report("a"), report("b")},
			chains:  2, cred: 3, actor: truce.Unknown},
		{name: "three independent chains confirm",
			reports: []*truce.Report{report("a"), report("b"), report("c", from(truce.SourceMonitor, "Patrol 14"), reliability("A"))},
			chains:  3, cred: 1, actor: truce.Unknown},
		{name: "a single monitor graded A",
			reports: []*truce.Report{report("a", from(truce.SourceMonitor, "Patrol 14"), reliability("A"))},
			chains:  1, cred: 3, actor: truce.Unknown},
		{name: "a party's accusation corroborates nothing",
			reports: []*truce.Report{report("a", partySource("RU", "Russian MoD"), actor("UA"), reliability("B")), report("b")},
			chains:  2, cred: 6, actor: "UA", allegations: []string{"RU"}},
		{name: "outlets relaying the party are the party's chain",
			reports: []*truce.Report{report("a", partySource("UA", "Ukrainian Air Force"), actor("RU")), report("b", via("ukrainian air force"), actor("RU")), report("c", via("Ukrainian Air Force"))},
			chains:  1, cred: 6, actor: "RU", allegations: []string{"UA"}},
		{name: "parties blame each other: contested",
			reports: []*truce.Report{report("a", partySource("RU", "Russian MoD"), actor("UA")), report("b", partySource("UA", "Ukrainian General Staff"), actor("RU"))},
			chains:  2, cred: 6, actor: truce.Unknown, allegations: []string{"RU", "UA"}},
		{name: "an admission",
			reports: []*truce.Report{report("a", partySource("RU", "Russian MoD"), actor("RU"))},
			chains:  1, cred: 6, actor: "RU"},
		{name: "monitors decide over a party",
			reports: []*truce.Report{report("a", partySource("RU", "Russian MoD"), actor("UA")), report("b", from(truce.SourceMonitor, "Patrol 3"), actor("RU"))},
			chains:  2, cred: 6, actor: "RU", allegations: []string{"RU"}},
		{name: "neutral sources disagree",
			reports: []*truce.Report{report("a", actor("RU")), report("b", actor("UA")), report("c", partySource("RU", "Russian MoD"), actor("UA"))},
			chains:  3, cred: 3, actor: truce.Unknown, allegations: []string{"RU"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEngine()
			add(t, e, tt.reports...)
			in := incidentOf(t, e, "a")
			if len(in.Reports) != len(tt.reports) {
				t.Fatalf("%d reports fused, want %d", len(in.Reports), len(tt.reports))
			}
			got := []any{in.Chains, in.Credibility, in.Actor, in.Allegations}
			want := []any{tt.chains, tt.cred, tt.actor, tt.allegations}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("chains, credibility, actor, allegations (-want +got):\n%s", diff)
			}
		})
	}
}

// The window is the intersection of the members' windows, or their union
// (explained) when they only meet within the tolerance.
func TestWindowAndLocation(t *testing.T) {
	e := newEngine()
	add(t, e, report("a", at(t0, time.Hour)), report("b", at(t0.Add(30*time.Minute), 2*time.Hour)),
		report("c", point(47.9120, 33.3950, 300, "Dnipropetrovsk", "UA"), at(t0.Add(40*time.Minute), 0)))
	in := incidentOf(t, e, "a")
	want := truce.Window{From: t0.Add(40 * time.Minute), To: t0.Add(40 * time.Minute)}
	if in.Window != want {
		t.Errorf("window %v, want %v", in.Window, want)
	}
	if in.Location.Precision != "point" || in.Location.UncertaintyM != 300 || in.Location.Place != "Kryvyi Rih" {
		t.Errorf("location %+v, want the 300 m point named Kryvyi Rih", in.Location)
	}

	e = newEngine()
	add(t, e, report("a", at(t0, time.Hour)), report("b", at(t0.Add(3*time.Hour), time.Hour)))
	in = incidentOf(t, e, "a")
	if len(in.Reports) != 2 {
		t.Fatal("not fused")
	}
	want = truce.Window{From: t0, To: t0.Add(4 * time.Hour)}
	if in.Window != want || !anyContains(in.Explanation, "is their union") {
		t.Errorf("window %v (explanation %q), want the union %v explained", in.Window, in.Explanation, want)
	}
}
