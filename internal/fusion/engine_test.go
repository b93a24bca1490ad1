package fusion

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/truce-monitor/truce"
)

// Two impact sites 2.5 km apart are two incidents until a report placed
// between them arrives: it bridges them, and the older keeps its id.
func TestBridgingReportMerges(t *testing.T) {
	e := newEngine()
	chs := add(t, e,
		report("p1", point(47.9000, 33.3900, 300, "Dnipropetrovsk", "UA")),
		report("p2", point(47.9225, 33.3900, 300, "Dnipropetrovsk", "UA")),
	)
	if together(t, e, "p1", "p2") {
		t.Fatal("sites 2.5 km apart were joined before the bridge")
	}
	first, second := chs[0].Incident, chs[1].Incident
	ch := e.Add(report("mid", point(47.91125, 33.3900, 300, "Dnipropetrovsk", "UA")))
	want := Change{Report: "mid", Incident: first, Merged: []string{second}, Updated: []string{first}, Deleted: []string{second}}
	if diff := cmp.Diff(want, ch); diff != "" {
		t.Fatalf("change (-want +got):\n%s", diff)
	}
	if !together(t, e, "p1", "p2") || !together(t, e, "p1", "mid") {
		t.Error("bridged reports are not one incident")
	}
	if _, err := e.Incident(second); truce.ErrorCode(err) != truce.ENOTFOUND {
		t.Errorf("merged incident still found: %v", err)
	}
	if in := incidentOf(t, e, "p2"); len(in.Reports) != 3 {
		t.Errorf("incident has %d reports, want 3", len(in.Reports))
	}
}

// A vague report that fits two incidents which cannot be one joins the
// better and says why it did not join the other.
func TestAmbiguousReportJoinsBestOnly(t *testing.T) {
	e := newEngine()
	add(t, e,
		report("kyiv", kyivCity, target("residential")),
		report("myk", region("Mykolaiv", "UA", 47.1, 32.0, 110000), target("infrastructure")),
	)
	add(t, e, report("south", country("UA"), target("infrastructure")))
	if !together(t, e, "south", "myk") || together(t, e, "south", "kyiv") {
		t.Fatalf("south joined %s, want the Mykolaiv incident only", must(e.IncidentOf("south")))
	}
	in := incidentOf(t, e, "south")
	if !anyContains(in.NotJoined, "not joined with "+must(e.IncidentOf("kyiv"))) {
		t.Errorf("not_joined = %q, want the Kyiv incident named", in.NotJoined)
	}
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}

// After an analyst splits reports out, no later report fuses them back,
// though each side still gains reports of its own.
func TestSplitIsRemembered(t *testing.T) {
	e := newEngine()
	add(t, e, report("a"), report("b"), report("c"))
	orig := must(e.IncidentOf("a"))
	ch, err := e.Split(orig, []string{"c"})
	if err != nil {
		t.Fatal(err)
	}
	if !ch.Created || ch.Incident == orig || !slices.Contains(ch.Updated, orig) || !slices.Contains(ch.Updated, ch.Incident) {
		t.Fatalf("split change = %+v", ch)
	}
	if together(t, e, "a", "c") || !together(t, e, "a", "b") {
		t.Fatal("split did not move c alone")
	}
	// d fits both sides: it joins one and does not merge them.
	add(t, e, report("d"), report("e", kind(truce.KindExplosion)))
	if together(t, e, "a", "c") {
		t.Fatal("a later report fused the split reports again")
	}
	in := incidentOf(t, e, "c")
	if len(in.Separations) != 1 || !slices.Contains(in.Separations[0].B, "c") || !slices.Contains(in.Separations[0].A, "a") {
		t.Errorf("separations = %+v", in.Separations)
	}
	if nj := incidentOf(t, e, "d").NotJoined; !anyContains(nj, "kept apart by an analyst") {
		t.Errorf("not_joined = %q, want the analyst's split named", nj)
	}

	for _, tt := range []struct {
		id      string
		reports []string
		code    string
	}{
		{"nope", []string{"a"}, truce.ENOTFOUND},
		{orig, []string{"zzz"}, truce.EINVALID},
		{orig, []string{"c"}, truce.EINVALID}, // c is no longer in orig
		{orig, nil, truce.EINVALID},
		{must(e.IncidentOf("c")), []string{"c"}, truce.EINVALID}, // would empty it
	} {
		if _, err := e.Split(tt.id, tt.reports); truce.ErrorCode(err) != tt.code {
			t.Errorf("Split(%s, %v) = %v, want %s", tt.id, tt.reports, err, tt.code)
		}
	}
}

