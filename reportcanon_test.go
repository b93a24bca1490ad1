package truce

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// checkCanonical fails unless r.CanonicalJSON() returns what the generic
// CanonicalJSON returns for r, error or bytes.
func checkCanonical(t *testing.T, name string, r *Report) {
	t.Helper()
	want, err1 := CanonicalJSON(r)
	got, err2 := r.CanonicalJSON()
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("%s: CanonicalJSON error %v, Report.CanonicalJSON error %v", name, err1, err2)
	}
	if string(got) != string(want) {
		t.Fatalf("%s:\n got %s\nwant %s", name, got, want)
	}
}

func ptr[T any](v T) *T { return &v }

func TestReportCanonicalJSON(t *testing.T) {
	kyiv := time.FixedZone("", 3*3600)
	odd := time.FixedZone("", -(4*3600 + 30*60 + 17)) // seconds in the offset
	at := time.Date(2025, 4, 20, 6, 30, 0, 120_000_000, kyiv)
	full := &Report{
		ID: "r_1", ReceivedAt: at, ReceivedBy: "tok<&>",
		Geocode: &Geocode{Lat: -0.0000001, Lon: 1e21, UncertaintyM: 123.456, Admin1: "A", Country: "UA",
			Precision: "point", Entry: "e", Method: "coordinates", Derived: []string{"admin1", "country\u2028"}},
		Source:      Source{Type: SourceParty, Name: `"quoted" \ name`, Party: "UA", Ref: "x\x00\x1f\x7f", Reliability: "B"},
		Credibility: -3, Kind: KindStrike,
		Occurred:   Window{From: at, To: at.In(odd).Add(time.Nanosecond)},
		LaunchedAt: ptr(time.Time{}), ReportedAt: ptr(at.In(time.UTC)),
		Location: Location{Lat: ptr(-90.0), Lon: ptr(0.0), UncertaintyM: ptr(1e-7), Place: "Запоріжжя <центр> & co",
			Admin1: "\xff\xfe", Country: "\u2029"},
		Weapons: []Weapon{{Class: "missile"}, {Class: "drone", Model: "Shahed\t136", Count: ptr(0)}},
		Target:  &Target{}, AttributedTo: "RU",
		Casualties: Casualties{Killed: ptr(0), Injured: ptr(-1), Civilian: ptr(false)},
		Aggregate:  true, Counts: &Counts{Launched: ptr(1 << 40), Hit: ptr(0)},
		Language: "uk", Text: "line\nbreak\r\b\f\\", EvidenceText: "é😀",
		Evidence: []Evidence{{SHA256: "ab"}, {SHA256: "cd", MediaType: "image/png", Name: "a.png", CapturedAt: ptr(at)}},
	}
	cases := []struct {
		name string
		r    *Report
	}{
		{"nil", nil},
		{"zero", &Report{}},
		{"full", full},
		{"empty slices and zero pointers", &Report{Weapons: []Weapon{}, Evidence: []Evidence{}, Counts: &Counts{},
			Casualties: Casualties{Civilian: ptr(true)}, Geocode: &Geocode{Derived: []string{}}}},
		{"extra", func() *Report {
			r := *full
			r.Extra = map[string]json.RawMessage{"source.url": json.RawMessage(`"http://x/?a=1&b=<2>"`),
				"zz": json.RawMessage(`{"b":1,"a":[2, 3]}`), "kind": json.RawMessage(`"shadowed"`)}
			return &r
		}()},
		{"year 10000", &Report{Occurred: Window{From: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}},
		{"year -1", &Report{ReportedAt: ptr(time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC))}},
		{"offset of 24 hours", &Report{ReceivedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600))}},
		{"NaN", &Report{Location: Location{Lat: ptr(math.NaN())}}},
		{"infinity", &Report{Geocode: &Geocode{Lon: math.Inf(-1)}}},
	}
	for _, c := range cases {
		checkCanonical(t, c.name, c.r)
	}
	if _, err := (&Report{Location: Location{Lat: ptr(math.NaN())}}).CanonicalJSON(); err == nil {
		t.Error("NaN: no error")
	}
}

