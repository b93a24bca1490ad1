package storetest

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

// newReport returns a plain report numbered i, occurred i minutes after base.
func newReport(i int) *truce.Report {
	at := base.Add(time.Duration(i) * time.Minute)
	lat, lon := 47.0+float64(i%100)/100, 37.5+float64(i%100)/100
	return &truce.Report{
		ID:           fmt.Sprintf("r_%05d", i),
		ReceivedAt:   at.Add(time.Hour),
		ReceivedBy:   "tok_monitor",
		Source:       truce.Source{Type: truce.SourceMonitor, Name: "omm", Ref: fmt.Sprintf("omm-%d", i)},
		Kind:         truce.KindStrike,
		Occurred:     truce.Window{From: at, To: at.Add(10 * time.Minute)},
		Location:     truce.Location{Lat: &lat, Lon: &lon, Admin1: "Donetsk", Country: "UA"},
		Weapons:      []truce.Weapon{{Class: "drone.long_range", Count: ptr(3)}},
		AttributedTo: "RU",
		Text:         "Three drones struck a depot.",
	}
}

// fullReport returns a report using every field, unknown fields and a
// stated zero toll beside toll left unstated.
func fullReport() *truce.Report {
	kyiv := time.FixedZone("EEST", 3*3600)
	r := newReport(1)
	r.Credibility = 2
	r.Geocode = &truce.Geocode{Lat: 47.01, Lon: 37.51, UncertaintyM: 1500, Admin1: "Donetsk", Country: "UA",
		Precision: "settlement", Entry: "gaz:123", Method: "place", Derived: []string{"location.admin1"}}
	r.LaunchedAt = ptr(time.Date(2025, 4, 20, 8, 50, 0, 123456789, kyiv))
	r.ReportedAt = ptr(base.Add(3 * time.Hour))
	r.Location.UncertaintyM = ptr(2000.0)
	r.Location.Place = "Kramatorsk"
	r.Weapons = append(r.Weapons, truce.Weapon{Class: "artillery", Model: "2S19 «Msta»"})
	r.Target = &truce.Target{Class: "energy.power_grid", Name: "substation <No. 4> & yard"}
	r.Casualties = truce.Casualties{Killed: ptr(0), Civilian: ptr(true)} // injured not stated
	r.Counts = &truce.Counts{Launched: ptr(12), Intercepted: ptr(0)}
	r.Language = "uk"
	r.Text = "Удар по підстанції; \"quoted\" \u2028 line"
	r.EvidenceText = "sentence one."
	r.Evidence = []truce.Evidence{{SHA256: "ab12", MediaType: "image/jpeg", CapturedAt: ptr(base)}}
	r.Extra = map[string]json.RawMessage{
		"source.url": json.RawMessage(`"https://example.org/a?b=1&c=2"`),
		"x_unit":     json.RawMessage(`{"name":"3rd","size":2,"nested":{"z":[1,2.5,null]}}`),
		"tags":       json.RawMessage(`["a","b"]`),
	}
	return r
}

func testReportRoundTrip(t *testing.T, s truce.Store) {
	want := fullReport()
	update(t, s, func(tx truce.Tx) error { return tx.InsertReport(want) })
	view(t, s, func(tx truce.Tx) error {
		byID, err := tx.Report(want.ID)
		if err != nil {
			return err
		}
		byKey, err := tx.ReportByKey(want.Source.Name, want.Source.Ref)
		if err != nil {
			return err
		}
		list, _, err := tx.Reports(truce.ReportFilter{})
		if err != nil {
			return err
		}
		if len(list) != 1 {
			t.Fatalf("Reports: got %d reports, want 1", len(list))
		}
		for name, got := range map[string]*truce.Report{"Report": byID, "ReportByKey": byKey, "Reports": list[0]} {
			if diff := cmp.Diff(want, got, jsonEqual); diff != "" {
				t.Errorf("%s: round trip changed the report (-want +got):\n%s", name, diff)
			}
			if got.Casualties.Killed == nil || *got.Casualties.Killed != 0 || got.Casualties.Injured != nil {
				t.Errorf("%s: casualties %+v, want killed=0 stated and injured unstated", name, got.Casualties)
			}
		}
		return nil
	})
}