// An analyst may merge what the rules keep apart, but never a tally with
// single incidents.
func TestAnalystMerge(t *testing.T) {
	e := newEngine()
	add(t, e, report("kyiv", kyivCity), report("brov", brovary), report("tally", tally(30), country("UA")))
	k, b, tl := must(e.IncidentOf("kyiv")), must(e.IncidentOf("brov")), must(e.IncidentOf("tally"))
	ch, err := e.Merge(b, k)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Incident != k || !slices.Equal(ch.Deleted, []string{b}) {
		t.Errorf("merge change = %+v, want %s kept and %s deleted", ch, k, b)
	}
	if !slices.Contains(ch.Updated, tl) {
		t.Errorf("the tally linked to the merged incident is not among the updated: %v", ch.Updated)
	}
	if !together(t, e, "kyiv", "brov") {
		t.Error("not merged")
	}
	if _, err := e.Merge(k, tl); truce.ErrorCode(err) != truce.EINVALID {
		t.Errorf("merging a tally with an incident: %v, want invalid", err)
	}
	if _, err := e.Merge(k); truce.ErrorCode(err) != truce.EINVALID {
		t.Errorf("merging one incident: %v, want invalid", err)
	}
	if _, err := e.Merge(k, "nope"); truce.ErrorCode(err) != truce.ENOTFOUND {
		t.Errorf("merging a missing incident: %v, want not found", err)
	}
}

// A night's tally is its own incident, linked to the strikes it covers in
// its area and window, and they link back; a strike elsewhere or on
// another night is not linked.
func TestTallyLinkedNotMerged(t *testing.T) {
	e := newEngine()
	night := at(time.Date(2023, 12, 21, 20, 0, 0, 0, time.UTC), 10*time.Hour)
	chs := add(t, e,
		report("kyiv", kyivCity, night, weapons("drone")),
		report("other-night", kyivCity, night, shift(72*time.Hour), weapons("drone")),
		report("belgorod", settlementAt("Belgorod", "t:belgorod", 50.6, 36.6, 9000, "Belgorod", "RU"), night, weapons("drone")),
		report("missile", sumyCity, night, weapons("ballistic_missile")),
		report("af", partySource("UA", "Ukrainian Air Force"), country("UA"), night, weapons("drone.long_range"), tally(28)),
	)
	tallyCh := chs[4]
	if tallyCh.Incident == must(e.IncidentOf("kyiv")) {
		t.Fatal("the tally was fused with a single incident")
	}
	tl := incidentOf(t, e, "af")
	kyiv := must(e.IncidentOf("kyiv"))
	if !tl.Aggregate || !slices.Equal(tl.Linked, []string{kyiv}) {
		t.Errorf("tally: aggregate=%v linked=%v, want linked to %s only", tl.Aggregate, tl.Linked, kyiv)
	}
	if got := incidentOf(t, e, "kyiv").Linked; !slices.Equal(got, []string{tl.ID}) {
		t.Errorf("kyiv links %v, want the tally", got)
	}
	if !slices.Contains(tallyCh.Updated, kyiv) {
		t.Errorf("tally change updated %v, want the linked incident too", tallyCh.Updated)
	}
	// A second outlet quoting the same tally fuses with it.
	add(t, e, report("af2", from(truce.SourceNews, "Reuters"), via("Ukrainian Air Force"), country("UA"), night, weapons("drone"), tally(28)))
	if !together(t, e, "af", "af2") {
		t.Fatal("the same tally from two outlets was not fused")
	}
	if tl := incidentOf(t, e, "af2"); tl.Chains != 1 {
		t.Errorf("an outlet quoting the Air Force is %d chains with it, want 1", tl.Chains)
	}
	// A later strike in the window links to the tally on arrival.
	ch := e.Add(report("kyiv-late", brovary, night, weapons("drone")))
	if !slices.Contains(ch.Updated, tl.ID) {
		t.Errorf("new strike's change updated %v, want the tally %s", ch.Updated, tl.ID)
	}
}

