package intake

import (
	"bytes"
	"testing"
	"time"
)

func fuzzDecode(t *testing.T, data []byte, f Format) {
	p := &Preparer{}
	n := 0
	err := Decode(bytes.NewReader(data), f, func(it Item) error {
		p.Prepare(&it, time.Unix(0, 0))
		if (it.Report == nil) == (len(it.Errors) == 0) {
			t.Fatalf("item %d: want exactly one of report and errors, got %v and %v", it.Index, it.Report, it.Errors)
		}
		if it.Report != nil {
			if _, err := it.Report.MarshalJSON(); err != nil {
				t.Fatalf("accepted report does not encode: %v", err)
			}
		}
		n++
		return nil
	})
	if err != nil && n == 0 && len(data) < MaxItemBytes {
		t.Fatalf("Decode failed on small input: %v", err)
	}
}

func FuzzJSON(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("[" + good + "," + good + "]"))
	f.Add([]byte(`[{"weapons":[{"class":"drone","count":1.5}]},null,"x"]`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, JSON) })
}

func FuzzNDJSON(f *testing.F) {
	f.Add([]byte(good + "\n{broken\n\n" + good))
	f.Add([]byte(`{"location":{"lat":"x","lon":1e400},"casualties":{"killed":-1}}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, NDJSON) })
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("source.type,source.name,kind,occurred.from,location.lat,location.lon,weapons[0].class\nmonitor,P,strike,2025-04-20T06:30:00Z,48.4,35.0,drone\n"))
	f.Add([]byte("a.b.c,a.b,weapons[99].count,weapons\n1,2,3,x;y\n\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, CSV) })
}
