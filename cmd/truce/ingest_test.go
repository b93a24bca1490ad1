package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/apptest"
)

// TestIngestToServer sends files through the API: the answer's lines are
// mapped back to the file's lines, CSV travels with its header, and a
// second run adds nothing.
func TestIngestToServer(t *testing.T) {
	tenv := apptest.New(t, apptest.Backends(t)[0].Open(t), time.Date(2025, 8, 16, 0, 0, 0, 0, time.UTC))
	tok := tenv.Token(truce.RoleMonitor, "")
	dir := t.TempDir()
	var nd strings.Builder
	for i := 0; i < 2500; i++ { // more than one chunk
		nd.WriteString(`{"source":{"type":"sensor","name":"array","ref":"s-` + strconv.Itoa(i) + `"},"kind":"explosion","occurred":{"from":"2025-08-15T10:00:00+03:00"},"location":{"lat":48.4,"lon":35.0}}` + "\n")
	}
	nd.WriteString(`{"source":{"type":"sensor","name":"array","ref":"bad"},"kind":"explosion","occurred":{"from":"yesterday"},"location":{"lat":48.4,"lon":35.0}}` + "\n")
	csv := "source.type,source.name,source.ref,kind,occurred.from,location.place,casualties.killed\n" +
		"monitor,Patrol 2,b-1,strike,2025-08-15T10:00:00+03:00,Sumy,2\n" +
		"monitor,Patrol 2,b-2,strike,2025-08-15T10:00:00+03:00,Sumy,two\n"
	write(t, dir, "a.ndjson", nd.String())
	write(t, dir, "b.csv", csv)
	var out bytes.Buffer
	e := &env{stdout: &out, stderr: &out, getenv: func(string) string { return "" }}
	err := ingestFiles(context.Background(), e, &httpSender{base: tenv.Server.URL, token: tok},
		[]string{filepath.Join(dir, "a.ndjson"), filepath.Join(dir, "b.csv")})
	if xe, ok := err.(exitError); !ok || xe.code != 2 {
		t.Fatalf("want exit status 2 for rejected items, got %v\n%s", err, out.String())
	}
	for _, want := range []string{
		`a.ndjson: line 2501: occurred.from: "yesterday" is not a time`,
		"a.ndjson: 2500 accepted (2500 new, 0 already filed), 1 rejected",
		`b.csv: line 3: casualties.killed: "two" is not a number`,
		"b.csv: 1 accepted (1 new, 0 already filed), 1 rejected",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	_ = ingestFiles(context.Background(), e, &httpSender{base: tenv.Server.URL, token: tok}, []string{filepath.Join(dir, "a.ndjson")})
	if !strings.Contains(out.String(), "2500 accepted (0 new, 2500 already filed)") {
		t.Errorf("second run:\n%s", out.String())
	}
}

func write(t *testing.T, dir, name, s string) {
	if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
