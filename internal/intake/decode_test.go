package intake

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/truce-monitor/truce"
)

const good = `{"source":{"type":"monitor","name":"Patrol 14","ref":"p14-1"},"kind":"strike","occurred":{"from":"2025-04-20T06:30:00+03:00"},"location":{"place":"Dnipro"}}`

// summary is what a test compares: each item's line and error strings, or
// the source ref of its report.
type summary struct {
	Line   int
	Ref    string
	Errors []string
}

func collect(t *testing.T, input string, f Format) []summary {
	t.Helper()
	var out []summary
	p := &Preparer{}
	now := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	err := Decode(strings.NewReader(input), f, func(it Item) error {
		p.Prepare(&it, now)
		s := summary{Line: it.Line}
		if it.Report != nil {
			s.Ref = it.Report.Source.Ref
		}
		if e := it.Err(); e != nil {
			s.Errors = e.Strings()
		}
		out = append(out, s)
		return nil
	})
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	return out
}

func TestDecodeFormats(t *testing.T) {
	badTime := strings.Replace(good, `"2025-04-20T06:30:00+03:00"`, `"2025-13-01"`, 1)
	tests := []struct {
		name string
		in   string
		f    Format
		want []summary
	}{
		{"single object", good, Auto, []summary{{Line: 1, Ref: "p14-1"}}},
		{"array over lines", "[\n" + good + ",\n" + badTime + "\n]", Auto, []summary{
			{Line: 2, Ref: "p14-1"},
			{Line: 3, Errors: []string{`occurred.from: "2025-13-01" is not a time (want RFC 3339, e.g. 2025-04-20T06:30:00+03:00)`}},
		}},
		{"ndjson with blank and broken lines", good + "\n\n{broken\n" + badTime + "\n", Auto, []summary{
			{Line: 1, Ref: "p14-1"},
			{Line: 3, Errors: []string{"not valid JSON: invalid character 'b' looking for beginning of object key string (at byte 2)"}},
			{Line: 4, Errors: []string{`occurred.from: "2025-13-01" is not a time (want RFC 3339, e.g. 2025-04-20T06:30:00+03:00)`}},
		}},
		{"ndjson without final newline", good, NDJSON, []summary{{Line: 1, Ref: "p14-1"}}},
		{"array element not an object", `[1]`, Auto, []summary{{Line: 1, Errors: []string{"a report must be a JSON object, got a number"}}}},
		{"broken array", "[\n" + good + ",\n{\"kind\":", Auto, []summary{
			{Line: 2, Ref: "p14-1"},
			{Line: 3, Errors: []string{"not valid JSON: unexpected EOF; the rest of the input was not read"}},
		}},
		{"csv", "source.type,source.name,source.ref,kind,occurred.from,location.place,casualties.killed,weapons\n" +
			"monitor,Patrol 14,c1,strike,2025-04-20T06:30:00+03:00,Dnipro,2,ballistic_missile;drone.long_range\n" +
			"monitor,Patrol 14,c2,strike,2025-04-20T06:30:00+03:00,Dnipro,two,\n", CSV, []summary{
			{Line: 2, Ref: "c1"},
			{Line: 3, Errors: []string{`casualties.killed: "two" is not a number`}},
		}},
		{"csv indexed weapons and bad class", "source.type,source.name,kind,occurred.from,location.admin1,weapons[0].class,weapons[0].count\n" +
			"news,Reuters,strike,2025-04-20T06:30:00+03:00,Kharkiv,ballistic,2\n", CSV, []summary{
			{Line: 2, Errors: []string{"weapons[0].class: unknown class 'ballistic'; known: " + strings.Join(truce.WeaponClasses, ", ")}},
		}},
		{"csv too many cells", "kind\nstrike,extra\n", CSV, []summary{
			{Line: 2, Errors: []string{"row has 2 cells but the header names 1 columns"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, tt.in, tt.f)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRawKeptForRejected(t *testing.T) {
	in := good + "\n{\"kind\": 5}\n"
	var raws []string
	_ = Decode(strings.NewReader(in), Auto, func(it Item) error {
		raws = append(raws, string(it.Raw))
		return nil
	})
	if diff := cmp.Diff([]string{good, `{"kind": 5}`}, raws); diff != "" {
		t.Errorf("raw items (-want +got):\n%s", diff)
	}
}

func TestLongLineRejectedNotFatal(t *testing.T) {
	in := `{"text":"` + strings.Repeat("x", MaxItemBytes+10) + `"}` + "\n" + good + "\n"
	got := collect(t, in, NDJSON)
	want := []summary{
		{Line: 1, Errors: []string{"line longer than 1048576 bytes"}},
		{Line: 2, Ref: "p14-1"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
}
