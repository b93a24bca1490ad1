package agreement

import (
	"fmt"
	"math"
	"slices"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/geo"
)

// classIndex numbers the classes of one taxonomy.
type classIndex struct {
	idx   map[string]int
	names []string
}

var (
	weaponIndex = newClassIndex(truce.WeaponClasses)
	targetIndex = newClassIndex(truce.TargetClasses)
)

func newClassIndex(names []string) *classIndex {
	ix := &classIndex{idx: map[string]int{}, names: names}
	for i, n := range names {
		ix.idx[n] = i
	}
	return ix
}

// classMatcher answers whether a class the reports give is covered by the
// classes a rule names, in the dotted hierarchy both ways: a named parent
// covers its children (yes); a parent given where the rule names a
// subclass cannot be told (maybe), even when every subclass is named, since
// the taxonomy's subclasses need not exhaust their parent (military is more
// than military.air_defence_engagement); unknown cannot be told (maybe).
type classMatcher struct {
	any   bool
	named []string
	ix    *classIndex
	table []tri // by class number
}

func newClassMatcher(set truce.ClassSet, ix *classIndex) classMatcher {
	m := classMatcher{any: set.Any(), named: set, ix: ix}
	if m.any {
		return m
	}
	m.table = make([]tri, len(ix.names))
	for i, c := range ix.names {
		switch {
		case c == truce.Unknown:
			m.table[i] = maybe
		case set.Covers(c):
			m.table[i] = yes
		case m.namesBelow(c):
			m.table[i] = maybe
		}
	}
	return m
}

func (m *classMatcher) namesBelow(c string) bool {
	for _, x := range m.named {
		if truce.ClassCovers(c, x) && x != c {
			return true
		}
	}
	return false
}

// class answers for one class.
func (m *classMatcher) class(c string) tri {
	if m.any {
		return yes
	}
	if i, ok := m.ix.idx[c]; ok {
		return m.table[i]
	}
	if c != "" && truce.ClassSet(m.named).Covers(c) {
		return yes // a finer class than the taxonomy knows, under a named one
	}
	return maybe // a class the taxonomy does not know cannot be told
}

// eval answers for the classes of an incident: yes when one of them is
// covered ("a weapon class of the incident is covered"); with none stated
// the answer cannot be told where the rule depends on it.
func (m *classMatcher) eval(claims []truce.Claim) tri {
	if m.any {
		return yes
	}
	if len(claims) == 0 {
		return maybe
	}
	best := no
	for i := range claims {
		if t := m.class(claims[i].Value); t > best {
			best = t
			if best == yes {
				break
			}
		}
	}
	return best
}

type whereForm uint8

const (
	anywhere whereForm = iota
	inside
	outside
	within
	beyond
	inCountry
)

// whereMatcher answers a place condition for an incident's location,
// taking its uncertainty circle into account.
type whereMatcher struct {
	form      whereForm
	zone      string
	z         *zone
	km        float64
	countries []string
}

func compileWhere(w truce.Where, zones map[string]*zone) (whereMatcher, error) {
	m := whereMatcher{zone: w.Zone()}
	switch {
	case w.Inside != "":
		m.form = inside
	case w.Outside != "":
		m.form = outside
	case w.WithinKm > 0:
		m.form, m.km = within, w.WithinKm
	case w.BeyondKm > 0:
		m.form, m.km = beyond, w.BeyondKm
	case len(w.Country) > 0:
		m.form, m.countries = inCountry, w.Country
	}
	if m.zone != "" {
		if (m.form == inside || m.form == outside) && zones[m.zone] != nil && !zones[m.zone].hasArea() {
			return m, fmt.Errorf("zone %q has no area to be inside or outside of", m.zone)
		}
		m.z = zones[m.zone]
		if m.z == nil {
			return m, fmt.Errorf("unknown zone %q", m.zone)
		}
	}
	return m, nil
}

// hasPoint reports whether a location has coordinates. (0, 0) lies in the
// Gulf of Guinea and stands for "no coordinates".
func hasPoint(l *truce.Place) bool { return l.Lat != 0 || l.Lon != 0 }

// placeFacts are what a place condition found, for reasons.
type placeFacts struct {
	noPoint     bool
	in          bool    // the point is inside the zone
	boundaryM   float64 // distance from the point to the zone's boundary
	lowM, highM float64 // the range of distances to the zone the uncertainty allows
}

// probe measures one point against one zone, each measure at most once, so
// rules on the same zone and the reasons share them.
type probe struct {
	z                           *zone
	p                           geo.Point
	inDone, distDone, lowerDone bool
	in                          bool
	dist, lower                 float64
}

func (pb *probe) contains() bool {
	if !pb.inDone {
		pb.in, pb.inDone = pb.z.contains(pb.p), true
	}
	return pb.in
}