func TestDuplicateAndUnnamedReports(t *testing.T) {
	e := newEngine()
	ch1 := e.Add(report("a"))
	ch2 := e.Add(report("a", shift(1000*time.Hour)))
	if !ch2.Duplicate || ch2.Incident != ch1.Incident || len(ch2.Updated) != 0 {
		t.Errorf("re-adding a report: %+v", ch2)
	}
	r := report("")
	ch3 := e.Add(r)
	if ch3.Report == "" || r.ID != "" {
		t.Errorf("an unnamed report got id %q (report's own id now %q)", ch3.Report, r.ID)
	}
	if ch3.Incident != ch1.Incident {
		t.Error("unnamed report was not fused")
	}
}

// Load rebuilds an engine from stored incidents: later reports fuse with
// them, and analyst separations survive.
func TestLoadRebuilds(t *testing.T) {
	e := newEngine()
	rs := map[string]*truce.Report{}
	for _, r := range []*truce.Report{report("a"), report("b"), report("c"), report("k", kyivCity), report("t", tally(5), country("UA"))} {
		rs[r.ID] = r
		e.Add(r)
	}
	if _, err := e.Split(must(e.IncidentOf("a")), []string{"c"}); err != nil {
		t.Fatal(err)
	}
	if err := e.SetStatus(must(e.IncidentOf("k")), truce.StatusVerified); err != nil {
		t.Fatal(err)
	}
	stored := e.Incidents()

	e2 := newEngine()
	for _, in := range slices.Backward(stored) { // any order
		var members []*truce.Report
		for _, m := range in.Reports {
			members = append(members, rs[m.ID])
		}
		if err := e2.Load(in, members); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(stored, e2.Incidents()); diff != "" {
		t.Errorf("reloaded incidents differ (-stored +loaded):\n%s", diff)
	}
	add(t, e2, report("d"))
	if together(t, e2, "a", "c") {
		t.Error("separation lost on reload")
	}
	if !together(t, e2, "d", "a") && !together(t, e2, "d", "c") {
		t.Error("a new report did not fuse with loaded incidents")
	}
	if err := e2.Load(stored[0], []*truce.Report{report("zz")}); truce.ErrorCode(err) != truce.ECONFLICT {
		t.Errorf("loading an incident twice: %v", err)
	}
}

// Explanations stay bounded however many reports an incident has.
func TestExplanationsBounded(t *testing.T) {
	e := newEngine()
	for i := range 50 {
		e.Add(report(fmt.Sprintf("r%02d", i), shift(time.Duration(i)*time.Minute)))
	}
	in := incidentOf(t, e, "r00")
	if len(in.Reports) != 50 {
		t.Fatalf("%d reports, want 50", len(in.Reports))
	}
	if n := len(in.Explanation); n > maxExplained+3 {
		t.Errorf("%d explanation lines", n)
	}
	if !anyContains(in.Explanation, "more report(s) joined by the same rules") {
		t.Errorf("explanation does not say more joined: %q", in.Explanation)
	}
	if !anyContains(in.Explanation, "same place Kryvyi Rih") {
		t.Errorf("explanation does not name the place: %q", in.Explanation)
	}
}

// A reloaded incident keeps its not_joined lines.
func TestLoadKeepsNotJoined(t *testing.T) {
	e := newEngine()
	rs := []*truce.Report{report("a"), report("b", shift(48*time.Hour))}
	add(t, e, rs...)
	in := incidentOf(t, e, "b")
	if len(in.NotJoined) == 0 {
		t.Fatal("no not_joined line to keep")
	}
	e2 := newEngine()
	if err := e2.Load(in, []*truce.Report{rs[1]}); err != nil {
		t.Fatal(err)
	}
	if got := incidentOf(t, e2, "b").NotJoined; !slices.Equal(got, in.NotJoined) {
		t.Errorf("not_joined after reload %q, want %q", got, in.NotJoined)
	}
}

// With Materialize, a change carries the incidents to persist, as
// Incident returns them.
func TestMaterializedChange(t *testing.T) {
	e := New(Options{Clock: truce.NewFixedClock(t0), Materialize: true})
	e.Add(report("t", tally(3), country("UA")))
	ch := e.Add(report("a", kyivCity, killed(2)))
	if len(ch.Incidents) != len(ch.Updated) || len(ch.Incidents) != 2 {
		t.Fatalf("change has %d incidents for %d updated, want 2 (the new incident and the tally now linked)", len(ch.Incidents), len(ch.Updated))
	}
	for i, id := range ch.Updated {
		want, err := e.Incident(id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, ch.Incidents[i]); diff != "" {
			t.Errorf("incident %s (-Incident +change):\n%s", id, diff)
		}
	}
	if *ch.Incidents[0].Killed.Best != 2 {
		t.Errorf("materialised before the report was counted: %+v", ch.Incidents[0].Killed)
	}
}

// A report that would bridge two incidents does not merge them when one is
// already judged in the follow-up: it joins one and says why not the other.
func TestBridgeSparesJudgedIncidents(t *testing.T) {
	for _, status := range []truce.Status{truce.StatusVerified, truce.StatusPublished, truce.StatusDisputed} {
		e := newEngine()
		chs := add(t, e,
			report("p1", point(47.9000, 33.3900, 300, "Dnipropetrovsk", "UA")),
			report("p2", point(47.9225, 33.3900, 300, "Dnipropetrovsk", "UA")),
		)
		if err := e.SetStatus(chs[1].Incident, status); err != nil {
			t.Fatal(err)
		}
		ch := e.Add(report("mid", point(47.91125, 33.3900, 300, "Dnipropetrovsk", "UA")))
		if len(ch.Merged) != 0 || together(t, e, "p1", "p2") {
			t.Errorf("%s: a bridging report merged a judged incident: %+v", status, ch)
		}
		if got := incidentOf(t, e, "p2").Status; got != status {
			t.Errorf("the judged incident's status became %s, want %s", got, status)
		}
	}
	// Reversed: the judged incident is the older one.
	e := newEngine()
	chs := add(t, e,
		report("q1", point(47.9000, 33.3900, 300, "Dnipropetrovsk", "UA")),
		report("q2", point(47.9225, 33.3900, 300, "Dnipropetrovsk", "UA")),
	)
	if err := e.SetStatus(chs[0].Incident, truce.StatusVerified); err != nil {
		t.Fatal(err)
	}
	if ch := e.Add(report("mid", point(47.91125, 33.3900, 300, "Dnipropetrovsk", "UA"))); len(ch.Merged) != 0 {
		t.Errorf("a bridging report merged into a judged incident: %+v", ch)
	}
	var reasons []string
	for _, id := range []string{"q1", "q2"} {
		reasons = append(reasons, incidentOf(t, e, id).NotJoined...)
	}
	if !strings.Contains(strings.Join(reasons, "\n"), "already judged") {
		t.Errorf("no incident says why the bridge was refused: %q", reasons)
	}
}
