package fusion

import "math"

const (
	earthRadiusM = 6371008.8
	degToRad     = math.Pi / 180
	metresPerDeg = earthRadiusM * degToRad // one degree of latitude
)

// distanceM returns the distance in metres between two points, by the
// equirectangular approximation (within 0.5 % up to a few hundred
// kilometres, which is all fusion compares).
func distanceM(lat1, lon1, lat2, lon2 float64) float64 {
	return flatDistance(lat1, lon1, math.Cos(lat1*degToRad), lat2, lon2, math.Cos(lat2*degToRad))
}

// flatDistance is distanceM with the cosines of the latitudes given.
func flatDistance(lat1, lon1, cos1, lat2, lon2, cos2 float64) float64 {
	dlon := lon2 - lon1
	if dlon > 180 {
		dlon -= 360
	} else if dlon < -180 {
		dlon += 360
	}
	x := dlon * (cos1 + cos2) / 2
	y := lat2 - lat1
	return metresPerDeg * math.Sqrt(x*x+y*y)
}

// lonDegrees returns how many degrees of longitude span m metres where
// the cosine of the latitude is c.
func lonDegrees(m, c float64) float64 {
	if c < 0.01 {
		c = 0.01
	}
	return m / (metresPerDeg * c)
}