// TestReportCanonicalJSONRandom compares the two encodings over many
// random reports: every optional field present or absent, awkward strings,
// floats of every magnitude, times with offsets and nanoseconds.
func TestReportCanonicalJSONRandom(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		r := randReport(rng)
		checkCanonical(t, "random report", r)
		if i%100 == 0 { // the generic path for unknown fields stays in use
			r.Extra = map[string]json.RawMessage{"location.note": json.RawMessage(`"<x>"`)}
			checkCanonical(t, "random report with extra", r)
		}
	}
}

// FuzzReportCanonicalJSON drives the random report generator from the
// fuzzer's seeds, and puts the fuzzer's own string, float and time in.
func FuzzReportCanonicalJSON(f *testing.F) {
	f.Add(uint64(1), "\u2028<a>&\xff\"", 1.5e-7, int64(1745130600), int64(999999999), int32(3*3600))
	f.Add(uint64(2), "", -0.0, int64(-62135596800), int64(0), int32(-(4*3600 + 17)))
	f.Fuzz(func(t *testing.T, seed uint64, s string, x float64, sec, nsec int64, off int32) {
		r := randReport(rand.New(rand.NewPCG(seed, seed>>1)))
		at := time.Unix(sec, nsec).In(time.FixedZone("", int(off)))
		r.Text, r.Source.Name, r.Location.Lat, r.Occurred.From = s, s, &x, at
		if r.Geocode != nil {
			r.Geocode.Lon, r.Geocode.Derived = x, []string{s}
		}
		checkCanonical(t, "fuzzed report", r)
	})
}

// randStrings are strings that encode differently in JSON, HTML-escaped
// JSON and canonical JSON.
var randStrings = []string{"", "a", "Kharkiv", "Дніпро", "<script>&amp;</script>", `"q"`, `back\slash`,
	"\x00\x01\x1f\x7f", "\b\f\n\r\t", "\u2028\u2029", "\xff", "a\xc3", "\xed\xa0\x80", "\ufffd", "😀", "e\u0301"}

func randString(rng *rand.Rand) string {
	if rng.IntN(4) > 0 {
		return randStrings[rng.IntN(len(randStrings))]
	}
	b := make([]byte, rng.IntN(12))
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return string(b)
}

// randFloat returns a float of any magnitude, or one near the edges of
// encoding/json's exponent form.
func randFloat(rng *rand.Rand) float64 {
	switch rng.IntN(4) {
	case 0:
		edges := []float64{0, math.Copysign(0, -1), 1e-6, 9.999999e-7, 1e21, 9.99999e20, 1e-7, -1e-10, 5e-324, math.MaxFloat64, 0.1, 47.8399}
		return edges[rng.IntN(len(edges))]
	case 1:
		return (rng.Float64() - 0.5) * 360
	default:
		for {
			if f := math.Float64frombits(rng.Uint64()); !math.IsNaN(f) && !math.IsInf(f, 0) {
				return f
			}
		}
	}
}

func randTime(rng *rand.Rand) time.Time {
	sec := rng.Int64N(400*365*86400) - 100*365*86400 + time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	nsec := int64(0)
	switch rng.IntN(3) {
	case 0:
		nsec = rng.Int64N(1e9)
	case 1:
		nsec = rng.Int64N(1000) * 1e6
	}
	offs := []int{0, 3 * 3600, -5 * 3600, 5*3600 + 45*60, -(3*3600 + 30*60 + 9), 14 * 3600}
	t := time.Unix(sec, nsec).In(time.FixedZone("", offs[rng.IntN(len(offs))]))
	if rng.IntN(8) == 0 {
		t = t.UTC()
	}
	return t
}

// maybe returns a pointer to make() half the time, else nil.
func maybe[T any](rng *rand.Rand, make func() T) *T {
	if rng.IntN(2) == 0 {
		return nil
	}
	v := make()
	return &v
}

