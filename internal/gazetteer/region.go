package gazetteer

// Region returns the canonical region for a region name in any script or
// form: "Dnipropetrovsk", "Dnipropetrovsk Oblast", "Dnipropetrovsk region",
// "Дніпропетровська область", "Днепропетровская обл.", "Dnipropetrovska",
// "UA-12", "Kyiv City", "Crimea", "Крим", "Belgorod Oblast",
// "Краснодарский край". A bare city name that is also a region's name means
// the region around it ("Kyiv" is the oblast; "Kyiv City" the city).
func (g *Gazetteer) Region(name string) (Admin1, bool) {
	r, ok := g.regionNamed(Normalize(name))
	if !ok {
		return Admin1{}, false
	}
	return g.regions[r], true
}

// Regions returns all regions the gazetteer knows, in data order (Ukraine
// by ISO code, then Russia).
func (g *Gazetteer) Regions() []Admin1 {
	return append([]Admin1(nil), g.regions...)
}

// regionNamed finds a region by normalized name, then by the skeleton of
// the name when that names one region only.
func (g *Gazetteer) regionNamed(n string) (int, bool) {
	if r, ok := g.regionByNorm[n]; ok {
		return r, true
	}
	if n == "" {
		return -1, false
	}
	r, ok := g.regionSkel[Skeleton(n)]
	return r, ok
}
