package agreement

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

func TestIncidentFromReport(t *testing.T) {
	lat, lon, unc, killed := 48.4647, 35.0462, 500.0, 3
	from := time.Date(2025, 4, 20, 7, 10, 0, 0, msk)
	r := &truce.Report{
		Source:       truce.Source{Type: truce.SourceParty, Name: "Ukrainian Air Force", Party: "UA", Ref: "uaf-1"},
		Kind:         truce.KindStrike,
		Occurred:     truce.Window{From: from},
		Location:     truce.Location{Lat: &lat, Lon: &lon, UncertaintyM: &unc, Place: "Dnipro", Admin1: "Dnipropetrovsk Oblast", Country: "UA"},
		Weapons:      []truce.Weapon{{Class: "ballistic_missile", Model: "Iskander-M"}, {Class: "ballistic_missile"}, {Class: "drone.long_range"}},
		Target:       &truce.Target{Class: "residential", Name: "apartment block"},
		AttributedTo: "RU",
		Casualties:   truce.Casualties{Killed: &killed},
		Credibility:  2,
	}
	in := IncidentFromReport(r)
	id := in.ID
	if len(id) != 18 || id[:2] != "r-" {
		t.Errorf("id %q", id)
	}
	if again := IncidentFromReport(r); again.ID != id {
		t.Errorf("id not stable: %s, %s", id, again.ID)
	}
	src := []string{"Ukrainian Air Force"}
	want := &truce.Incident{
		ID: id, Kind: truce.KindStrike, Window: truce.Window{From: from, To: from},
		Location: truce.Place{Lat: lat, Lon: lon, UncertaintyM: unc, Place: "Dnipro", Admin1: "Dnipropetrovsk Oblast", Country: "UA", Precision: "point"},
		Weapons: []truce.Claim{
			{Value: "ballistic_missile", Name: "Iskander-M", Reports: []string{id}, Sources: src},
			{Value: "drone.long_range", Reports: []string{id}, Sources: src},
		},
		Targets:     []truce.Claim{{Value: "residential", Name: "apartment block", Reports: []string{id}, Sources: src}},
		Actors:      []truce.Claim{{Value: "RU", Reports: []string{id}, Sources: src}},
		Actor:       "RU",
		Killed:      truce.Figure{Low: &killed, Best: &killed, High: &killed, Claims: []truce.FigureClaim{{Value: 3, ReportID: id, Source: src[0]}}},
		Reports:     []truce.Member{{ID: id, SourceType: truce.SourceParty, SourceName: src[0], SourceRef: "uaf-1", Party: "UA"}},
		Chains:      1,
		Credibility: 2,
		Allegations: []string{"UA"},
		Status:      truce.StatusReported,
	}
	if d := cmp.Diff(want, in); d != "" {
		t.Errorf("incident (-want +got):\n%s", d)
	}

	// A geocoded report takes the geocoder's point and region; a report
	// that names no actor has an unknown one.
	g := &truce.Report{ID: "r_1", Source: truce.Source{Type: truce.SourceNews, Name: "Reuters"}, Kind: truce.KindStrike,
		Occurred: truce.Window{From: from, To: from.Add(time.Hour)}, Location: truce.Location{Place: "Pavlohrad"},
		Geocode: &truce.Geocode{Lat: 48.53, Lon: 35.87, UncertaintyM: 6000, Admin1: "Dnipropetrovsk", Country: "UA", Precision: "settlement", Method: "gazetteer"}}
	gi := IncidentFromReport(g)
	if gi.ID != "r_1" || gi.Actor != truce.Unknown || gi.Location.Lat != 48.53 || gi.Location.Admin1 != "Dnipropetrovsk" || gi.Location.UncertaintyM != 6000 || !gi.Window.To.Equal(from.Add(time.Hour)) {
		t.Errorf("geocoded incident %+v", gi)
	}
	c := compileTemplate(t, "easter-truce-2025", nil)
	if v := Evaluate(gi, c); v.Verdict != truce.Indeterminate {
		t.Errorf("unknown actor under a unilateral truce: %s", v.Verdict)
	}
}
