package demo

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// render turns one tell of an event into a report.
func render(e *event, t *tell) truce.Report {
	s, ok := sources[t.src]
	if !ok {
		panic(fmt.Sprintf("demo: event %s: unknown source %q", e.id, t.src))
	}
	p := placeOf(e)
	ref := s.refFor(e, t)
	r := truce.Report{
		Source: truce.Source{Type: s.typ, Name: s.name, Party: s.party, Ref: ref, Reliability: s.rel},
		Kind:   e.kind,
	}
	from, to, reported := when(e, t, s, ref)
	r.Occurred = truce.Window{From: from, To: to}
	r.ReportedAt = timep(reported)
	if t.launch != "" {
		r.LaunchedAt = timep(clock(t.launch))
	}
	r.Location = locate(e, t, s, p, ref)
	describe(&r, e, t, s)
	if t.text != "" {
		r.Text = t.text
	} else {
		r.Text = defaultText(&r, s, p, ref)
	}
	if r.Text != "" {
		r.Language = s.langOr("en")
	}
	if t.via != "" {
		raw, _ := json.Marshal(t.via)
		r.Extra = map[string]json.RawMessage{"source.via": raw}
	}
	if s.typ == truce.SourceMonitor || s.typ == truce.SourcePublic {
		r.Evidence = []truce.Evidence{photo(ref, reported.Add(-20*time.Minute))}
	}
	if s.typ == truce.SourceMonitor {
		r.Credibility = 2
	}
	return r
}

// describe fills what the source says happened: kind, weapons, target,
// attribution and casualties, from the event unless the tell departs.
func describe(r *truce.Report, e *event, t *tell, s *source) {
	sensor := s.typ == truce.SourceSensor
	switch {
	case t.kind != "":
		r.Kind = t.kind
	case sensor:
		r.Kind = truce.KindExplosion
	}
	switch {
	case t.w != "":
		r.Weapons = parseWeapons(t.w)
	case !sensor:
		r.Weapons = parseWeapons(e.weapons)
	}
	switch {
	case t.tgt != "":
		r.Target = parseTarget(t.tgt)
	case !sensor:
		r.Target = parseTarget(e.target)
	}
	switch {
	case t.by == "?":
		r.AttributedTo = truce.Unknown
	case t.by != "":
		r.AttributedTo = t.by
	case sensor:
	case e.by == "":
		r.AttributedTo = truce.Unknown
	default:
		r.AttributedTo = e.by
	}
	cs := t.cas
	if cs == "" && !sensor {
		cs = e.cas
	}
	r.Casualties.Killed, r.Casualties.Injured = parseCasualties(cs)
	hurt := (r.Casualties.Killed != nil && *r.Casualties.Killed > 0) ||
		(r.Casualties.Injured != nil && *r.Casualties.Injured > 0)
	military := r.Target != nil && truce.ClassCovers("military", r.Target.Class)
	if e.civ && hurt && !military {
		civ := true
		r.Casualties.Civilian = &civ
	}
}

// when returns the time window the source gives and when it published.
func when(e *event, t *tell, s *source, ref string) (from, to, reported time.Time) {
	at := clock(e.at)
	spec := t.when
	if spec == "" {
		spec = s.defaultWhen(at)
	}
	from, to, honest := window(spec, at, ref)
	if honest && (at.Before(from) || at.After(to)) {
		panic(fmt.Sprintf("demo: %s: window %q (%s–%s) misses the event at %s", ref, spec,
			from.Format(time.RFC3339), to.Format(time.RFC3339), at.Format(time.RFC3339)))
	}
	if at := strings.TrimPrefix(t.rep, "@"); at != t.rep {
		reported = clock(at)
		if to.After(reported) {
			to = reported
		}
		if to.Before(from) {
			panic(fmt.Sprintf("demo: %s: published before the window opens", ref))
		}
		return from, to, reported
	}
	delay := s.delay
	if t.rep != "" {
		d, err := time.ParseDuration(t.rep)
		if err != nil {
			panic(fmt.Sprintf("demo: %s: bad delay %q", ref, t.rep))
		}
		delay = d
	}
	base := to
	if at.After(base) {
		base = at
	}
	jit := time.Duration(frac(ref, "rep")*45) * time.Minute
	return from, to, base.Add(delay + jit).Truncate(time.Minute)
}

