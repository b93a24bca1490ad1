package truce

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// timeHint is appended to every bad-time message.
const timeHint = "want RFC 3339, e.g. 2025-04-20T06:30:00+03:00"

// DecodeReport parses one report from JSON. It never fails on the first
// problem: it returns every field error it finds, each naming its field.
// Unknown fields are kept in Extra. Values are decoded but not yet checked
// against the rules of the format; see Validate.
func DecodeReport(data []byte) (Report, []FieldError) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return Report{}, []FieldError{{Message: "not valid JSON: " + jsonErrorText(err)}}
	}
	if dec.More() {
		return Report{}, []FieldError{{Message: "not valid JSON: more than one value (send an array or NDJSON)"}}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return Report{}, []FieldError{{Message: fmt.Sprintf("a report must be a JSON object, got %s", jsonKind(v))}}
	}
	return ReportFromMap(m)
}

func jsonErrorText(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s (at byte %d)", se.Error(), se.Offset)
	}
	return err.Error()
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// ReportFromMap builds a report from a decoded JSON object (numbers as
// json.Number), as DecodeReport does. The CSV reader builds such maps too.
func ReportFromMap(m map[string]any) (Report, []FieldError) {
	d := &mapDecoder{extra: map[string]json.RawMessage{}}
	var r Report
	for k, v := range m {
		if !d.top(&r, k, v) {
			d.keep(k, v)
		}
	}
	if len(d.extra) > 0 {
		r.Extra = d.extra
	}
	return r, d.errs
}

type mapDecoder struct {
	errs  fieldErrors
	extra map[string]json.RawMessage
}

func (d *mapDecoder) keep(path string, v any) {
	b, err := json.Marshal(v)
	if err == nil {
		d.extra[path] = b
	}
}

// top decodes one top-level field; false means the field is unknown.
func (d *mapDecoder) top(r *Report, k string, v any) bool {
	switch k {
	case "source":
		d.object(k, v, func(sk string, sv any) bool { return d.source(&r.Source, sk, sv) })
	case "credibility":
		r.Credibility = d.intVal(k, v, 0)
	case "kind":
		r.Kind = Kind(d.str(k, v))
	case "occurred":
		d.object(k, v, func(sk string, sv any) bool { return d.window(&r.Occurred, sk, sv) })
	case "launched_at":
		r.LaunchedAt = d.timePtr(k, v)
	case "reported_at":
		r.ReportedAt = d.timePtr(k, v)
	case "location":
		d.object(k, v, func(sk string, sv any) bool { return d.location(&r.Location, sk, sv) })
	case "weapons":
		r.Weapons = d.weapons(k, v)
	case "target":
		r.Target = &Target{}
		d.object(k, v, func(sk string, sv any) bool { return d.target(r.Target, sk, sv) })
	case "attributed_to":
		r.AttributedTo = d.str(k, v)
	case "casualties":
		d.object(k, v, func(sk string, sv any) bool { return d.casualties(&r.Casualties, sk, sv) })
	case "aggregate":
		r.Aggregate = d.boolVal(k, v)
	case "counts":
		r.Counts = &Counts{}
		d.object(k, v, func(sk string, sv any) bool { return d.counts(r.Counts, sk, sv) })
	case "language":
		r.Language = d.str(k, v)
	case "text":
		r.Text = d.str(k, v)
	case "evidence_text":
		r.EvidenceText = d.str(k, v)
	case "evidence":
		r.Evidence = d.evidence(k, v)
	case "id", "received_at", "received_by", "geocode", "log_index":
		// Set by Truce; a source cannot set them. Kept as given.
		return false
	default:
		return false
	}
	return true
}

// object walks a JSON object field by field; unknown sub-fields are kept
// under their dotted path. null stands for an absent object.
func (d *mapDecoder) object(path string, v any, field func(k string, v any) bool) {
	if v == nil {
		return
	}
	m, ok := v.(map[string]any)
	if !ok {
		d.errs.add(path, "must be an object, got %s", jsonKind(v))
		return
	}
	for k, sv := range m {
		if !field(k, sv) {
			d.keep(path+"."+k, sv)
		}
	}
}

func (d *mapDecoder) source(s *Source, k string, v any) bool {
	p := "source." + k
	switch k {
	case "type":
		s.Type = SourceType(d.str(p, v))
	case "name":
		s.Name = d.str(p, v)
	case "party":
		s.Party = d.str(p, v)
	case "ref":
		s.Ref = d.str(p, v)
	case "reliability":
		s.Reliability = d.str(p, v)
	default:
		return false
	}
	return true
}

func (d *mapDecoder) window(w *Window, k string, v any) bool {
	p := "occurred." + k
	switch k {
	case "from":
		if t := d.timePtr(p, v); t != nil {
			w.From = *t
		}
	case "to":
		if t := d.timePtr(p, v); t != nil {
			w.To = *t
		}
	default:
		return false
	}
	return true
}

