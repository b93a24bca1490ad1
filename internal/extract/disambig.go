package extract

import (
	"math"
	"strings"

	"github.com/truce-monitor/truce/internal/geo"
)

// Choosing among places of one name. A name often fits several places
// ("Olenivka", "Kalynivka", "Novomoskovsk" in Ukraine and in Russia). The
// text's own hints come first, in this order: the place this name meant
// earlier in the text (one sense per discourse); a region named right
// after it ("Druzkivka, northern Donetsk", "Olenivka in the Donetsk
// region"); a country named around it ("a town in eastern Ukraine", "the
// Russian city of"); a distance and direction from another place
// ("124 miles south-west of Kyiv"); a village or a city said to be one.
// Then the context: places that host a known site, regions named in the
// sentence, countries and regions named in the text, population.

// placeHints are what the text says around one place name.
type placeHints struct {
	prev    int    // the place this name meant before, or -1
	admin1  string // region named right after the name
	country string // country named around the name
	village bool   // "village(s) of", "село"
	city    bool   // "city of", "місто"
	ref     *place // "N km <direction> of ref"
	km      float64
	bearing float64 // degrees from north, clockwise; NaN when not given
}

// hintsAt reads the hints around the place hit h.
func (a *assembler) hintsAt(v *sview, h hit) placeHints {
	i, j := int(h.t0), int(h.t1)
	ph := placeHints{prev: -1, bearing: math.NaN()}
	if p, ok := a.chosen[h.pat]; ok {
		ph.prev = p
	}
	ph.admin1 = v.regionNamedAfter(j)
	ph.country = v.countryAround(i, j)
	for k := i - 1; k >= v.from && k >= i-3; k-- {
		switch {
		case v.word(k, "village", "villages", "hamlet", "settlement", "село", "селі", "селище", "селищі", "поселок", "поселке", "деревня"):
			ph.village = true
		case v.word(k, "city", "місто", "місті", "город", "городе"):
			ph.city = true
		}
	}
	ph.ref, ph.km, ph.bearing = v.distanceFrom(j)
	return ph
}

// regionNamedAfter returns the region named right after token j: ",
// northern Donetsk", "in the Donetsk region", "(Kherson region)".
func (v *sview) regionNamedAfter(j int) string {
	k := j
	for k < v.to && k < j+5 && (v.punct(k, ',') || v.punct(k, '(') || v.word(k, "in", "of") || geoModifiers[v.d.tokText(k)] || v.covered(k, kCountry) || v.word(k, "s")) {
		k++
	}
	if k == j || k >= v.to {
		return ""
	}
	for _, hh := range v.hits {
		if int(hh.t0) != k {
			continue
		}
		for _, t := range v.e.pats[hh.pat] {
			if t.kind != kPlace {
				continue
			}
			if p := &v.e.places.places[t.n]; p.region && (!p.needsWord || v.covered(int(hh.t1), kRegionWord)) {
				return p.admin1
			}
		}
	}
	return ""
}

// countryAround returns the country the text puts a place in: "the
// Russian city of X", "X, a town in eastern Ukraine", "X, Russia".
func (v *sview) countryAround(i, j int) string {
	for k := i - 1; k >= v.from && k >= i-5; k-- {
		if _, t, ok := v.at(k, kParty); ok && v.word(k, "russian", "ukrainian") && (v.covered(k+1, kCityWord) || v.covered(k+2, kCityWord)) {
			return t.val // "the Ukrainian city of", "a Russian border town"
		}
	}
	for k := j; k < v.to && k < j+8; k++ {
		if _, t, ok := v.at(k, kCountry); ok {
			return t.val
		}
		if !(v.punct(k, ',') || v.word(k, "a", "an", "the", "in", "small", "large", "major", "frontline", "border") || v.covered(k, kCityWord) || geoModifiers[v.d.tokText(k)]) {
			return ""
		}
	}
	return ""
}

// compass is the bearing of each direction word.
var compass = map[string]float64{
	"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270, "northwest": 315,
}