// window reads a time spec relative to the event time at:
//
//	=          the minute itself
//	+25m, -40m the minute as the source (wrongly) gives it
//	~20m       at ± 20 minutes
//	mon        a monitor's reconstruction: a few minutes either side
//	lag        a satellite's overpass some time after the event
//	night, morning, afternoon, evening, day: the part of the day holding at
//	win:08-17 22:00/08-17 23:59  an explicit window, as the source gives it
//
// honest is false where the source's window need not hold the truth.
func window(spec string, at time.Time, ref string) (from, to time.Time, honest bool) {
	day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, zone)
	hm := func(d time.Time, h, m int) time.Time {
		return d.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	}
	switch {
	case spec == "=":
		return at, at, true
	case spec == "mon":
		a := time.Duration(3+frac(ref, "wa")*6) * time.Minute
		b := time.Duration(3+frac(ref, "wb")*6) * time.Minute
		return at.Add(-a), at.Add(b), true
	case spec == "lag":
		l := at.Add(time.Duration(25+frac(ref, "lag")*85) * time.Minute).Truncate(time.Minute)
		return l, l, false
	case strings.HasPrefix(spec, "+") || strings.HasPrefix(spec, "-"):
		d, err := time.ParseDuration(spec)
		if err != nil {
			panic(fmt.Sprintf("demo: %s: bad shift %q", ref, spec))
		}
		return at.Add(d), at.Add(d), false
	case strings.HasPrefix(spec, "~"):
		d, err := time.ParseDuration(spec[1:])
		if err != nil {
			panic(fmt.Sprintf("demo: %s: bad spread %q", ref, spec))
		}
		return at.Add(-d).Truncate(5 * time.Minute), at.Add(d).Truncate(5 * time.Minute).Add(5 * time.Minute), true
	case spec == "night":
		if at.Hour() >= 12 {
			day = day.AddDate(0, 0, 1)
		}
		return hm(day.AddDate(0, 0, -1), 20, 0), hm(day, 7, 0), true
	case spec == "morning":
		return hm(day, 5, 0), hm(day, 12, 0), true
	case spec == "afternoon":
		return hm(day, 12, 0), hm(day, 18, 0), true
	case spec == "evening":
		return hm(day, 17, 0), hm(day, 23, 59), true
	case spec == "day":
		return day, hm(day, 23, 59), true
	case strings.HasPrefix(spec, "win:"):
		a, b, ok := strings.Cut(spec[4:], "/")
		if !ok {
			panic(fmt.Sprintf("demo: %s: bad window %q", ref, spec))
		}
		return clock(a), clock(b), false
	}
	panic(fmt.Sprintf("demo: %s: unknown time spec %q", ref, spec))
}

// locate returns the location as the source gives it.
func locate(e *event, t *tell, s *source, p *place, ref string) truce.Location {
	spec := t.loc
	if spec == "" {
		spec = s.defaultLoc()
	}
	spec, spelling, _ := strings.Cut(spec, ":")
	var l truce.Location
	if p.country != "" && !(p.occ && s.side == "RU") {
		l.Country = p.country
	}
	switch spec {
	case "pt", "pt+place":
		lat, lon := truth(e, p)
		lat, lon = jitter(lat, lon, s.acc*0.7, ref)
		u := s.acc
		l.Lat, l.Lon, l.UncertaintyM = &lat, &lon, &u
		if spec == "pt+place" {
			l.Place = p.name(s.langOr("en"), spelling)
		}
	case "place", "place+region":
		l.Place = p.name(s.langOr("en"), spelling)
		if spec == "place+region" || (p.occ && s.side == "RU") {
			// Russian-side sources name occupied places with their region
			// ("Донецк, ДНР"): Donetsk alone is also a town in Rostov region.
			l.Admin1 = p.admin1
		}
		if p.small {
			// Small places may be missing from a gazetteer: give the centre.
			lat, lon, u := round5(p.lat), round5(p.lon), math.Max(1500, p.extent*1000)
			l.Lat, l.Lon, l.UncertaintyM = &lat, &lon, &u
		}
	case "region":
		l.Admin1 = p.admin1
	default:
		panic(fmt.Sprintf("demo: %s: unknown location spec %q", ref, t.loc))
	}
	return l
}

// truth returns where the event happened: its own point, or a point inside
// its settlement that depends only on the event id.
func truth(e *event, p *place) (lat, lon float64) {
	if e.pt != [2]float64{} {
		return e.pt[0], e.pt[1]
	}
	return jitter(p.lat, p.lon, p.extent*500, e.id)
}

// jitter moves a point by up to r metres, deterministically from key.
func jitter(lat, lon, r float64, key string) (float64, float64) {
	d := r * math.Sqrt(frac(key, "jr"))
	a := 2 * math.Pi * frac(key, "ja")
	dlat := d * math.Cos(a) / 111320
	dlon := d * math.Sin(a) / (111320 * math.Cos(lat*math.Pi/180))
	return round5(lat + dlat), round5(lon + dlon)
}

func round5(x float64) float64 { return math.Round(x*1e5) / 1e5 }

// frac returns a number in [0, 1) that depends only on key and salt.
func frac(key, salt string) float64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	h.Write([]byte{0})
	h.Write([]byte(salt))
	return float64(h.Sum64()>>11) / (1 << 53)
}

// photo is the evidence a monitor or a member of the public attaches: the
// scenario has no files, so the hash commits to a name.
func photo(ref string, at time.Time) truce.Evidence {
	sum := sha256.Sum256([]byte("truce-demo-photo:" + ref))
	hex := fmt.Sprintf("%x", sum)
	name := strings.NewReplacer("/", "-", ":", "-").Replace(ref) + ".jpg"
	return truce.Evidence{SHA256: hex, MediaType: "image/jpeg", Name: name, CapturedAt: timep(at)}
}