func randReport(rng *rand.Rand) *Report {
	str, num := func() string { return randString(rng) }, func() int { return rng.IntN(5) - 1 }
	flt, tim := func() float64 { return randFloat(rng) }, func() time.Time { return randTime(rng) }
	r := &Report{
		ID: str(), ReceivedBy: str(), Kind: Kind(str()), AttributedTo: str(), Language: str(), Text: str(), EvidenceText: str(),
		Source:      Source{Type: SourceType(str()), Name: str(), Party: str(), Ref: str(), Reliability: str()},
		Credibility: num(), Aggregate: rng.IntN(2) == 0,
		Occurred:   Window{From: tim(), To: tim()},
		LaunchedAt: maybe(rng, tim), ReportedAt: maybe(rng, tim),
		Location: Location{Lat: maybe(rng, flt), Lon: maybe(rng, flt), UncertaintyM: maybe(rng, flt),
			Place: str(), Admin1: str(), Country: str()},
		Casualties: Casualties{Killed: maybe(rng, num), Injured: maybe(rng, num), Civilian: maybe(rng, func() bool { return rng.IntN(2) == 0 })},
	}
	if rng.IntN(2) == 0 {
		r.ReceivedAt = tim()
	}
	if rng.IntN(2) == 0 {
		r.Geocode = &Geocode{Lat: flt(), Lon: flt(), UncertaintyM: flt(), Admin1: str(), Country: str(),
			Precision: str(), Entry: str(), Method: str()}
		for range rng.IntN(3) {
			r.Geocode.Derived = append(r.Geocode.Derived, str())
		}
	}
	if rng.IntN(2) == 0 {
		r.Target = &Target{Class: str(), Name: str()}
	}
	if rng.IntN(2) == 0 {
		r.Counts = &Counts{Launched: maybe(rng, num), Intercepted: maybe(rng, num), Hit: maybe(rng, num)}
	}
	for range rng.IntN(3) {
		r.Weapons = append(r.Weapons, Weapon{Class: str(), Model: str(), Count: maybe(rng, num)})
	}
	for range rng.IntN(3) {
		r.Evidence = append(r.Evidence, Evidence{SHA256: str(), MediaType: str(), Name: str(), CapturedAt: maybe(rng, tim)})
	}
	return r
}

// TestReportCanonicalJSONDecodes checks that the canonical form reads back
// as the same report as MarshalJSON's form does, so that either can be a
// stored document.
func TestReportCanonicalJSONDecodes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	decoded := 0
	for range 2000 {
		r := randReport(rng)
		if rng.IntN(4) == 0 {
			r.Extra = map[string]json.RawMessage{"source.url": json.RawMessage(`"u"`), "x": json.RawMessage(`[1,{"b":2,"a":1}]`)}
		}
		canon, err1 := r.CanonicalJSON()
		doc, err2 := r.MarshalJSON()
		if err1 != nil || err2 != nil {
			if (err1 == nil) != (err2 == nil) {
				t.Fatalf("CanonicalJSON error %v, MarshalJSON error %v", err1, err2)
			}
			continue
		}
		var a, b Report
		errA, errB := json.Unmarshal(canon, &a), json.Unmarshal(doc, &b)
		if (errA == nil) != (errB == nil) {
			t.Fatalf("decoding %s: %v; decoding %s: %v", canon, errA, doc, errB)
		}
		if errA == nil && !reflect.DeepEqual(a, b) {
			t.Fatalf("%s decodes as\n%+v\nbut %s as\n%+v", canon, a, doc, b)
		}
		if errA == nil {
			decoded++
		}
	}
	if decoded < 100 {
		t.Errorf("only %d random reports decoded; the test checks too little", decoded)
	}
}

// BenchmarkReportCanonicalJSON encodes a report as intake stores it.
func BenchmarkReportCanonicalJSON(b *testing.B) {
	at := time.Date(2025, 8, 1, 7, 12, 3, 0, time.UTC)
	r := &Report{
		ID: "r_01K1ZQ4V4M4W0R3S6T7V8W9X0Y", ReceivedAt: at.Add(time.Hour), ReceivedBy: "tok_monitor_1",
		Geocode: &Geocode{Lat: 48.45, Lon: 34.98, UncertaintyM: 5000, Admin1: "Dnipropetrovsk Oblast", Country: "UA",
			Precision: "settlement", Entry: "geonames:709930", Method: "gazetteer", Derived: []string{"lat", "lon"}},
		Source: Source{Type: SourceSensor, Name: "array 3", Ref: "b0-17"},
		Kind:   KindExplosion, Occurred: Window{From: at, To: at},
		Location: Location{Place: "Дніпро"}, Weapons: []Weapon{{Class: "drone.long_range"}},
	}
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			if _, err := r.CanonicalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("generic", func(b *testing.B) {
		for b.Loop() {
			if _, err := CanonicalJSON(r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
