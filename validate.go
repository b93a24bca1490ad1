package truce

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Limits on the size of a report's fields; larger values are rejected so
// that one source cannot fill the store.
const (
	MaxTextLen   = 200_000
	MaxStringLen = 2_000
	MaxListLen   = 100
)

var (
	partyCodeRE = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,7}$`)
	countryRE   = regexp.MustCompile(`^[A-Z]{2}$`)
	sha256RE    = regexp.MustCompile(`^[0-9a-f]{64}$`)
	languageRE  = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)
)

// Validator checks decoded reports against the rules of report-format.md
// and fills in the format's defaults.
type Validator struct {
	// Parties, when not empty, is the set of party codes the loaded
	// agreements know; any other code is an error.
	Parties map[string]bool
}

// Validate checks r, applies the defaults of the format (reliability F,
// credibility 6, attributed_to unknown, occurred.to = occurred.from,
// reported_at = received) and returns every problem found. now is the time
// of receipt.
func (v Validator) Validate(r *Report, now time.Time) []FieldError {
	var fe fieldErrors
	v.source(&fe, r)
	v.what(&fe, r)
	v.when(&fe, r, now)
	v.where(&fe, r)
	v.figures(&fe, r)
	v.lengths(&fe, r)
	return fe
}

// ValidateDecoded validates a report that decoding already found faults
// in, so that one answer names every problem: it returns decodeErrs plus
// the validation errors of fields not related to a field already named
// (a bad location.lat is not also reported as a missing location).
func (v Validator) ValidateDecoded(r *Report, decodeErrs []FieldError, now time.Time) []FieldError {
	out := append([]FieldError(nil), decodeErrs...)
	for _, e := range v.Validate(r, now) {
		if !relatedToAny(e.Field, decodeErrs) {
			out = append(out, e)
		}
	}
	return out
}

func relatedToAny(field string, errs []FieldError) bool {
	for _, e := range errs {
		if e.Field == "" || e.Field == field ||
			strings.HasPrefix(field, e.Field+".") || strings.HasPrefix(e.Field, field+".") ||
			strings.HasPrefix(field, e.Field+"[") {
			return true
		}
	}
	return false
}

func (v Validator) source(fe *fieldErrors, r *Report) {
	s := &r.Source
	switch {
	case s.Type == "":
		fe.add("source.type", "required (one of %s)", joinSourceTypes())
	case !validSourceType(s.Type):
		fe.add("source.type", "%q is not one of %s", s.Type, joinSourceTypes())
	}
	if strings.TrimSpace(s.Name) == "" {
		fe.add("source.name", "required: who reported (e.g. \"Patrol 14\", \"Reuters\")")
	}
	if s.Type == SourceParty && s.Party == "" {
		fe.add("source.party", "required when source.type is party: the party the source speaks for (e.g. UA)")
	}
	if s.Party != "" {
		v.party(fe, "source.party", s.Party)
	}
	switch {
	case s.Reliability == "":
		s.Reliability = "F"
	case len(s.Reliability) != 1 || s.Reliability[0] < 'A' || s.Reliability[0] > 'F':
		fe.add("source.reliability", "%q is not an Admiralty grade A to F", s.Reliability)
	}
	switch {
	case r.Credibility == 0:
		r.Credibility = 6
	case r.Credibility < 1 || r.Credibility > 6:
		fe.add("credibility", "%d is not an Admiralty credibility 1 to 6", r.Credibility)
	}
}

func (v Validator) party(fe *fieldErrors, field, code string) {
	if !partyCodeRE.MatchString(code) {
		fe.add(field, "%q is not a party code (upper-case letters, e.g. UA, RU)", code)
		return
	}
	if len(v.Parties) > 0 && !v.Parties[code] {
		fe.add(field, "party %q is not known to any loaded agreement (known: %s)", code, joinKeys(v.Parties))
	}
}

func (v Validator) what(fe *fieldErrors, r *Report) {
	switch {
	case r.Kind == "":
		fe.add("kind", "required (one of %s)", joinKinds())
	case !validKind(r.Kind):
		fe.add("kind", "%q is not one of %s", r.Kind, joinKinds())
	}
	for i, w := range r.Weapons {
		p := fmt.Sprintf("weapons[%d]", i)
		switch {
		case w.Class == "":
			fe.add(p+".class", "required (use \"unknown\" when the weapon is not known)")
		case !IsWeaponClass(w.Class):
			fe.add(p+".class", "unknown class '%s'; known: %s", w.Class, strings.Join(WeaponClasses, ", "))
		}
		if w.Count != nil && *w.Count < 0 {
			fe.add(p+".count", "%d is negative", *w.Count)
		}
	}
	if r.Target != nil && r.Target.Class != "" && !IsTargetClass(r.Target.Class) {
		fe.add("target.class", "unknown class '%s'; known: %s", r.Target.Class, strings.Join(TargetClasses, ", "))
	}
	switch r.AttributedTo {
	case "":
		r.AttributedTo = Unknown
	case Unknown:
	default:
		v.party(fe, "attributed_to", r.AttributedTo)
	}
}

func (v Validator) when(fe *fieldErrors, r *Report, now time.Time) {
	w := &r.Occurred
	if w.From.IsZero() {
		if !hasField(*fe, "occurred.from") {
			fe.add("occurred.from", "required: when it happened (%s)", timeHint)
		}
		return
	}
	if w.To.IsZero() {
		w.To = w.From
	}
	if w.To.Before(w.From) {
		fe.add("occurred.to", "%s is before occurred.from %s", w.To.Format(time.RFC3339), w.From.Format(time.RFC3339))
	}
	if w.From.After(now.Add(24 * time.Hour)) {
		fe.add("occurred.from", "%s is in the future", w.From.Format(time.RFC3339))
	}
	if r.LaunchedAt != nil && r.LaunchedAt.After(w.To) {
		fe.add("launched_at", "%s is after occurred.to %s", r.LaunchedAt.Format(time.RFC3339), w.To.Format(time.RFC3339))
	}
	if r.ReportedAt == nil {
		t := now
		r.ReportedAt = &t
	}
}

func hasField(fe fieldErrors, field string) bool {
	for _, e := range fe {
		if e.Field == field {
			return true
		}
	}
	return false
}

func (v Validator) where(fe *fieldErrors, r *Report) {
	l := &r.Location
	if (l.Lat == nil) != (l.Lon == nil) {
		fe.add("location", "give both location.lat and location.lon, or neither")
	}
	if l.Lat != nil && (*l.Lat < -90 || *l.Lat > 90) {
		fe.add("location.lat", "%v is not a latitude (-90 to 90)", *l.Lat)
	}
	if l.Lon != nil && (*l.Lon < -180 || *l.Lon > 180) {
		fe.add("location.lon", "%v is not a longitude (-180 to 180)", *l.Lon)
	}
	if l.UncertaintyM != nil && *l.UncertaintyM < 0 {
		fe.add("location.uncertainty_m", "%v is negative", *l.UncertaintyM)
	}
	if l.Country != "" && !countryRE.MatchString(l.Country) {
		fe.add("location.country", "%q is not an ISO 3166-1 alpha-2 code (e.g. UA, RU)", l.Country)
	}
	hasPoint := l.Lat != nil && l.Lon != nil
	if !hasPoint && strings.TrimSpace(l.Place) == "" && strings.TrimSpace(l.Admin1) == "" {
		if !r.Aggregate || l.Country == "" {
			fe.add("location", "required: give location.lat and location.lon, location.place or location.admin1 (an aggregate tally may give only location.country)")
		}
	}
}

func (v Validator) figures(fe *fieldErrors, r *Report) {
	nonNeg := func(field string, n *int) {
		if n != nil && *n < 0 {
			fe.add(field, "%d is negative", *n)
		}
	}
	nonNeg("casualties.killed", r.Casualties.Killed)
	nonNeg("casualties.injured", r.Casualties.Injured)
	if c := r.Counts; c != nil {
		nonNeg("counts.launched", c.Launched)
		nonNeg("counts.intercepted", c.Intercepted)
		nonNeg("counts.hit", c.Hit)
		if c.Launched != nil && c.Intercepted != nil && *c.Intercepted > *c.Launched {
			fe.add("counts.intercepted", "%d is more than counts.launched %d", *c.Intercepted, *c.Launched)
		}
	}
	for i, e := range r.Evidence {
		if !sha256RE.MatchString(e.SHA256) {
			fe.add(fmt.Sprintf("evidence[%d].sha256", i), "%q is not a lower-case hex SHA-256 (64 digits)", e.SHA256)
		}
	}
	if r.Language != "" && !languageRE.MatchString(r.Language) {
		fe.add("language", "%q is not a BCP 47 language tag (e.g. en, uk, ru)", r.Language)
	}
}

func (v Validator) lengths(fe *fieldErrors, r *Report) {
	long := func(field, s string, max int) {
		if len(s) > max {
			fe.add(field, "too long (%d bytes, at most %d)", len(s), max)
		}
	}
	long("text", r.Text, MaxTextLen)
	long("evidence_text", r.EvidenceText, MaxTextLen)
	long("source.name", r.Source.Name, MaxStringLen)
	long("source.ref", r.Source.Ref, MaxStringLen)
	long("location.place", r.Location.Place, MaxStringLen)
	long("location.admin1", r.Location.Admin1, MaxStringLen)
	if len(r.Weapons) > MaxListLen {
		fe.add("weapons", "too many (%d, at most %d)", len(r.Weapons), MaxListLen)
	}
	if len(r.Evidence) > MaxListLen {
		fe.add("evidence", "too many (%d, at most %d)", len(r.Evidence), MaxListLen)
	}
}

func validSourceType(t SourceType) bool {
	for _, x := range SourceTypes {
		if t == x {
			return true
		}
	}
	return false
}

func validKind(k Kind) bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

func joinSourceTypes() string { return joinStrings(SourceTypes) }

func joinKinds() string { return joinStrings(Kinds) }

// joinStrings lists string-typed values, comma separated.
func joinStrings[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

func joinKeys(m map[string]bool) string {
	return strings.Join(SortedClasses(keys(m)), ", ")
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
