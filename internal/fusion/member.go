package fusion

import (
	"encoding/json"
	"math"
	"strings"

	"github.com/truce-monitor/truce"
)

// precision is how finely a member is placed, coarsest first.
type precision uint8

const (
	precCountry precision = iota + 1
	precAdmin1
	precSettlement
	precPoint
)

var precisionNames = map[string]precision{
	"country": precCountry, "admin1": precAdmin1, "settlement": precSettlement, "point": precPoint,
}

func (p precision) String() string {
	for n, q := range precisionNames {
		if q == p {
			return n
		}
	}
	return ""
}

// source is one reporting source, interned: every report of "Reuters"
// points at the same value.
type source struct {
	name  string // as given
	key   string // normName(name): what "the same source" compares
	typ   truce.SourceType
	party string
	rel   byte // Admiralty reliability 'A'..'F'
}

// member is what the engine keeps of a report: the few fields fusion and
// the incident's figures need, in about 170 bytes. The report itself is
// not retained, so callers may reuse it after Add returns.
type member struct {
	id, ref  string
	src      *source
	inc      *incident
	from, to int64 // occurred window, Unix nanoseconds
	reported int64 // reported_at (else received_at), Unix ns; 0 unknown
	seq      uint64
	lat, lon float64
	cosLat   float64
	unc      float32
	killed   int32 // -1: not stated
	injured  int32
	weapons  uint32
	entry    sym // gazetteer entry of a settlement-precision report
	admin1   sym
	country  sym
	place    sym // the place as the source named it
	target   sym // target class
	actor    sym // attributed_to; 0 is unknown
	doc      sym // the publication this is an item of (source.ref "DOC#n")
	kind     uint8
	prec     precision
	disc     bool // lat, lon, unc is a usable disc (point or settlement)
	agg      bool
	x        *memberExtra
}

// memberExtra holds what few reports carry, kept out of member to keep
// the common case small.
type memberExtra struct {
	models     []weaponModel
	targetName string
	counts     *truce.Counts
	via        string    // the original source a news item quotes
	cuts       []cutSide // analyst separations this report is on a side of
}

type weaponModel struct{ class, model string }

func (m *member) extra() *memberExtra {
	if m.x == nil {
		m.x = &memberExtra{}
	}
	return m.x
}

// viaKeys are the unknown fields that name the original source a report
// quotes; see the package documentation.
var viaKeys = []string{"source.via", "source.quotes", "via", "quotes"}

// newMember summarises r under the given id.
func (e *Engine) newMember(r *truce.Report, id string) *member {
	m := e.members.alloc()
	*m = member{id: id, ref: r.Source.Ref, killed: -1, injured: -1}
	m.src = e.source(r.Source)
	if i := strings.LastIndexByte(m.ref, '#'); i > 0 {
		m.doc = e.syms.id(m.src.key + "\x00" + m.ref[:i])
	}
	m.from = r.Occurred.From.UnixNano()
	m.to = m.from
	if !r.Occurred.To.IsZero() && r.Occurred.To.UnixNano() > m.from {
		m.to = r.Occurred.To.UnixNano()
	}
	switch {
	case r.ReportedAt != nil:
		m.reported = r.ReportedAt.UnixNano()
	case !r.ReceivedAt.IsZero():
		m.reported = r.ReceivedAt.UnixNano()
	}
	e.locate(m, r)
	m.cosLat = math.Cos(m.lat * degToRad)
	m.kind = kindOf(r.Kind)
	m.agg = r.Aggregate
	m.weapons = weaponMask(r.Weapons)
	for _, w := range r.Weapons {
		if w.Model != "" {
			m.extra().models = append(m.extra().models, weaponModel{w.Class, strings.Clone(w.Model)})
		}
	}
	if t := r.Target; t != nil {
		m.target = e.syms.id(t.Class)
		if t.Name != "" {
			m.extra().targetName = strings.Clone(t.Name)
		}
	}
	if a := r.AttributedTo; a != "" && a != truce.Unknown {
		m.actor = e.syms.id(a)
	}
	if k := r.Casualties.Killed; k != nil {
		m.killed = int32(min(*k, 1<<30))
	}
	if k := r.Casualties.Injured; k != nil {
		m.injured = int32(min(*k, 1<<30))
	}
	if r.Counts != nil {
		c := *r.Counts
		m.extra().counts = &c
	}
	if v := viaOf(r.Extra); v != "" {
		m.extra().via = v
	}
	return m
}

// locate fills the member's location from the geocode, or from the raw
// location when the report was not geocoded.
func (e *Engine) locate(m *member, r *truce.Report) {
	m.place = e.syms.id(r.Location.Place)
	if g := r.Geocode; g != nil {
		m.lat, m.lon, m.unc = g.Lat, g.Lon, float32(g.UncertaintyM)
		m.admin1, m.country = e.syms.id(g.Admin1), e.syms.id(g.Country)
		m.prec = precisionNames[g.Precision]
		if m.prec == 0 {
			m.prec = precPoint
		}
		m.disc = m.prec >= precSettlement
		if m.prec == precSettlement && g.Entry != "" {
			m.entry = e.syms.id(g.Entry)
		}
		return
	}
	l := r.Location
	m.admin1, m.country = e.syms.id(l.Admin1), e.syms.id(l.Country)
	switch {
	case l.Lat != nil && l.Lon != nil:
		m.lat, m.lon, m.prec, m.disc = *l.Lat, *l.Lon, precPoint, true
		if l.UncertaintyM != nil {
			m.unc = float32(*l.UncertaintyM)
		}
	case l.Place != "":
		// Not geocoded: the name is all there is, so the same name is the
		// same place and a different name a different one.
		m.prec, m.entry = precSettlement, e.syms.id("name:"+normName(l.Place))
	case l.Admin1 != "":
		m.prec = precAdmin1
	default:
		m.prec = precCountry
	}
}

// source interns the source of a report.
func (e *Engine) source(s truce.Source) *source {
	rel := byte('F')
	if s.Reliability != "" && s.Reliability[0] >= 'A' && s.Reliability[0] <= 'F' {
		rel = s.Reliability[0]
	}
	if p := e.lastSource; p != nil && p.typ == s.Type && p.name == s.Name && p.party == s.Party && p.rel == rel {
		return p
	}
	k := sourceKey{s.Type, s.Name, s.Party, rel}
	if p, ok := e.sources[k]; ok {
		e.lastSource = p
		return p
	}
	p := &source{name: strings.Clone(s.Name), key: normName(s.Name), typ: s.Type, party: s.Party, rel: rel}
	e.sources[k] = p
	e.lastSource = p
	return p
}

type sourceKey struct {
	typ         truce.SourceType
	name, party string
	rel         byte
}

// viaOf returns the original source named by one of viaKeys: a string, or
// the first string of a list.
func viaOf(extra map[string]json.RawMessage) string {
	for _, k := range viaKeys {
		raw, ok := extra[k]
		if !ok {
			continue
		}
		var v any
		if json.Unmarshal(raw, &v) != nil {
			continue
		}
		switch v := v.(type) {
		case string:
			if strings.TrimSpace(v) != "" {
				return strings.TrimSpace(v)
			}
		case []any:
			for _, x := range v {
				if s, ok := x.(string); ok && strings.TrimSpace(s) != "" {
					return strings.TrimSpace(s)
				}
			}
		}
	}
	return ""
}
