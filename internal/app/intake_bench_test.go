package app_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/apptest"
	"github.com/truce-monitor/truce/internal/geocode"
	"github.com/truce-monitor/truce/internal/intake"
	"github.com/truce-monitor/truce/internal/pipeline"
	"github.com/truce-monitor/truce/internal/translog"
)

// benchPlaces are places the generated reports name, in three scripts,
// so that geocoding does real lookups.
var benchPlaces = []string{"Дніпро", "Kharkiv", "Кривой Рог", "Zaporizhzhia", "Одеса", "Sumy", "Kherson", "Белгород", "Kursk", "Pokrovsk"}

// benchItems makes n decoded report items, as intake receives them: a mix
// of place names and coordinates, several source types, spread over weeks.
func benchItems(n, seed int) []intake.Item {
	items := make([]intake.Item, n)
	t0 := time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	for i := range items {
		at := t0.Add(time.Duration(i%50000) * time.Minute)
		doc := fmt.Sprintf(`{"source":{"type":"sensor","name":"array %d","ref":"b%d-%d"},"kind":"explosion","occurred":{"from":"%s"},"weapons":[{"class":"drone.long_range"}],`,
			i%7, seed, i, at.Format(time.RFC3339))
		if i%2 == 0 {
			doc += fmt.Sprintf(`"location":{"place":"%s"}}`, benchPlaces[i%len(benchPlaces)])
		} else {
			doc += fmt.Sprintf(`"location":{"lat":%.4f,"lon":%.4f,"uncertainty_m":400}}`, 46.5+float64(i%300)/100, 30.5+float64(i%700)/100)
		}
		r, errs := truce.DecodeReport([]byte(doc))
		if len(errs) > 0 {
			panic(errs)
		}
		items[i] = intake.Item{Index: i, Line: i + 1, Raw: []byte(doc), Report: &r}
	}
	return items
}

// noLog records nothing: only for measuring what the log costs.
type noLog struct{}

func (noLog) Record(tx truce.Tx, acts ...truce.Act) ([]int64, error) {
	return make([]int64, len(acts)), nil
}
func (noLog) Committed() {}

func benchApp(b *testing.B, s truce.Store, withLog, withFusion bool) *app.App {
	clock := truce.SystemClock{}
	a := &app.App{Store: s, Clock: clock, Geocoder: geocode.Default(), Log: noLog{}}
	if withLog {
		skey, vkey, _ := note.GenerateKey(rand.Reader, apptest.Origin)
		signer, _ := note.NewSigner(skey)
		lg, err := translog.New(signer, vkey, apptest.Origin, clock, s, translog.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { lg.Close() })
		a.Log = lg
	}
	if withFusion {
		a.Pipeline = pipeline.New(clock)
	}
	return a
}

// BenchmarkIntake measures intake (validate + geocode + store, batched
// 1,000 reports a transaction) with and without the transparency log, and
// with fusion and evaluation, on SQLite and (with TRUCE_TEST_POSTGRES) on
// PostgreSQL. Each op files 10,000 new reports; see reports/s.
func BenchmarkIntake(b *testing.B) {
	const n = 10_000
	for _, be := range apptest.Backends(b) {
		for _, mode := range []struct {
			name        string
			log, fusion bool
		}{{"nolog", false, false}, {"log", true, false}, {"log+fusion", true, true}} {
			if mode.fusion && os.Getenv("TRUCE_BENCH_FUSION") == "" && be.Name == "postgres" {
				continue
			}
			b.Run(be.Name+"/"+mode.name, func(b *testing.B) {
				a := benchApp(b, be.Open(b), mode.log, mode.fusion)
				ctx := truce.WithPrincipal(context.Background(), truce.Principal{ID: "bench", Role: truce.RoleAdmin})
				seed := 0
				for b.Loop() {
					b.StopTimer()
					items := benchItems(n, seed)
					seed++
					b.StartTimer()
					res, err := a.Submit(ctx, "bench", items)
					if err != nil || len(res.Accepted) != n {
						b.Fatalf("accepted %d of %d: %v %v", len(res.Accepted), n, err, res.Rejected)
					}
				}
				b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "reports/s")
			})
		}
	}
}