func testReportConflicts(t *testing.T, s truce.Store) {
	first := newReport(1)
	update(t, s, func(tx truce.Tx) error { return tx.InsertReport(first) })
	tests := []struct {
		name   string
		modify func(r *truce.Report)
		code   string
	}{
		{"same id", func(r *truce.Report) { r.Source.Ref = "other" }, truce.ECONFLICT},
		{"same source and ref", func(r *truce.Report) { r.ID = "r_other" }, truce.ECONFLICT},
		{"same ref, other source", func(r *truce.Report) { r.ID, r.Source.Name = "r_x1", "other-source" }, ""},
		{"no ref twice (1)", func(r *truce.Report) { r.ID, r.Source.Ref = "r_x2", "" }, ""},
		{"no ref twice (2)", func(r *truce.Report) { r.ID, r.Source.Ref = "r_x3", "" }, ""},
		{"no id", func(r *truce.Report) { r.ID, r.Source.Ref = "", "fresh" }, truce.EINVALID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newReport(1)
			tc.modify(r)
			err := s.Update(t.Context(), func(tx truce.Tx) error { return tx.InsertReport(r) })
			wantCode(t, "InsertReport", err, tc.code)
		})
	}
	view(t, s, func(tx truce.Tx) error {
		got, err := tx.Report(first.ID)
		if err != nil {
			return err
		}
		if got.Source.Ref != first.Source.Ref {
			t.Errorf("a conflicting insert changed the stored report: ref %q", got.Source.Ref)
		}
		all, _, err := tx.Reports(truce.ReportFilter{})
		if len(all) != 4 {
			t.Errorf("got %d reports, want 4 (the first and three without conflict)", len(all))
		}
		return err
	})
}

// testReportConflictThenContinue checks that a duplicate does not spoil its
// transaction: intake looks up the existing report and goes on.
func testReportConflictThenContinue(t *testing.T, s truce.Store) {
	update(t, s, func(tx truce.Tx) error { return tx.InsertReport(newReport(1)) })
	update(t, s, func(tx truce.Tx) error {
		dup := newReport(1)
		dup.ID = "r_dup"
		if err := errWant("duplicate insert", tx.InsertReport(dup), truce.ECONFLICT); err != nil {
			return err
		}
		old, err := tx.ReportByKey(dup.Source.Name, dup.Source.Ref)
		if err != nil {
			return fmt.Errorf("after a conflict: %w", err)
		}
		if old.ID != "r_00001" {
			return fmt.Errorf("ReportByKey found %s, want r_00001", old.ID)
		}
		return tx.InsertReport(newReport(2))
	})
	view(t, s, func(tx truce.Tx) error {
		_, err := tx.Report("r_00002")
		return err
	})
}

func testReportNotFound(t *testing.T, s truce.Store) {
	r := newReport(1)
	r.Source.Ref = ""
	update(t, s, func(tx truce.Tx) error { return tx.InsertReport(r) })
	view(t, s, func(tx truce.Tx) error {
		_, err := tx.Report("r_missing")
		wantCode(t, "Report(missing)", err, truce.ENOTFOUND)
		_, err = tx.ReportByKey("omm", "nope")
		wantCode(t, "ReportByKey(missing)", err, truce.ENOTFOUND)
		_, err = tx.ReportByKey("omm", "")
		wantCode(t, "ReportByKey(empty ref)", err, truce.ENOTFOUND)
		return nil
	})
}

// filterReports returns 24 reports that differ in every filtered field.
func filterReports() []*truce.Report {
	types := []truce.SourceType{truce.SourceMonitor, truce.SourceParty, truce.SourceNews, truce.SourceSensor}
	kinds := []truce.Kind{truce.KindStrike, truce.KindExplosion, truce.KindGroundAssault}
	regions := []string{"Donetsk", "Kharkiv", "Zaporizhzhia", "Kursk"}
	var out []*truce.Report
	for i := range 24 {
		r := newReport(i)
		r.Source.Type = types[i%4]
		switch r.Source.Type {
		case truce.SourceParty:
			r.Source.Name, r.Source.Party = "ua-mod", "UA"
			if i%8 == 5 {
				r.Source.Name, r.Source.Party = "ru-mod", "RU"
			}
		case truce.SourceNews:
			r.Source.Name = "wire"
		case truce.SourceSensor:
			r.Source.Name = "acoustic-1"
		}
		if i%5 == 0 {
			r.Source.Ref = ""
		}
		r.Kind = kinds[i%3]
		r.Location.Admin1 = regions[(i/2)%4]
		if i%6 == 1 { // the geocoded region wins over the given one
			r.Geocode = &truce.Geocode{Admin1: "Luhansk", Precision: "admin1", Method: "point"}
		}
		from := base.Add(time.Duration(i) * time.Hour)
		r.Occurred = truce.Window{From: from, To: from.Add(time.Duration(i%3) * 30 * time.Minute)}
		out = append(out, r)
	}
	return out
}

