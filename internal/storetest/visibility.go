package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

// testReportVisibility checks ReportFilter.Restricted: the reports of
// published incidents, plus a party's own reports.
func testReportVisibility(t *testing.T, s truce.Store) {
	ua, ru, lone, pub := newReport(1), newReport(2), newReport(3), newReport(4)
	ua.Source = truce.Source{Type: truce.SourceParty, Name: "UA MoD", Party: "UA", Ref: "ua-1"}
	ru.Source = truce.Source{Type: truce.SourceParty, Name: "RU MoD", Party: "RU", Ref: "ru-1"}
	update(t, s, func(tx truce.Tx) error {
		for _, r := range []*truce.Report{ua, ru, lone, pub} {
			if err := tx.InsertReport(r); err != nil {
				return err
			}
		}
		hidden := members(newIncident(1), ua.ID, ru.ID, lone.ID)
		shown := members(newIncident(2), pub.ID)
		shown.Status = truce.StatusPublished
		if err := tx.PutIncident(hidden); err != nil {
			return err
		}
		return tx.PutIncident(shown)
	})
	tests := []struct {
		name string
		f    truce.ReportFilter
		want []string
	}{
		{"staff, unrestricted", truce.ReportFilter{}, []string{pub.ID, lone.ID, ru.ID, ua.ID}},
		{"public", truce.ReportFilter{Restricted: true}, []string{pub.ID}},
		{"party UA", truce.ReportFilter{Restricted: true, VisibleParty: "UA"}, []string{pub.ID, ua.ID}},
		{"party RU with a kind filter", truce.ReportFilter{Restricted: true, VisibleParty: "RU", Kind: truce.KindStrike}, []string{pub.ID, ru.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			view(t, s, func(tx truce.Tx) error {
				rs, _, err := tx.Reports(tt.f)
				for _, r := range rs {
					got = append(got, r.ID)
				}
				return err
			})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("visible reports (-want +got):\n%s", diff)
			}
		})
	}
}
