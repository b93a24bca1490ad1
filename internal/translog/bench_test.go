package translog_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/sqlite"
	"github.com/truce-monitor/truce/internal/translog"
)

// benchReport is a report as intake stores it, for the cost of hashing
// records into entries.
func benchReport(i int) *truce.Report {
	lat, lon, unc := 47.84+float64(i%100)/1000, 35.13, 2000.0
	at := time.Date(2025, 4, 20, 7, 12, 3, 0, time.UTC).Add(time.Duration(i) * time.Minute)
	killed := i % 3
	return &truce.Report{
		ID: fmt.Sprintf("r_%026d", i), ReceivedAt: at.Add(time.Hour), ReceivedBy: "tok_monitor_1",
		Geocode: &truce.Geocode{Lat: lat, Lon: lon, UncertaintyM: unc, Admin1: "Zaporizhzhia Oblast", Country: "UA", Precision: "point", Method: "coordinates"},
		Source:  truce.Source{Type: truce.SourceMonitor, Name: "SMM team 4", Ref: fmt.Sprintf("smm4-%d", i), Reliability: "B"},
		Kind:    truce.KindStrike, Occurred: truce.Window{From: at, To: at.Add(10 * time.Minute)},
		Location: truce.Location{Lat: &lat, Lon: &lon, UncertaintyM: &unc, Place: "Zaporizhzhia"},
		Weapons:  []truce.Weapon{{Class: "missile.ballistic", Model: "Iskander-M"}},
		Target:   &truce.Target{Class: "civilian.residential"}, AttributedTo: "RU",
		Casualties: truce.Casualties{Killed: &killed}, Language: "en",
		Text: "Two explosions heard in the northern district; a residential building was damaged.",
	}
}

func benchActs(from, n int) []truce.Act {
	acts := make([]truce.Act, n)
	for i := range acts {
		r := benchReport(from + i)
		acts[i] = truce.Act{Type: "report", ID: r.ID, By: r.ReceivedBy, At: r.ReceivedAt, Record: r}
	}
	return acts
}

// BenchmarkRecord records batches of 1,000 report acts per transaction on
// SQLite, as intake does: one op is one batch; ns/act is per act. The
// transaction also commits, so the figure is the log's whole cost.
func BenchmarkRecord(b *testing.B) {
	st, err := sqlite.Open(context.Background(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	l, _ := translog.NewTestLogOn(b, st, translog.Options{Interval: -1})
	const batch = 1000
	n := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		acts := benchActs(n, batch)
		n += batch
		b.StartTimer()
		err := st.Update(context.Background(), func(tx truce.Tx) error {
			_, err := l.Record(tx, acts...)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/act")
}

// BenchmarkEncodeEntry is the part of Record that hashes the record
// (canonical JSON and SHA-256) and writes the entry.
func BenchmarkEncodeEntry(b *testing.B) {
	acts := benchActs(0, 1000)
	i := 0
	for b.Loop() {
		if _, err := translog.EncodeEntry(acts[i%len(acts)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkRecordHash compares hashing a report as the log does with
// truce.RecordHash, the definition, and with json.Marshal alone.
func BenchmarkRecordHash(b *testing.B) {
	r := benchReport(1)
	b.Run("entry", func(b *testing.B) {
		act := truce.Act{Type: "report", ID: r.ID, By: r.ReceivedBy, At: r.ReceivedAt, Record: r}
		for b.Loop() {
			translog.EncodeEntry(act)
		}
	})
	b.Run("truce.RecordHash", func(b *testing.B) {
		for b.Loop() {
			truce.RecordHash(r)
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		for b.Loop() {
			json.Marshal(r)
		}
	})
}

// BenchmarkRecordMemory is Record on the in-memory store: the log's CPU
// cost without the database's.
func BenchmarkRecordMemory(b *testing.B) {
	st := translog.NewMemStore()
	l, _ := translog.NewTestLogOn(b, st, translog.Options{Interval: -1})
	const batch = 1000
	n := 0
	for b.Loop() {
		b.StopTimer()
		acts := benchActs(n, batch)
		n += batch
		b.StartTimer()
		st.Update(context.Background(), func(tx truce.Tx) error {
			_, err := l.Record(tx, acts...)
			return err
		})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/act")
}
