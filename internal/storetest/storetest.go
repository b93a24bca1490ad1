// Package storetest is the conformance suite of truce.Store: every backend
// (internal/sqlite, internal/postgres) runs Run in its tests and
// RunBenchmarks in its benchmarks, so that both behave alike.
package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

// Run runs the conformance suite, one subtest per behaviour, each on a
// store of its own: open returns a fresh, empty store and arranges (with
// t.Cleanup) for it to be closed and removed after the test.
func Run(t *testing.T, open func(t *testing.T) truce.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s truce.Store)
	}{
		{"Basics", testBasics},
		{"ReportRoundTrip", testReportRoundTrip},
		{"ReportConflicts", testReportConflicts},
		{"ReportConflictThenContinue", testReportConflictThenContinue},
		{"ReportNotFound", testReportNotFound},
		{"ReportFilters", testReportFilters},
		{"ReportPaging", testReportPaging},
		{"ReportLimits", testReportLimits},
		{"ReportVisibility", testReportVisibility},
		{"BadCursors", testBadCursors},
		{"Rejected", testRejected},
		{"RejectedByHash", testRejectedByHash},
		{"Tokens", testTokens},
		{"LogAppend", testLogAppend},
		{"LogAppendChecks", testLogAppendChecks},
		{"Checkpoints", testCheckpoints},
		{"Cosignatures", testCosignatures},
		{"IncidentRoundTrip", testIncidentRoundTrip},
		{"IncidentMembership", testIncidentMembership},
		{"IncidentDelete", testIncidentDelete},
		{"IncidentFilters", testIncidentFilters},
		{"IncidentPaging", testIncidentPaging},
		{"EachIncident", testEachIncident},
		{"Verdicts", testVerdicts},
		{"Stats", testStats},
		{"Agreements", testAgreements},
		{"Meta", testMeta},
		{"Rollback", testRollback},
		{"RollbackOnPanic", testRollbackOnPanic},
		{"ViewIsReadOnly", testViewIsReadOnly},
		{"ConcurrentUpdates", testConcurrentUpdates},
		{"ConcurrentViews", testConcurrentViews},
	}
	tests = append(tests, followupTests...)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, open(t))
		})
	}
}

// base is the time the fixtures are built around.
var base = time.Date(2025, 4, 20, 6, 0, 0, 0, time.UTC)

func update(t testing.TB, s truce.Store, fn func(tx truce.Tx) error) {
	t.Helper()
	if err := s.Update(context.Background(), fn); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

func view(t testing.TB, s truce.Store, fn func(tx truce.Tx) error) {
	t.Helper()
	if err := s.View(context.Background(), fn); err != nil {
		t.Fatalf("View: %v", err)
	}
}

// wantCode fails unless err carries the given truce error code.
func wantCode(t testing.TB, what string, err error, code string) {
	t.Helper()
	if got := truce.ErrorCode(err); got != code {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
}

// errWant is wantCode as an error, for use inside a transaction.
func errWant(what string, err error, code string) error {
	if got := truce.ErrorCode(err); got != code {
		return fmt.Errorf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
	return nil
}

// jsonEqual compares raw JSON by value, so that the layout a store keeps
// does not matter.
var jsonEqual = cmp.Comparer(func(a, b json.RawMessage) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return string(a) == string(b)
	}
	return reflect.DeepEqual(x, y)
})

func ptr[T any](v T) *T { return &v }

func testBasics(t *testing.T, s truce.Store) {
	if err := s.Ping(context.Background()); err != nil {
		t.Errorf("Ping: %v", err)
	}
	if d := s.Dialect(); d != "sqlite" && d != "postgres" {
		t.Errorf("Dialect() = %q, want sqlite or postgres", d)
	}
}