// distanceFrom reads "124 miles (200km) south-west of Kyiv" after token j:
// the reference place, the distance in kilometres and the bearing.
func (v *sview) distanceFrom(j int) (*place, float64, float64) {
	km, bearing := 0.0, math.NaN()
	for k := j; k < v.to && k < j+12; k++ {
		t := &v.d.toks[k]
		switch {
		case t.kind == tNum && km == 0 && v.word(k+1, "km", "kilometres", "kilometers"):
			km = float64(t.num)
		case t.kind == tNum && km == 0 && v.word(k+1, "miles"):
			km = float64(t.num) * 1.609
		case km == 0 && t.kind == tWord && strings.HasSuffix(v.d.tokText(k), "km") && leadingDigits(v.d.tokText(k)) > 0:
			km = float64(leadingDigits(v.d.tokText(k))) // "200km"
		case v.word(k, "north", "south", "east", "west", "northeast", "southeast", "southwest", "northwest"):
			b := compass[v.d.tokText(k)]
			if n := v.d.tokText(k + 1); v.d.toks[k+1].joined && (n == "east" || n == "west") {
				b = compass[v.d.tokText(k)+n] // "south-west"
				k++
			}
			bearing = b
		case v.word(k, "of") && km > 0:
			return v.placeWithCoords(k + 1), km, bearing
		}
	}
	return nil, 0, math.NaN()
}

// placeWithCoords returns the most populous candidate with coordinates of
// the place hit at token k.
func (v *sview) placeWithCoords(k int) *place {
	var best *place
	for _, hh := range v.hits {
		if int(hh.t0) != k {
			continue
		}
		for _, t := range v.e.pats[hh.pat] {
			p := &v.e.places.places[t.n]
			if t.kind == kPlace && p.hasCoords && (best == nil || p.pop > best.pop) {
				best = p
			}
		}
	}
	return best
}

// fits reports whether p lies where "km in direction bearing from ref"
// puts it: within a third of the distance and 50 degrees of the bearing.
func (ph *placeHints) fits(p *place) bool {
	if ph.ref == nil || !p.hasCoords {
		return false
	}
	from, to := geo.Point{Lat: ph.ref.lat, Lon: ph.ref.lon}, geo.Point{Lat: p.lat, Lon: p.lon}
	if d := geo.DistanceM(from, to) / 1000; math.Abs(d-ph.km) > ph.km/3+5 {
		return false
	}
	if math.IsNaN(ph.bearing) {
		return true
	}
	diff := math.Abs(math.Mod(bearing(from, to)-ph.bearing+540, 360) - 180)
	return diff <= 50
}

// bearing returns the initial great-circle bearing in degrees from a to b.
func bearing(a, b geo.Point) float64 {
	p1, p2 := a.Lat*math.Pi/180, b.Lat*math.Pi/180
	dl := (b.Lon - a.Lon) * math.Pi / 180
	y := math.Sin(dl) * math.Cos(p2)
	x := math.Cos(p1)*math.Sin(p2) - math.Sin(p1)*math.Cos(p2)*math.Cos(dl)
	return math.Mod(math.Atan2(y, x)*180/math.Pi+360, 360)
}

// better reports whether candidate p (index pi) beats q (index qi) for a
// name with hints ph.
func (a *assembler) better(p, q *place, pi, qi int, ph *placeHints) bool {
	for k := 0; k < numHints; k++ {
		if tp, tq := a.hint(k, p, pi, ph), a.hint(k, q, qi, ph); tp != tq {
			return tp
		}
	}
	if p.country != q.country {
		if cp, cq := a.docCountry[p.country], a.docCountry[q.country]; cp != cq {
			return cp > cq
		}
	}
	if ap, aq := a.docAdmin1[p.admin1], a.docAdmin1[q.admin1]; ap != aq {
		return ap > aq
	}
	return p.pop > q.pop
}

// numHints is the number of tests of hint.
const numHints = 8

// hint applies test k, in order of strength, to candidate x (index xi).
func (a *assembler) hint(k int, x *place, xi int, ph *placeHints) bool {
	switch k {
	case 0:
		return xi == ph.prev
	case 1:
		return ph.admin1 != "" && x.admin1 == ph.admin1
	case 2:
		return ph.country != "" && x.country == ph.country
	case 3:
		return ph.fits(x)
	case 4:
		return ph.village && !x.region && x.pop < strongPop
	case 5:
		return ph.city && x.pop >= strongPop
	case 6:
		return x.hostsSite
	default:
		return a.inSentence(x.admin1)
	}
}

// leadingDigits reads the number at the start of a word ("200km"), or 0.
func leadingDigits(w string) int {
	n := 0
	for i := 0; i < len(w) && w[i] >= '0' && w[i] <= '9' && n < 100000; i++ {
		n = n*10 + int(w[i]-'0')
	}
	return n
}
