package truce

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var receivedAt = time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC)

// base is a valid report; each case edits one thing.
const base = `{"source":{"type":"monitor","name":"Patrol 14","ref":"p14-77"},
 "kind":"strike","occurred":{"from":"2025-04-20T06:30:00+03:00","to":"2025-04-20T06:40:00+03:00"},
 "location":{"place":"Dnipro"},"weapons":[{"class":"ballistic_missile","model":"Iskander-M","count":2}],
 "target":{"class":"residential"},"attributed_to":"RU","casualties":{"killed":1,"injured":null}}`

func edit(t *testing.T, path string, v any) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(base), &m); err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(path, ".")
	cur := m
	for _, p := range parts[:len(parts)-1] {
		next, ok := cur[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[p] = next
		}
		cur = next
	}
	if v == nil {
		delete(cur, parts[len(parts)-1])
	} else {
		cur[parts[len(parts)-1]] = v
	}
	b, _ := json.Marshal(m)
	return string(b)
}

func validate(doc string, parties ...string) []string {
	r, errs := DecodeReport([]byte(doc))
	if len(errs) != 1 || errs[0].Field != "" {
		v := Validator{}
		if len(parties) > 0 {
			v.Parties = map[string]bool{}
			for _, p := range parties {
				v.Parties[p] = true
			}
		}
		errs = v.ValidateDecoded(&r, errs, receivedAt)
	}
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.String()
	}
	return out
}

func TestValidateFieldErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"valid", base, []string{}},
		{"bad time as in the spec", edit(t, "occurred.from", "2025-13-01"),
			[]string{`occurred.from: "2025-13-01" is not a time (want RFC 3339, e.g. 2025-04-20T06:30:00+03:00)`}},
		{"time without offset", edit(t, "occurred.from", "2025-04-20T06:30:00"),
			[]string{`occurred.from: "2025-04-20T06:30:00" is not a time (want RFC 3339, e.g. 2025-04-20T06:30:00+03:00)`}},
		{"missing from", edit(t, "occurred", map[string]any{}),
			[]string{"occurred.from: required: when it happened (want RFC 3339, e.g. 2025-04-20T06:30:00+03:00)"}},
		{"to before from", edit(t, "occurred.to", "2025-04-20T05:00:00+03:00"),
			[]string{"occurred.to: 2025-04-20T05:00:00+03:00 is before occurred.from 2025-04-20T06:30:00+03:00"}},
		{"latitude 123", edit(t, "location", map[string]any{"lat": 123, "lon": 35}),
			[]string{"location.lat: 123 is not a latitude (-90 to 90)"}},
		{"lat without lon", edit(t, "location", map[string]any{"lat": 48}),
			[]string{"location: give both location.lat and location.lon, or neither", "location: required: give location.lat and location.lon, location.place or location.admin1 (an aggregate tally may give only location.country)"}},
		{"no location", edit(t, "location", nil),
			[]string{"location: required: give location.lat and location.lon, location.place or location.admin1 (an aggregate tally may give only location.country)"}},
		{"negative casualties", edit(t, "casualties.killed", -3), []string{"casualties.killed: -3 is negative"}},
		{"fractional casualties", edit(t, "casualties.injured", 1.5), []string{"casualties.injured: 1.5 is not a whole number (or is too large)"}},
		{"unknown weapon class", edit(t, "weapons", []any{map[string]any{"class": "ballistic"}}),
			[]string{"weapons[0].class: unknown class 'ballistic'; known: " + strings.Join(WeaponClasses, ", ")}},
		{"unknown target class", edit(t, "target.class", "school"),
			[]string{"target.class: unknown class 'school'; known: " + strings.Join(TargetClasses, ", ")}},
		{"bad kind", edit(t, "kind", "shelling"),
			[]string{`kind: "shelling" is not one of strike, ground_assault, explosion, airspace_violation, weapons_movement, other`}},
		{"missing source type", edit(t, "source.type", nil),
			[]string{"source.type: required (one of monitor, sensor, party, news, public, other)"}},
		{"party without party code", edit(t, "source.type", "party"),
			[]string{"source.party: required when source.type is party: the party the source speaks for (e.g. UA)"}},
		{"lower-case party code", edit(t, "attributed_to", "ru"),
			[]string{`attributed_to: "ru" is not a party code (upper-case letters, e.g. UA, RU)`}},
		{"bad reliability", edit(t, "source.reliability", "G"), []string{`source.reliability: "G" is not an Admiralty grade A to F`}},
		{"bad credibility", edit(t, "credibility", 9), []string{"credibility: 9 is not an Admiralty credibility 1 to 6"}},
		{"string for number", edit(t, "location", map[string]any{"lat": "48.4", "lon": 35}),
			[]string{`location.lat: "48.4" is not a number`}},
		{"decode and validation errors together", edit(t, "location", map[string]any{"lat": "x", "lon": 35, "country": "ua"}),
			[]string{`location.lat: "x" is not a number`, `location.country: "ua" is not an ISO 3166-1 alpha-2 code (e.g. UA, RU)`}},
		{"unrelated fields both named", strings.Replace(edit(t, "kind", nil), `"injured":null`, `"injured":"many"`, 1),
			[]string{`casualties.injured: "many" is not a number`, "kind: required (one of strike, ground_assault, explosion, airspace_violation, weapons_movement, other)"}},
		{"bad country", edit(t, "location.country", "Ukraine"), []string{`location.country: "Ukraine" is not an ISO 3166-1 alpha-2 code (e.g. UA, RU)`}},
		{"aggregate with country only", edit(t, "location", map[string]any{"country": "UA"}),
			[]string{"location: required: give location.lat and location.lon, location.place or location.admin1 (an aggregate tally may give only location.country)"}},
		{"bad evidence hash", edit(t, "evidence", []any{map[string]any{"sha256": "abc"}}),
			[]string{`evidence[0].sha256: "abc" is not a lower-case hex SHA-256 (64 digits)`}},
		{"intercepted over launched", edit(t, "counts", map[string]any{"launched": 10, "intercepted": 12}),
			[]string{"counts.intercepted: 12 is more than counts.launched 10"}},
		{"not an object", `[1,2]`, []string{"a report must be a JSON object, got an array"}},
		{"object field not an object", edit(t, "source", "Reuters"),
			[]string{"source: must be an object, got a string"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := validate(tt.doc)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateKnownParties(t *testing.T) {
	doc := edit(t, "attributed_to", "BY")
	got := validate(doc, "RU", "UA")
	want := []string{`attributed_to: party "BY" is not known to any loaded agreement (known: RU, UA)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestAggregateMayGiveCountryOnly(t *testing.T) {
	doc := edit(t, "location", map[string]any{"country": "UA"})
	var m map[string]any
	_ = json.Unmarshal([]byte(doc), &m)
	m["aggregate"] = true
	b, _ := json.Marshal(m)
	if got := validate(string(b)); len(got) != 0 {
		t.Errorf("aggregate tally with country only: got errors %v", got)
	}
}

func TestDefaults(t *testing.T) {
	doc := `{"source":{"type":"news","name":"Reuters"},"kind":"explosion","occurred":{"from":"2025-04-20T06:30:00Z"},"location":{"admin1":"Kharkiv"}}`
	r, errs := DecodeReport([]byte(doc))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if errs := (Validator{}).Validate(&r, receivedAt); len(errs) > 0 {
		t.Fatal(errs)
	}
	got := []any{r.Source.Reliability, r.Credibility, r.AttributedTo, r.Occurred.To.Equal(r.Occurred.From), r.ReportedAt.Equal(receivedAt)}
	want := []any{"F", 6, "unknown", true, true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}
}

func TestUnknownFieldsKept(t *testing.T) {
	doc := `{"source":{"type":"news","name":"Reuters","url":"https://example.org/a"},"kind":"strike",
	 "occurred":{"from":"2025-04-20T06:30:00Z","precision":"minute"},"location":{"place":"Sumy"},
	 "casualties":{"killed":0},"operator_note":{"a":[1,2]}}`
	r, errs := DecodeReport([]byte(doc))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	_ = json.Unmarshal(out, &back)
	checks := map[string]any{
		"source.url":         back["source"].(map[string]any)["url"],
		"occurred.precision": back["occurred"].(map[string]any)["precision"],
		"operator_note":      back["operator_note"],
		"casualties.killed":  back["casualties"].(map[string]any)["killed"],
	}
	want := map[string]any{
		"source.url": "https://example.org/a", "occurred.precision": "minute",
		"operator_note": map[string]any{"a": []any{1.0, 2.0}}, "casualties.killed": 0.0,
	}
	if diff := cmp.Diff(want, checks); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if _, ok := back["casualties"].(map[string]any)["injured"]; ok {
		t.Error("injured was not stated and must stay absent (null is not zero)")
	}
	var again Report
	if err := json.Unmarshal(out, &again); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r, again); diff != "" {
		t.Errorf("decode(encode(r)) differs (-want +got):\n%s", diff)
	}
}

func FuzzDecodeValidate(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(`{"weapons":[null,{"count":"x"}],"location":{"lat":1e999},"occurred":{"from":5}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, errs := DecodeReport(data)
		if len(errs) > 0 {
			return
		}
		_ = (Validator{Parties: map[string]bool{"UA": true}}).Validate(&r, receivedAt)
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("decoded report does not encode: %v", err)
		}
	})
}