func admin1(r *truce.Report) string {
	if r.Geocode != nil && r.Geocode.Admin1 != "" {
		return r.Geocode.Admin1
	}
	return r.Location.Admin1
}

func overlaps(from, to time.Time, w truce.Window) bool {
	return (from.IsZero() || !w.To.Before(from)) && (to.IsZero() || !w.From.After(to))
}

func testReportFilters(t *testing.T, s truce.Store) {
	reports := filterReports()
	update(t, s, func(tx truce.Tx) error {
		for _, r := range reports {
			if err := tx.InsertReport(r); err != nil {
				return err
			}
		}
		return nil
	})
	h := func(n float64) time.Time { return base.Add(time.Duration(n * float64(time.Hour))) }
	tests := []struct {
		name string
		f    truce.ReportFilter
		want func(r *truce.Report) bool
	}{
		{"none", truce.ReportFilter{}, func(*truce.Report) bool { return true }},
		{"from", truce.ReportFilter{From: h(10)}, func(r *truce.Report) bool { return overlaps(h(10), time.Time{}, r.Occurred) }},
		{"to", truce.ReportFilter{To: h(5.2)}, func(r *truce.Report) bool { return overlaps(time.Time{}, h(5.2), r.Occurred) }},
		{"window", truce.ReportFilter{From: h(7.25), To: h(9)}, func(r *truce.Report) bool { return overlaps(h(7.25), h(9), r.Occurred) }},
		{"instant on boundaries", truce.ReportFilter{From: h(6), To: h(6)}, func(r *truce.Report) bool { return overlaps(h(6), h(6), r.Occurred) }},
		{"source type", truce.ReportFilter{SourceType: truce.SourceParty}, func(r *truce.Report) bool { return r.Source.Type == truce.SourceParty }},
		{"source name", truce.ReportFilter{SourceName: "ru-mod"}, func(r *truce.Report) bool { return r.Source.Name == "ru-mod" }},
		{"source party", truce.ReportFilter{SourceParty: "UA"}, func(r *truce.Report) bool { return r.Source.Party == "UA" }},
		{"kind", truce.ReportFilter{Kind: truce.KindExplosion}, func(r *truce.Report) bool { return r.Kind == truce.KindExplosion }},
		{"admin1 given", truce.ReportFilter{Admin1: "Kursk"}, func(r *truce.Report) bool { return admin1(r) == "Kursk" }},
		{"admin1 geocoded", truce.ReportFilter{Admin1: "Luhansk"}, func(r *truce.Report) bool { return admin1(r) == "Luhansk" }},
		{"combined", truce.ReportFilter{SourceType: truce.SourceMonitor, Kind: truce.KindStrike, From: h(3)},
			func(r *truce.Report) bool {
				return r.Source.Type == truce.SourceMonitor && r.Kind == truce.KindStrike && overlaps(h(3), time.Time{}, r.Occurred)
			}},
		{"matches nothing", truce.ReportFilter{SourceName: "nobody"}, func(*truce.Report) bool { return false }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var want []string
			for _, r := range slices.Backward(reports) {
				if tc.want(r) {
					want = append(want, r.ID)
				}
			}
			if tc.name != "none" && tc.name != "matches nothing" && (len(want) == 0 || len(want) == len(reports)) {
				t.Fatalf("fixture does not exercise the filter: %d of %d match", len(want), len(reports))
			}
			var got []string
			view(t, s, func(tx truce.Tx) error {
				rs, next, err := tx.Reports(tc.f)
				for _, r := range rs {
					got = append(got, r.ID)
				}
				if next != "" {
					t.Errorf("next = %q, want none", next)
				}
				return err
			})
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Reports(%+v) ids, newest first (-want +got):\n%s", tc.f, diff)
			}
		})
	}
}

func insertReports(t testing.TB, s truce.Store, from, to int) {
	t.Helper()
	update(t, s, func(tx truce.Tx) error {
		for i := from; i < to; i++ {
			if err := tx.InsertReport(newReport(i)); err != nil {
				return err
			}
		}
		return nil
	})
}

// pageReports reads every page of f and returns the ids and page count.
func pageReports(t *testing.T, s truce.Store, f truce.ReportFilter) (ids []string, pages int) {
	t.Helper()
	for {
		var next string
		view(t, s, func(tx truce.Tx) error {
			rs, n, err := tx.Reports(f)
			for _, r := range rs {
				ids = append(ids, r.ID)
			}
			next = n
			return err
		})
		pages++
		if next == "" || pages > 1000 {
			return ids, pages
		}
		f.Cursor = next
	}
}