func (d *mapDecoder) location(l *Location, k string, v any) bool {
	p := "location." + k
	switch k {
	case "lat":
		l.Lat = d.floatPtr(p, v)
	case "lon":
		l.Lon = d.floatPtr(p, v)
	case "uncertainty_m":
		l.UncertaintyM = d.floatPtr(p, v)
	case "place":
		l.Place = d.str(p, v)
	case "admin1":
		l.Admin1 = d.str(p, v)
	case "country":
		l.Country = d.str(p, v)
	default:
		return false
	}
	return true
}

// list decodes a JSON list of objects into []T, each object field by
// field (field reports whether it knew the key; unknown keys are kept).
// first names the list's main key for the error message.
func list[T any](d *mapDecoder, path string, v any, first string, field func(x *T, ip, k string, v any) bool) []T {
	if v == nil {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		d.errs.add(path, "must be a list of {%q: …}, got %s", first, jsonKind(v))
		return nil
	}
	out := make([]T, len(arr))
	for i, item := range arr {
		ip := fmt.Sprintf("%s[%d]", path, i)
		x := &out[i]
		d.object(ip, item, func(k string, v any) bool { return field(x, ip, k, v) })
	}
	return out
}

func (d *mapDecoder) weapons(path string, v any) []Weapon {
	return list(d, path, v, "class", func(w *Weapon, ip, k string, v any) bool {
		switch k {
		case "class":
			w.Class = d.str(ip+".class", v)
		case "model":
			w.Model = d.str(ip+".model", v)
		case "count":
			w.Count = d.intPtr(ip+".count", v)
		default:
			return false
		}
		return true
	})
}

func (d *mapDecoder) target(t *Target, k string, v any) bool {
	switch k {
	case "class":
		t.Class = d.str("target.class", v)
	case "name":
		t.Name = d.str("target.name", v)
	default:
		return false
	}
	return true
}

func (d *mapDecoder) casualties(c *Casualties, k string, v any) bool {
	p := "casualties." + k
	switch k {
	case "killed":
		c.Killed = d.intPtr(p, v)
	case "injured":
		c.Injured = d.intPtr(p, v)
	case "civilian":
		if v != nil {
			b := d.boolVal(p, v)
			c.Civilian = &b
		}
	default:
		return false
	}
	return true
}

func (d *mapDecoder) counts(c *Counts, k string, v any) bool {
	p := "counts." + k
	switch k {
	case "launched":
		c.Launched = d.intPtr(p, v)
	case "intercepted":
		c.Intercepted = d.intPtr(p, v)
	case "hit":
		c.Hit = d.intPtr(p, v)
	default:
		return false
	}
	return true
}

func (d *mapDecoder) evidence(path string, v any) []Evidence {
	return list(d, path, v, "sha256", func(e *Evidence, ip, k string, v any) bool {
		switch k {
		case "sha256":
			e.SHA256 = d.str(ip+".sha256", v)
		case "media_type":
			e.MediaType = d.str(ip+".media_type", v)
		case "name":
			e.Name = d.str(ip+".name", v)
		case "captured_at":
			e.CapturedAt = d.timePtr(ip+".captured_at", v)
		default:
			return false
		}
		return true
	})
}

func (d *mapDecoder) str(path string, v any) string {
	switch s := v.(type) {
	case nil:
		return ""
	case string:
		return s
	}
	d.errs.add(path, "must be a string, got %s", jsonKind(v))
	return ""
}

func (d *mapDecoder) boolVal(path string, v any) bool {
	switch b := v.(type) {
	case nil:
		return false
	case bool:
		return b
	}
	d.errs.add(path, "must be true or false, got %s", jsonKind(v))
	return false
}

func (d *mapDecoder) floatPtr(path string, v any) *float64 {
	var f float64
	switch n := v.(type) {
	case nil:
		return nil
	case json.Number:
		x, err := n.Float64()
		if err != nil {
			d.errs.add(path, "%q is not a number", n.String())
			return nil
		}
		f = x
	case float64:
		f = n
	case string:
		d.errs.add(path, "%q is not a number", n)
		return nil
	default:
		d.errs.add(path, "must be a number, got %s", jsonKind(v))
		return nil
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		d.errs.add(path, "must be a finite number")
		return nil
	}
	return &f
}

func (d *mapDecoder) intPtr(path string, v any) *int {
	if v == nil {
		return nil
	}
	f := d.floatPtr(path, v)
	if f == nil {
		return nil
	}
	if *f != math.Trunc(*f) || math.Abs(*f) > 1e9 {
		d.errs.add(path, "%v is not a whole number (or is too large)", *f)
		return nil
	}
	n := int(*f)
	return &n
}

func (d *mapDecoder) intVal(path string, v any, def int) int {
	if p := d.intPtr(path, v); p != nil {
		return *p
	}
	return def
}

func (d *mapDecoder) timePtr(path string, v any) *time.Time {
	if v == nil {
		return nil
	}
	s, ok := v.(string)
	if !ok {
		d.errs.add(path, "must be a time string (%s), got %s", timeHint, jsonKind(v))
		return nil
	}
	t, err := ParseTime(s)
	if err != nil {
		d.errs.add(path, "%q is not a time (%s)", s, timeHint)
		return nil
	}
	return &t
}

// ParseTime parses an RFC 3339 time with an offset (or Z). Times without an
// offset are refused: their meaning would be a guess.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	return time.Parse(time.RFC3339Nano, s)
}
