package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/truce-monitor/truce"
)

// update, set by go test -update, rewrites the golden files.
var update = flag.Bool("update", false, "rewrite golden files")

// updatingGolden reports whether the golden files are being rewritten.
func updatingGolden() bool { return *update }

// readGolden returns the kept output at path, first writing got there when the
// goldens are being rewritten.
func readGolden(t *testing.T, path, got string) string {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	return string(want)
}

// runCmd runs truce in-process with args (the subcommand first) and
// returns its exit status and streams.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

// echoGeocoder places a report where it says: its coordinates as a point,
// else its region or country, so that the command's tests do not depend
// on the gazetteer (tested in its own package).
type echoGeocoder struct{}

func (echoGeocoder) Geocode(l truce.Location) (*truce.Geocode, error) {
	g := &truce.Geocode{Admin1: l.Admin1, Country: l.Country, Method: "test"}
	switch {
	case l.Lat != nil && l.Lon != nil:
		g.Lat, g.Lon, g.Precision = *l.Lat, *l.Lon, "point"
		if l.UncertaintyM != nil {
			g.UncertaintyM = *l.UncertaintyM
		}
	case l.Admin1 != "":
		g.Precision = "admin1"
	default:
		g.Precision = "country"
	}
	return g, nil
}

// withEchoGeocoder makes truce fuse and truce evaluate use echoGeocoder
// until the test ends.
func withEchoGeocoder(t *testing.T) {
	old := fuseGeocoder
	fuseGeocoder = func() truce.Geocoder { return echoGeocoder{} }
	t.Cleanup(func() { fuseGeocoder = old })
}