func testReportPaging(t *testing.T, s truce.Store) {
	insertReports(t, s, 0, 25)
	var all []string
	for i := 24; i >= 0; i-- {
		all = append(all, newReport(i).ID)
	}
	for _, limit := range []int{1, 7, 24, 25, 26} {
		t.Run(fmt.Sprint("limit ", limit), func(t *testing.T) {
			got, pages := pageReports(t, s, truce.ReportFilter{Limit: limit})
			if diff := cmp.Diff(all, got); diff != "" {
				t.Errorf("pages joined (-want +got):\n%s", diff)
			}
			if want := (25 + limit - 1) / limit; pages != want {
				t.Errorf("%d pages, want %d", pages, want)
			}
		})
	}
	t.Run("stable under inserts", func(t *testing.T) {
		var first []*truce.Report
		var next string
		view(t, s, func(tx truce.Tx) error {
			var err error
			first, next, err = tx.Reports(truce.ReportFilter{Limit: 10})
			return err
		})
		insertReports(t, s, 100, 105) // newer than every page
		rest, _ := pageReports(t, s, truce.ReportFilter{Limit: 10, Cursor: next})
		var got []string
		for _, r := range first {
			got = append(got, r.ID)
		}
		if diff := cmp.Diff(all, append(got, rest...)); diff != "" {
			t.Errorf("pages joined (-want +got):\n%s", diff)
		}
	})
	t.Run("with a filter", func(t *testing.T) {
		got, _ := pageReports(t, s, truce.ReportFilter{Limit: 2, From: base.Add(30 * time.Minute)})
		want := []string{"r_00104", "r_00103", "r_00102", "r_00101", "r_00100", "r_00024", "r_00023", "r_00022", "r_00021", "r_00020"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("filtered pages joined (-want +got):\n%s", diff)
		}
	})
}

func testReportLimits(t *testing.T, s truce.Store) {
	insertReports(t, s, 0, 1001)
	tests := []struct {
		limit, want int
	}{{0, 100}, {-5, 100}, {1, 1}, {1000, 1000}, {5000, 1000}}
	for _, tc := range tests {
		view(t, s, func(tx truce.Tx) error {
			rs, next, err := tx.Reports(truce.ReportFilter{Limit: tc.limit})
			if len(rs) != tc.want || next == "" {
				t.Errorf("Limit %d: %d reports, next %q; want %d and a next page", tc.limit, len(rs), next, tc.want)
			}
			if tc.want == 1000 {
				rest, next, err := tx.Reports(truce.ReportFilter{Limit: tc.limit, Cursor: next})
				if len(rest) != 1 || next != "" || err != nil {
					t.Errorf("Limit %d, second page: %d reports, next %q, err %v; want the last one", tc.limit, len(rest), next, err)
				}
			}
			return err
		})
	}
}

func testBadCursors(t *testing.T, s truce.Store) {
	insertReports(t, s, 0, 3)
	var reportCursor string
	view(t, s, func(tx truce.Tx) error {
		var err error
		_, reportCursor, err = tx.Reports(truce.ReportFilter{Limit: 1})
		return err
	})
	if reportCursor == "" {
		t.Fatal("no cursor after a first page of 1 of 3")
	}
	view(t, s, func(tx truce.Tx) error {
		for _, c := range []string{"garbage!!", "cjE6", "cjE6eA", "aTE6MTA"} {
			_, _, err := tx.Reports(truce.ReportFilter{Cursor: c})
			wantCode(t, "Reports(cursor "+c+")", err, truce.EINVALID)
			_, _, err = tx.Incidents(truce.IncidentFilter{Cursor: c})
			wantCode(t, "Incidents(cursor "+c+")", err, truce.EINVALID)
			_, _, err = tx.RejectedItems(truce.RejectedFilter{Cursor: c})
			wantCode(t, "RejectedItems(cursor "+c+")", err, truce.EINVALID)
		}
		_, _, err := tx.Incidents(truce.IncidentFilter{Cursor: reportCursor})
		wantCode(t, "Incidents(a reports cursor)", err, truce.EINVALID)
		_, _, err = tx.RejectedItems(truce.RejectedFilter{Cursor: reportCursor})
		wantCode(t, "RejectedItems(a reports cursor)", err, truce.EINVALID)
		return nil
	})
}
