package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractSeed: on the project's seed article exactly one report comes
// out, the Russian ballistic-missile strike on Dnipropetrovsk region on
// the summit day, one killed and one injured.
func TestExtractSeed(t *testing.T) {
	seed := filepath.Join("..", "..", "..", "shared", "data", "news", "seed-alaska-summit.txt")
	if _, err := os.Stat(seed); err != nil {
		t.Skipf("seed article not found (%v): shared/data lives beside the repository", err)
	}
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	if code := run(context.Background(), e, []string{"extract", "--published", "2025-08-15", seed}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 1 {
		t.Fatalf("want exactly one report, got %d:\n%s", len(lines), out.String())
	}
	var r struct {
		Kind       string `json:"kind"`
		Attributed string `json:"attributed_to"`
		Location   struct{ Admin1, Country, Place string }
		Occurred   struct{ From, To string }
		Casualties struct{ Killed, Injured *int }
		Weapons    []struct{ Class string }
	}
	if err := json.Unmarshal([]byte(lines[0]), &r); err != nil {
		t.Fatal(err)
	}
	if r.Location.Admin1 != "Dnipropetrovsk" || r.Location.Country != "UA" || r.Attributed != "RU" ||
		len(r.Weapons) != 1 || r.Weapons[0].Class != "ballistic_missile" ||
		r.Casualties.Killed == nil || *r.Casualties.Killed != 1 || r.Casualties.Injured == nil || *r.Casualties.Injured != 1 ||
		!strings.HasPrefix(r.Occurred.From, "2025-08-15") || !strings.HasPrefix(r.Occurred.To, "2025-08-15") {
		t.Errorf("wrong report: %s", lines[0])
	}
}

func TestExtractUsage(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	if code := run(context.Background(), e, []string{"extract", "-h"}); code != 0 || !strings.Contains(errb.String(), "Examples:") {
		t.Errorf("-h: exit %d, %q", code, errb.String())
	}
	errb.Reset()
	if code := run(context.Background(), e, []string{"extract"}); code != 2 {
		t.Errorf("no FILE: exit %d, want 2", code)
	}
	errb.Reset()
	if code := run(context.Background(), e, []string{"extract", "--published", "yesterday", "-"}); code != 2 {
		t.Errorf("bad --published: exit %d, want 2 (%s)", code, errb.String())
	}
}
