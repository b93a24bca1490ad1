package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// stableFuseOutput blanks the run's own times so the output can be kept.
func stableFuseOutput(t *testing.T, out string) string {
	t.Helper()
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("output line is not JSON: %v\n%s", err, line)
		}
		m["created_at"], m["updated_at"] = "RUN", "RUN"
		j, _ := json.MarshalIndent(m, "", "  ")
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestFuseCommand(t *testing.T) {
	withEchoGeocoder(t)
	in := filepath.Join("testdata", "fuse", "reports.ndjson")
	code, out, stderr := runCmd(t, "", "fuse", in)
	if code != 2 {
		t.Errorf("exit %d, want 2 (one line rejected); stderr %s", code, stderr)
	}
	if !strings.Contains(stderr, "line 6: occurred.from") {
		t.Errorf("stderr does not name the rejected line: %q", stderr)
	}
	var refs [][]string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var l struct{ Reports []string }
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatal(err)
		}
		refs = append(refs, l.Reports)
	}
	want := [][]string{{"uaf-2025-04-13"}, {"nie-sumy", "upday-sumy"}, {"reuters-sumy-2"}}
	if diff := cmp.Diff(want, refs); diff != "" {
		t.Errorf("incidents' reports (-want +got):\n%s", diff)
	}
	golden := filepath.Join("testdata", "fuse", "out.golden")
	got := stableFuseOutput(t, out)
	if diff := cmp.Diff(readGolden(t, golden, got), got); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
	}
}

func TestFuseUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"fuse"}, 2, "name at least one FILE"},
		{[]string{"fuse", "--time-tolerance", "-1h", "x"}, 2, "tolerances must be positive"},
		{[]string{"fuse", "no-such-file.ndjson"}, 1, "no-such-file.ndjson"},
		{[]string{"fuse", "-h"}, 0, "truce fuse reports.ndjson"},
	} {
		code, _, stderr := runCmd(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
}

func TestFuseStdin(t *testing.T) {
	withEchoGeocoder(t)
	b, err := os.ReadFile(filepath.Join("testdata", "fuse", "reports.ndjson"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(b), "\n", 3)
	code, out, stderr := runCmd(t, lines[0]+"\n"+lines[1]+"\n", "fuse", "-")
	if code != 0 || strings.Count(out, "\n") != 1 {
		t.Errorf("exit %d, %d lines (stderr %s), want one incident", code, strings.Count(out, "\n"), stderr)
	}
}