func (pb *probe) boundaryM() float64 {
	if !pb.distDone {
		pb.dist, pb.distDone = pb.z.boundaryM(pb.p), true
	}
	return pb.dist
}

// lowerM is a lower bound of the distance from the point to the zone: 0
// inside the zone's box, else the distance to the box on the sphere. From
// the haversine formula, a latitude gap Δφ gives at least R·Δφ and a
// longitude gap Δλ at least 2R·asin(cos φmax · sin(Δλ/2)), φmax being the
// largest latitude either point can have.
func (pb *probe) lowerM() float64 {
	if pb.lowerDone {
		return pb.lower
	}
	pb.lowerDone = true
	b := pb.z.bounds
	p := pb.p
	dLat := math.Max(0, math.Max(b.Min.Lat-p.Lat, p.Lat-b.Max.Lat))
	dLon := math.Max(0, math.Max(b.Min.Lon-p.Lon, p.Lon-b.Max.Lon))
	phi := math.Max(math.Abs(p.Lat), math.Max(math.Abs(b.Min.Lat), math.Abs(b.Max.Lat)))
	lonM := 2 * geo.EarthRadiusM * math.Asin(math.Min(1, math.Cos(phi*math.Pi/180)*math.Sin(math.Min(dLon, 180)*math.Pi/360)))
	pb.lower = math.Max(dLat*geo.EarthRadiusM*math.Pi/180, lonM)
	return pb.lower
}

// boundRange returns bounds on the distance from the point to the zone's
// boundary: exact once measured, else from the zone's distance field, else
// from its box (outside it the point is outside the zone too).
func (pb *probe) boundRange() (lo, hi float64) {
	if pb.distDone {
		return pb.dist, pb.dist
	}
	if f := pb.z.field; f != nil {
		if lo, hi, ok := f.bounds(pb.z, pb.p); ok {
			return lo, hi
		}
	}
	return pb.lowerM(), math.Inf(1)
}

// eval answers the condition, measuring the zone only as far as the answer
// depends on it. For a given side of the zone the answer is monotone in the
// distance to the boundary, so when both ends of the bounds on that
// distance give the same answer, it is the answer.
func (w *whereMatcher) eval(l *truce.Place, pb *probe) tri {
	switch w.form {
	case anywhere:
		return yes
	case inCountry:
		return countryTri(w.countries, l.Country)
	}
	if !hasPoint(l) {
		return maybe
	}
	u := math.Max(l.UncertaintyM, 0)
	in := pb.lowerM() == 0 && pb.contains() // outside the zone's box: not inside
	lo, hi := pb.boundRange()
	if t := w.at(in, lo, u); t == w.at(in, hi, u) {
		return t
	}
	return w.at(in, pb.boundaryM(), u)
}

// at answers the condition for a point on the given side of the zone, at
// distance d from its boundary, uncertain by u metres.
func (w *whereMatcher) at(in bool, d, u float64) tri {
	low, high := math.Max(0, d-u), d+u // the distances to the zone the uncertainty allows
	if in {
		low, high = 0, math.Max(0, u-d)
	}
	limit := w.km * 1000
	switch w.form {
	case inside, outside:
		t := no
		switch {
		case u > 0 && d <= u:
			t = maybe
		case in:
			t = yes
		}
		if w.form == outside {
			t = not(t)
		}
		return t
	case within:
		return between(high <= limit, low > limit)
	case beyond:
		return between(low > limit, high <= limit)
	}
	return yes
}

func countryTri(countries []string, c string) tri {
	switch {
	case c == "":
		return maybe
	case slices.Contains(countries, c):
		return yes
	}
	return no
}

// facts answers the condition with everything measured, for reasons.
func (w *whereMatcher) facts(l *truce.Place, pb *probe) (tri, placeFacts) {
	var f placeFacts
	switch w.form {
	case anywhere:
		return yes, f
	case inCountry:
		return countryTri(w.countries, l.Country), f
	}
	if !hasPoint(l) {
		f.noPoint = true
		return maybe, f
	}
	u := math.Max(l.UncertaintyM, 0)
	f.in, f.boundaryM = pb.contains(), pb.boundaryM()
	if f.in {
		f.lowM, f.highM = 0, math.Max(0, u-f.boundaryM)
	} else {
		f.lowM, f.highM = math.Max(0, f.boundaryM-u), f.boundaryM+u
	}
	return w.at(f.in, f.boundaryM, u), f
}

func not(t tri) tri { return yes - t }

// between is yes when surely holds, no when surely fails, else maybe.
func between(surely, surelyNot bool) tri {
	switch {
	case surely:
		return yes
	case surelyNot:
		return no
	}
	return maybe
}
