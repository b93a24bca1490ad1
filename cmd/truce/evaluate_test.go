package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runEvaluateCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	withEchoGeocoder(t)
	return runCmd(t, stdin, append([]string{"evaluate"}, args...)...)
}

// TestEvaluateGolden evaluates a realistic set of reports (strikes with
// every kind of weapon, on every kind of target, around each template's
// window boundaries, by both parties and by unknown actors) under each
// template and a document with a zone; go test -update rewrites the goldens.
func TestEvaluateGolden(t *testing.T) {
	sept := []string{"--param", "start=2025-09-01T00:00+03:00", "--param", "days=30"}
	tests := []struct {
		golden string
		args   []string
	}{
		{"energy-moratorium-2025", []string{"--agreement", "energy-moratorium-2025"}},
		{"easter-truce-2025", []string{"--agreement", "easter-truce-2025"}},
		{"victory-day-truce-2025", []string{"--agreement", "victory-day-truce-2025"}},
		{"full-ceasefire-30d", append([]string{"--agreement", "full-ceasefire-30d"}, sept...)},
		{"air-sea-truce", append([]string{"--agreement", "air-sea-truce"}, sept...)},
		{"deep-strike-terms", []string{"--agreement", "testdata/evaluate/deep-strike-terms.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			code, out, errs := runEvaluateCmd(t, "", append(tt.args, "testdata/evaluate/reports.ndjson")...)
			if code != 0 || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			checkEvaluateLines(t, out)
			path := filepath.Join("testdata", "evaluate", tt.golden+".golden")
			if want := readGolden(t, path, out); out != want {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, lineDiff(want, out))
			}
		})
	}
}

// checkEvaluateLines checks the shape of every output line against
// surface.md: the fields in order, party a code, "unattributed" or null.
func checkEvaluateLines(t *testing.T, out string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 20 {
		t.Fatalf("only %d lines", len(lines))
	}
	order := []string{`{"incident":`, `,"reports":`, `,"agreement":`, `,"version":`, `,"verdict":`, `,"rules":`, `,"party":`, `,"reasons":`, `,"readings":`}
	for _, l := range lines {
		at := 0
		for _, key := range order {
			i := strings.Index(l[at:], key)
			if i < 0 {
				t.Fatalf("line lacks %s after byte %d: %s", key, at, l)
			}
			at += i
		}
		var v struct {
			Verdict string
			Party   *string
			Rules   []string
		}
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatal(err)
		}
		if (v.Verdict == "violation") != (v.Party != nil) || (v.Verdict == "no_violation") != (len(v.Rules) == 0) {
			t.Errorf("verdict %s with party %v and rules %v: %s", v.Verdict, v.Party, v.Rules, l)
		}
	}
}

func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
		}
	}
	return b.String()
}

func TestEvaluateErrors(t *testing.T) {
	reports := "testdata/evaluate/reports.ndjson"
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no agreement", []string{reports}, 2, "--agreement is required"},
		{"no files", []string{"--agreement", "easter-truce-2025"}, 2, "name at least one FILE"},
		{"bad param", []string{"--agreement", "air-sea-truce", "--param", "start", reports}, 2, `"start" is not KEY=VALUE`},
		{"param twice", []string{"--agreement", "air-sea-truce", "--param", "days=3", "--param", "days=4", reports}, 2, "days given twice"},
		{"unknown agreement", []string{"--agreement", "peace-2030", reports}, 1, "--agreement peace-2030: no such template or file (templates: air-sea-truce, easter-truce-2025"},
		{"missing param", []string{"--agreement", "full-ceasefire-30d", reports}, 1, "params.start: required"},
		{"unknown param", []string{"--agreement", "easter-truce-2025", "--param", "start=2025-09-01T00:00+03:00", reports}, 1, "params.start: not a parameter of this document"},
		{"bad document", []string{"--agreement", "testdata/evaluate/bad-terms.yaml", reports}, 1,
			"agreement testdata/evaluate/bad-terms.yaml: line 9: rules[0].prohibits.weapons: unknown class 'ballistic'; known: ballistic_missile"},
		{"missing report file", []string{"--agreement", "easter-truce-2025", "testdata/evaluate/none.ndjson"}, 1, "cannot read testdata/evaluate/none.ndjson"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runEvaluateCmd(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) || out != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stderr with %q", code, out, errs, tt.code, tt.stderr)
			}
			if tt.code == 1 && strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Errorf("error is more than one line: %q", errs)
			}
		})
	}
}

// TestEvaluateRejected: valid reports are evaluated, invalid ones listed on
// stderr with their line (a party code the agreement does not know is an
// error), and the exit status is 2.
func TestEvaluateRejected(t *testing.T) {
	code, out, errs := runEvaluateCmd(t, "", "--agreement", "easter-truce-2025", "testdata/evaluate/rejected.ndjson")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if n := strings.Count(out, "\n"); n != 1 || !strings.Contains(out, `"reports":["p14-ok"]`) || !strings.Contains(out, `"verdict":"violation"`) {
		t.Errorf("stdout: %s", out)
	}
	for _, want := range []string{"testdata/evaluate/rejected.ndjson: line 2: ", "kind: required", `attributed_to: party "BY" is not known`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q: %s", want, errs)
		}
	}
}

func TestEvaluateStdinAndHelp(t *testing.T) {
	line, err := os.ReadFile("testdata/evaluate/reports.ndjson")
	if err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(string(line), "\n", 2)[0]
	code, out, errs := runEvaluateCmd(t, first, "--agreement", "energy-moratorium-2025", "-")
	if code != 0 || errs != "" || !strings.Contains(out, `"verdict":"violation","rules":["energy-moratorium-2025 v1 rule 1"],"party":"RU"`) ||
		!strings.Contains(out, `"readings":[{"party":"UA","verdict":"no_violation"}]`) {
		t.Errorf("exit %d, stderr %q, stdout %s", code, errs, out)
	}
	code, _, errs = runEvaluateCmd(t, "", "-h")
	if code != 0 || !strings.Contains(errs, "Examples:") || !strings.Contains(errs, "--param start=2025-09-01T00:00+03:00") ||
		!strings.Contains(errs, "easter-truce-2025") {
		t.Errorf("-h: exit %d, %s", code, errs)
	}
}
