package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

func newAgreement(id string, version int) *truce.AgreementRecord {
	return &truce.AgreementRecord{
		ID: id, Version: version,
		Title:    map[string]string{"en": "Energy moratorium", "uk": "Енергетичний мораторій"},
		Kind:     "moratorium",
		Parties:  []string{"RU", "UA"},
		Params:   map[string]string{"start": fmt.Sprintf("2025-03-%02dT00:00:00Z", 10+version)},
		Source:   []byte(fmt.Sprintf("id: %s\nversion: %d\n", id, version)),
		SHA256:   fmt.Sprintf("%064d", version),
		LoadedAt: base.Add(time.Duration(version) * time.Hour),
		LoadedBy: "tok_admin",
	}
}

func testAgreements(t *testing.T, s truce.Store) {
	update(t, s, func(tx truce.Tx) error {
		for _, a := range []*truce.AgreementRecord{newAgreement("energy", 1), newAgreement("easter", 1), newAgreement("energy", 3), newAgreement("energy", 2)} {
			if err := tx.PutAgreement(a); err != nil {
				return err
			}
		}
		return errWant("existing version", tx.PutAgreement(newAgreement("energy", 2)), truce.ECONFLICT)
	})
	view(t, s, func(tx truce.Tx) error {
		for _, tc := range []struct {
			id      string
			version int
			want    *truce.AgreementRecord
		}{
			{"energy", 0, newAgreement("energy", 3)},
			{"energy", 1, newAgreement("energy", 1)},
			{"energy", 2, newAgreement("energy", 2)},
			{"easter", 0, newAgreement("easter", 1)},
			{"energy", 4, nil},
			{"nobody", 0, nil},
		} {
			got, err := tx.Agreement(tc.id, tc.version)
			if tc.want == nil {
				wantCode(t, fmt.Sprintf("Agreement(%s, %d)", tc.id, tc.version), err, truce.ENOTFOUND)
				continue
			}
			if err != nil {
				return err
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Agreement(%s, %d) (-want +got):\n%s", tc.id, tc.version, diff)
			}
		}
		latest, err := tx.Agreements()
		if err != nil {
			return err
		}
		if diff := cmp.Diff([]*truce.AgreementRecord{newAgreement("easter", 1), newAgreement("energy", 3)}, latest); diff != "" {
			t.Errorf("Agreements, latest by id (-want +got):\n%s", diff)
		}
		versions, err := tx.AgreementVersions("energy")
		if err != nil {
			return err
		}
		want := []*truce.AgreementRecord{newAgreement("energy", 1), newAgreement("energy", 2), newAgreement("energy", 3)}
		if diff := cmp.Diff(want, versions); diff != "" {
			t.Errorf("AgreementVersions, oldest first (-want +got):\n%s", diff)
		}
		if none, err := tx.AgreementVersions("nobody"); len(none) != 0 || err != nil {
			t.Errorf("AgreementVersions(unknown) = %v, %v; want none", none, err)
		}
		return nil
	})
}

