package fusion

import "math"

const (
	earthRadiusM = 6371008.8
	degToRad     = math.Pi / 180
	metresPerDeg = earthRadiusM * degToRad // one degree of latitude
)

// distanceM returns the great-circle distance in metres (haversine).
func distanceM(lat1, lon1, lat2, lon2 float64) float64 {
	p1, p2 := lat1*degToRad, lat2*degToRad
	dp := p2 - p1
	dl := (lon2 - lon1) * degToRad
	s1, s2 := math.Sin(dp/2), math.Sin(dl/2)
	a := s1*s1 + math.Cos(p1)*math.Cos(p2)*s2*s2
	if a > 1 {
		a = 1
	}
	return 2 * earthRadiusM * math.Asin(math.Sqrt(a))
}

// lonDegrees returns how many degrees of longitude span m metres at lat.
func lonDegrees(m, lat float64) float64 {
	c := math.Cos(lat * degToRad)
	if c < 0.01 {
		c = 0.01
	}
	return m / (metresPerDeg * c)
}
