package app

import (
	"strconv"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// IncidentQueryKeys are the query parameters of an incident list, in the
// order the API and the pages document them.
var IncidentQueryKeys = []string{"from", "to", "agreement", "verdict", "party", "admin1", "kind", "weapon", "target", "bbox", "limit", "cursor"}

// ParseIncidentQuery reads the filters of GET /api/v1/incidents (and of
// the /incidents page) from query parameters, naming the parameter of any
// bad value.
func ParseIncidentQuery(q map[string][]string) (truce.IncidentFilter, error) {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
		return ""
	}
	f := truce.IncidentFilter{
		Agreement: get("agreement"), Verdict: truce.VerdictValue(get("verdict")),
		Party: get("party"), Admin1: get("admin1"), Kind: truce.Kind(get("kind")),
		Weapon: get("weapon"), Target: get("target"), Cursor: get("cursor"),
	}
	var err error
	if f.From, err = QueryTime(get("from"), "from", false); err != nil {
		return f, err
	}
	if f.To, err = QueryTime(get("to"), "to", true); err != nil {
		return f, err
	}
	if f.Limit, err = QueryLimit(get("limit")); err != nil {
		return f, err
	}
	if err := checkEnums(f); err != nil {
		return f, err
	}
	if b := get("bbox"); b != "" {
		box, err := parseBBox(b)
		if err != nil {
			return f, err
		}
		f.BBox = box
	}
	return f, nil
}

func checkEnums(f truce.IncidentFilter) error {
	switch f.Verdict {
	case "", truce.Violation, truce.NoViolation, truce.Indeterminate:
	default:
		return truce.Errorf(truce.EINVALID, "verdict: %q is not one of violation, no_violation, indeterminate", f.Verdict)
	}
	if f.Weapon != "" && !truce.IsWeaponClass(f.Weapon) {
		return truce.Errorf(truce.EINVALID, "weapon: unknown class %q; known: %s", f.Weapon, strings.Join(truce.WeaponClasses, ", "))
	}
	if f.Target != "" && !truce.IsTargetClass(f.Target) {
		return truce.Errorf(truce.EINVALID, "target: unknown class %q; known: %s", f.Target, strings.Join(truce.TargetClasses, ", "))
	}
	for _, k := range truce.Kinds {
		if f.Kind == k {
			return nil
		}
	}
	if f.Kind != "" {
		return truce.Errorf(truce.EINVALID, "kind: %q is not a report kind", f.Kind)
	}
	return nil
}

func parseBBox(s string) (*[4]float64, error) {
	parts := strings.Split(s, ",")
	bad := truce.Errorf(truce.EINVALID, "bbox: %q is not minLon,minLat,maxLon,maxLat", s)
	if len(parts) != 4 {
		return nil, bad
	}
	var box [4]float64
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, bad
		}
		box[i] = v
	}
	if box[1] > box[3] || box[1] < -90 || box[3] > 90 || box[0] < -180 || box[2] > 180 {
		return nil, bad
	}
	return &box, nil
}

// QueryTime reads a time parameter: RFC 3339, or a date (the start of the
// day in UTC, or for an end bound the end of that day).
func QueryTime(v, name string, end bool) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := truce.ParseTime(v); err == nil {
		return t, nil
	}
	d, err := time.Parse("2006-01-02", v)
	if err != nil {
		return time.Time{}, truce.Errorf(truce.EINVALID, "%s: %q is not a time (want RFC 3339 or YYYY-MM-DD)", name, v)
	}
	if end {
		d = d.Add(24*time.Hour - time.Nanosecond)
	}
	return d, nil
}

// QueryLimit reads a page size from 1 to 1000.
func QueryLimit(v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 1000 {
		return 0, truce.Errorf(truce.EINVALID, "limit: %q is not a number from 1 to 1000", v)
	}
	return n, nil
}