func testMeta(t *testing.T, s truce.Store) {
	view(t, s, func(tx truce.Tx) error {
		_, err := tx.Meta("log.key")
		wantCode(t, "Meta(unset)", err, truce.ENOTFOUND)
		return nil
	})
	update(t, s, func(tx truce.Tx) error {
		for _, kv := range [][2]string{{"log.key", "first"}, {"other", "\x00\xffbinary"}, {"log.key", "second"}, {"empty", ""}} {
			if err := tx.PutMeta(kv[0], []byte(kv[1])); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, s, func(tx truce.Tx) error {
		for k, want := range map[string]string{"log.key": "second", "other": "\x00\xffbinary", "empty": ""} {
			got, err := tx.Meta(k)
			if err != nil {
				return err
			}
			if string(got) != want || got == nil {
				t.Errorf("Meta(%q) = %q, want %q (non-nil)", k, got, want)
			}
		}
		return nil
	})
}

// writeEverything writes one item of every kind in tx.
func writeEverything(tx truce.Tx) error {
	in := newIncident(1)
	for _, err := range []error{
		tx.InsertReport(newReport(1)),
		tx.InsertRejected(newRejected(1)),
		tx.InsertToken(newToken(1, base)),
		appendLog(tx, 0, 2),
		tx.PutCheckpoint(&truce.Checkpoint{Size: 2, Note: []byte("n"), At: base}),
		tx.PutCosignature(2, "w", []byte("l")),
		tx.PutIncident(in),
		tx.PutVerdicts(in.ID, []truce.Verdict{newVerdict("ceasefire", truce.Violation)}),
		tx.PutAgreement(newAgreement("energy", 1)),
		tx.PutMeta("k", []byte("v")),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// wantEmpty fails if any item writeEverything writes is visible.
func wantEmpty(t *testing.T, s truce.Store) {
	t.Helper()
	view(t, s, func(tx truce.Tx) error {
		var errs []error
		_, err := tx.Report("r_00001")
		errs = append(errs, errWant("report", err, truce.ENOTFOUND))
		_, err = tx.Rejected("x_001")
		errs = append(errs, errWant("rejected", err, truce.ENOTFOUND))
		_, err = tx.TokenByHash(newToken(1, base).Hash)
		errs = append(errs, errWant("token", err, truce.ENOTFOUND))
		if n, err := tx.LogSize(); n != 0 || err != nil {
			errs = append(errs, fmt.Errorf("log size %d, %v", n, err))
		}
		_, err = tx.LogHashes([]int64{0})
		errs = append(errs, errWant("log hash", err, truce.ENOTFOUND))
		_, err = tx.LatestCheckpoint()
		errs = append(errs, errWant("checkpoint", err, truce.ENOTFOUND))
		if cs, err := tx.Cosignatures(2); len(cs) != 0 || err != nil {
			errs = append(errs, fmt.Errorf("cosignatures %v, %v", cs, err))
		}
		_, err = tx.Incident("i_0001")
		errs = append(errs, errWant("incident", err, truce.ENOTFOUND))
		_, err = tx.IncidentOf(newIncident(1).Reports[0].ID)
		errs = append(errs, errWant("membership", err, truce.ENOTFOUND))
		if vs, err := tx.Verdicts("i_0001"); len(vs) != 0 || err != nil {
			errs = append(errs, fmt.Errorf("verdicts %v, %v", vs, err))
		}
		_, err = tx.Agreement("energy", 0)
		errs = append(errs, errWant("agreement", err, truce.ENOTFOUND))
		_, err = tx.Meta("k")
		errs = append(errs, errWant("meta", err, truce.ENOTFOUND))
		return errors.Join(errs...)
	})
}

func testRollback(t *testing.T, s truce.Store) {
	failure := errors.New("the act failed after writing")
	err := s.Update(t.Context(), func(tx truce.Tx) error {
		if err := writeEverything(tx); err != nil {
			return fmt.Errorf("writing: %w", err)
		}
		return failure
	})
	if err != failure {
		t.Fatalf("Update returned %v, want fn's error as is", err)
	}
	wantEmpty(t, s)
	update(t, s, writeEverything) // the same writes succeed afterwards
}

func testRollbackOnPanic(t *testing.T, s truce.Store) {
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic in fn did not reach the caller")
			}
		}()
		_ = s.Update(t.Context(), func(tx truce.Tx) error {
			if err := writeEverything(tx); err != nil {
				t.Errorf("writing: %v", err)
			}
			panic("boom")
		})
	}()
	wantEmpty(t, s)
	update(t, s, writeEverything) // the store is usable after the panic
}

func testViewIsReadOnly(t *testing.T, s truce.Store) {
	err := s.View(t.Context(), func(tx truce.Tx) error { return tx.PutMeta("k", []byte("v")) })
	if err == nil {
		t.Error("PutMeta in a View succeeded")
	}
	wantEmpty(t, s)
}

// testConcurrentUpdates runs Updates from several goroutines, each reading
// the log size and appending at it: none may fail or be lost.
func testConcurrentUpdates(t *testing.T, s truce.Store) {
	const workers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Go(func() {
			for k := range each {
				i := w*each + k
				errs <- s.Update(context.Background(), func(tx truce.Tx) error {
					n, err := tx.LogSize()
					if err != nil {
						return err
					}
					e := truce.LogEntry{Index: n, RecordType: "report", RecordID: newReport(i).ID, Data: []byte{byte(i)}}
					if err := tx.InsertReport(newReport(i)); err != nil {
						return err
					}
					return tx.LogAppend([]truce.LogEntry{e}, n, [][32]byte{logHash(int64(i))})
				})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent Update: %v", err)
		}
	}
	view(t, s, func(tx truce.Tx) error {
		es, err := tx.LogEntries(0, workers*each+1)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, e := range es {
			if _, err := tx.Report(e.RecordID); err != nil {
				t.Errorf("entry %d: report %s: %v", e.Index, e.RecordID, err)
			}
			seen[e.RecordID] = true
		}
		if len(es) != workers*each || len(seen) != workers*each {
			t.Errorf("%d entries for %d reports, want %d of each", len(es), len(seen), workers*each)
		}
		return nil
	})
}

// testConcurrentViews reads from several goroutines while Updates run.
func testConcurrentViews(t *testing.T, s truce.Store) {
	insertReports(t, s, 0, 50)
	ctx, cancel := context.WithCancel(t.Context())
	var wg sync.WaitGroup
	wg.Go(func() {
		defer cancel()
		for i := 50; i < 80; i++ {
			if err := s.Update(ctx, func(tx truce.Tx) error { return tx.InsertReport(newReport(i)) }); err != nil {
				t.Errorf("Update: %v", err)
			}
		}
	})
	for range 4 {
		wg.Go(func() {
			for ctx.Err() == nil {
				err := s.View(ctx, func(tx truce.Tx) error {
					a, _, err := tx.Reports(truce.ReportFilter{Limit: 1000})
					if err != nil {
						return err
					}
					b, _, err := tx.Reports(truce.ReportFilter{Limit: 1000})
					if err == nil && len(a) != len(b) {
						err = fmt.Errorf("one View saw %d then %d reports", len(a), len(b))
					}
					return err
				})
				if err != nil && ctx.Err() == nil {
					t.Errorf("View: %v", err)
				}
			}
		})
	}
	wg.Wait()
}
