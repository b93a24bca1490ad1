package app_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/apptest"
	"github.com/truce-monitor/truce/internal/intake"
)

// plainStore hides the optional truce.ReportDocInserter of its store's
// transactions, so that intake takes the InsertReport path.
type plainStore struct{ truce.Store }

// plainTx embeds the interface only: its method set is truce.Tx's.
type plainTx struct{ truce.Tx }

func (s plainStore) Update(ctx context.Context, fn func(truce.Tx) error) error {
	return s.Store.Update(ctx, func(tx truce.Tx) error { return fn(plainTx{tx}) })
}

// TestIntakeLogsStoredReport: the log entry of a filed report commits to
// the report as the store keeps it, whether intake hands the store the
// bytes it hashed (ReportDocInserter) or the store encodes them itself.
func TestIntakeLogsStoredReport(t *testing.T) {
	docs := []string{
		`{"source":{"type":"monitor","name":"SMM <4> & co","ref":"a1","url":"https://x/?a=1&b=2"},"kind":"strike","occurred":{"from":"2025-04-20T06:30:00.123456789+03:00","to":"2025-04-20T07:00:00+03:00"},"location":{"lat":47.8388,"lon":35.1396,"uncertainty_m":250},"weapons":[{"class":"ballistic_missile","model":"Iskander\u2028M","count":2}],"casualties":{"killed":0,"civilian":true},"text":"\"quoted\"\tline\nnext \u0001","extra_field":{"b":1,"a":[true,null]}}`,
		`{"source":{"type":"sensor","name":"array 1","ref":"a2"},"kind":"explosion","occurred":{"from":"2025-04-20T06:30:00Z"},"location":{"place":"Kharkiv"},"evidence":[{"sha256":"` + sha64 + `","media_type":"image/jpeg","captured_at":"2025-04-20T06:31:00-01:00"}]}`,
		`{"source":{"type":"news","name":"Дніпро news","ref":"a3"},"kind":"other","aggregate":true,"counts":{"launched":40,"intercepted":38},"occurred":{"from":"2025-04-19T22:00:00Z","to":"2025-04-20T05:00:00Z"},"location":{"country":"UA"},"language":"uk","text":"Запуски 😀"}`,
	}
	for _, be := range apptest.Backends(t) {
		for _, plain := range []bool{false, true} {
			s := be.Open(t)
			var store truce.Store = s
			if plain {
				store = plainStore{s}
			}
			env := apptest.New(t, s, time.Date(2025, 4, 21, 9, 0, 0, 0, time.UTC))
			env.App.Store = store
			items := make([]intake.Item, len(docs))
			for i, d := range docs {
				r, errs := truce.DecodeReport([]byte(d))
				if len(errs) > 0 {
					t.Fatal(errs)
				}
				items[i] = intake.Item{Index: i, Line: i + 1, Raw: []byte(d), Report: &r}
			}
			ctx := truce.WithPrincipal(context.Background(), truce.Principal{ID: "tok_1", Role: truce.RoleAdmin})
			res, err := env.App.Submit(ctx, "test", items)
			if err != nil || len(res.Accepted) != len(docs) {
				t.Fatalf("%s: accepted %d of %d: %v %v", be.Name, len(res.Accepted), len(docs), err, res.Rejected)
			}
			for _, acc := range res.Accepted {
				checkLogged(t, s, acc.ID)
			}
		}
	}
}

const sha64 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

// checkLogged checks that the stored report id hashes to its entry's sha256.
func checkLogged(t *testing.T, s truce.Store, id string) {
	t.Helper()
	err := s.View(context.Background(), func(tx truce.Tx) error {
		r, err := tx.Report(id)
		if err != nil {
			return err
		}
		es, err := tx.LogEntriesFor("report", id)
		if err != nil || len(es) != 1 {
			t.Fatalf("report %s: %d entries, %v", id, len(es), err)
		}
		var entry struct{ SHA256 string }
		if err := json.Unmarshal(es[0].Data, &entry); err != nil {
			return err
		}
		if h, err := truce.RecordHash(r); err != nil || h != entry.SHA256 {
			t.Errorf("report %s as stored hashes to %s (%v), its entry says %s", id, h, err, entry.SHA256)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
