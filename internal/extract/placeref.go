package extract

// placeRef is a place a sentence puts an act at.
type placeRef struct {
	name, admin1, country, id string
	region                    bool // a region without a settlement
	tok                       int
	speaker                   bool  // named only as a speaker's seat ("Luhansk governor")
	alsoRegion                bool  // the name is also its region's ("Donetsk")
	again                     []int // tokens where the sentence names the place again
	site                      int   // 1 + index into sites for a known site
}

// cueWords mark a following settlement as a place even when it is small:
// "the village of X", "село X", "м. X".
var cueWords = map[string]bool{
	"village": true, "town": true, "city": true, "settlement": true, "hamlet": true, "of": true,
	"село": true, "селі": true, "селище": true, "селищі": true, "смт": true, "м": true, "с": true, "місто": true,
	"місті": true, "поселок": true, "поселке": true, "пгт": true, "город": true, "городе": true, "г": true,
}

// resolvePlaces finds the places of a sentence: settlements and regions,
// each resolved to one region and country. English names shared by a city
// and its region ("Kharkiv") are the region only before "region",
// "oblast" or "province" or after "regions of"; a capital's name is a
// place only where an act happens there, not where it speaks for its
// government; small places need a locative cue.
func (a *assembler) resolvePlaces(v *sview) []placeRef {
	var refs []placeRef
	v.each(kCountry, func(h hit, t term) {
		i := int(h.t0)
		if locatives[v.d.tokText(max(i-1, v.from))] || locatives[v.d.tokText(max(i-2, v.from))] {
			a.docCountry[t.val]++
		}
	})
	a.sentAdmin1 = a.sentAdmin1[:0]
	v.each(kPlace, func(h hit, t term) {
		if p := &v.e.places.places[t.n]; (p.region && !p.needsWord || p.pop >= 100000) && !a.inSentence(p.admin1) {
			a.sentAdmin1 = append(a.sentAdmin1, p.admin1)
		}
	})
	for _, h := range v.hits {
		if v.e.hasKind(h.pat, kPlace) {
			if r, ok := a.placeAt(v, h); ok {
				refs = append(refs, r)
			}
		}
	}
	refs = append(refs, v.capitalPhrase()...)
	return a.tidyPlaces(refs)
}

// inSentence reports whether the sentence names a region or a city of
// region admin1.
func (a *assembler) inSentence(admin1 string) bool {
	for _, r := range a.sentAdmin1 {
		if r == admin1 {
			return true
		}
	}
	return false
}

// placeAt resolves the place hit h (whose terms are its candidates).
func (a *assembler) placeAt(v *sview, h hit) (placeRef, bool) {
	i, j := int(h.t0), int(h.t1)
	if !v.d.toks[i].upper || v.covered(j, kRiver) || v.word(i-1, "the") && v.lang == "en" && !v.covered(j, kRegionWord) && !v.covered(j, kCityWord) && !v.siteHit(h) {
		return placeRef{}, false
	}
	if j < v.to && v.d.toks[j].joined && !v.word(j, "s") {
		return placeRef{}, false // "Kyiv-based", "Moscow-controlled"
	}
	if v.personName(i, j) || v.referencePoint(i) || v.relativeAside(i) || v.groundBefore(i) || v.groundAfter(j) || v.sincePhrase(i) {
		return placeRef{}, false
	}
	bestI, ok := a.choosePlace(v, h)
	if !ok {
		return placeRef{}, false
	}
	best := &v.e.places.places[bestI]
	a.chosen[h.pat] = bestI
	r := placeRef{admin1: best.admin1, country: best.country, id: best.id, region: best.region, tok: i, site: best.site}
	if !best.region {
		r.name = best.name
		for _, t := range v.e.pats[h.pat] {
			if p := &v.e.places.places[t.n]; t.kind == kPlace && p.region && p.admin1 == best.admin1 {
				r.alsoRegion = true
			}
		}
	}
	r.speaker = v.covered(j, kOfficial) || v.word(j, "s") && v.covered(j+1, kOfficial) || v.officialOf(i)
	return r, true
}

// choosePlace returns the place that hit h names: among its candidates
// that the context admits, the best by the text's hints (disambig.go).
func (a *assembler) choosePlace(v *sview, h hit) (int, bool) {
	i, j := int(h.t0), int(h.t1)
	regionCtx := v.regionAfter(j) || v.regionOfBefore(i)
	regionCand := regionCtx && v.hasRegionCandidate(h)
	cue := 0 // 1 when a locative or settlement word stands before, -1 when not; 0 not yet known
	cands := a.candBuf[:0]
	for _, t := range v.e.pats[h.pat] {
		if t.kind != kPlace {
			continue
		}
		p := &v.e.places.places[t.n]
		if !p.region && p.pop < strongPop && cue == 0 {
			cue = -1
			if v.cueBefore(i) {
				cue = 1
			}
		}
		switch {
		case p.region && p.needsWord && !regionCtx:
			continue
		case !p.region && regionCand:
			continue
		case p.capital && !v.capitalScene(h):
			return 0, false // the government, not a place: no village of that name either
		case !p.region && p.pop < strongPop && cue < 0:
			continue
		case p.pop >= 50000 && p.site == 0 && v.villageBefore(i):
			continue // "the villages of Synetsky and Pavlograd" are no cities
		}
		cands = append(cands, t.n)
	}
	a.candBuf = cands
	if len(cands) == 0 {
		return 0, false
	}
	best := cands[0]
	if len(cands) > 1 {
		ph := a.hintsAt(v, h)
		places := v.e.places.places
		for _, n := range cands[1:] {
			if a.better(&places[n], &places[best], n, best, &ph) {
				best = n
			}
		}
	}
	return best, true
}

// villageBefore reports whether a village word introduces the name at
// token i, maybe as a later item of a list ("villages of A and B").
func (v *sview) villageBefore(i int) bool {
	for k := i - 1; k >= v.from && k >= i-6; k-- {
		switch {
		case v.word(k, "village", "villages", "hamlet", "село", "селі", "селище", "селищі", "поселок", "поселке", "деревня"):
			return true
		case v.word(k, "of", "and", "the") || v.punct(k, ',') || v.covered(k, kPlace):
		default:
			return false
		}
	}
	return false
}

// siteHit reports whether hit h names a known site ("the Azovstal
// steelworks").
func (v *sview) siteHit(h hit) bool {
	for _, t := range v.e.pats[h.pat] {
		if t.kind == kPlace && v.e.places.places[t.n].site > 0 {
			return true
		}
	}
	return false
}

// personName reports whether the name at [i, j) is part of a person's
// name: a capitalised word that no lexicon term explains stands right
// before it (mid-sentence) or right after it ("Vladimir Putin",
// "Oleksander Kamyshin").
func (v *sview) personName(i, j int) bool {
	if firstNames[v.d.tokText(i)] {
		return true
	}
	if i > v.from && v.unexplainedCapital(i-1) && !sentenceOpeners[v.d.tokText(i-1)] {
		return true
	}
	if j < v.to && v.covered(j, kSay) && !v.covered(j, kAttack) && !v.cueBefore(i) {
		return true // "Kamyshin said": a speaker (but "officials in Odesa said")
	}
	return j < v.to && v.unexplainedCapital(j) && !v.d.toks[j].joined
}

// unexplainedCapital reports whether token k is a capitalised word that is
// no lexicon term: a name.
func (v *sview) unexplainedCapital(k int) bool {
	t := &v.d.toks[k]
	if t.kind != tWord || !t.upper {
		return false
	}
	if k >= v.from && k < v.to && v.cov[k-v.from] != 0 {
		return false
	}
	return t.oe-t.os > 2 && !isUpperWord(v.d.text[t.os:t.oe])
}

// isUpperWord reports whether a word is all capitals (an acronym or a
// dateline), which is no personal name.
func isUpperWord(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'а' && r <= 'я' {
			return false
		}
	}
	return true
}

// sentenceOpeners are capitalised words that open sentences or
// headlines before a place without being names.
var sentenceOpeners = map[string]bool{
	"the": true, "in": true, "on": true, "at": true, "near": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "north": true, "south": true, "east": true,
	"west": true, "occupied": true, "besieged": true, "embattled": true, "frontline": true, "a": true,
	"from": true, "over": true, "outside": true, "inside": true, "across": true, "greater": true,
	"in the": true, "about": true, "and": true, "but": true, "when": true, "after": true, "before": true,
	"meanwhile": true, "separately": true, "also": true, "elsewhere": true, "residential": true,
	"на": true, "у": true, "в": true, "під": true, "біля": true, "по": true, "над": true, "із": true,
	"з": true, "до": true, "во": true, "под": true, "около": true, "возле": true, "поблизу": true,
	"неподалік": true, "місто": true, "город": true, "село": true, "селище": true, "поселок": true,
}

// firstNames are given names that GeoNames also lists as places.
var firstNames = map[string]bool{
	"vladimir": true, "volodymyr": true, "oleksandr": true, "alexander": true, "sergei": true,
	"sergey": true, "serhiy": true, "dmitry": true, "dmytro": true, "mykola": true, "nikolai": true,
	"andriy": true, "yuriy": true, "igor": true, "ihor": true, "olena": true, "elena": true,
}

// referencePoint reports whether the place at i only measures a distance
// or direction ("south-west of Kyiv", "200km from Kharkiv").
func (v *sview) referencePoint(i int) bool {
	if v.word(i-1, "near", "outside", "біля", "поблизу", "около", "под") && v.punct(i-2, ',') && v.covered(i-3, kPlace) {
		return true // "in Krasne, near Lviv": Lviv only locates Krasne
	}
	if !v.word(i-1, "of", "from") {
		return false
	}
	return v.word(i-2, "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "km", "kilometres", "kilometers", "miles", "outskirts") ||
		v.word(i-2, "east", "west") && v.word(i-3, "north", "south")
}

// officialOf reports whether the place at i names an official's seat:
// "the mayor of Mariupol", "the governor of the Luhansk region".
func (v *sview) officialOf(i int) bool {
	k := i - 1
	if v.word(k, "the") {
		k--
	}
	if v.word(k, "in") && (v.covered(k-1, kOfficial) || v.word(k-1, "government", "administration")) {
		return true // "the regional government in Lviv"
	}
	return v.word(k, "of") && v.covered(k-1, kOfficial)
}

// relativeAside reports whether the place at i stands in a relative
// clause that tells no act ("…, which together with Luhansk makes up …").
func (v *sview) relativeAside(i int) bool {
	start := -1
	for k := i - 1; k >= v.from; k-- {
		if v.punct(k, ',') || v.punct(k, ';') || v.punct(k, '(') || v.punct(k, '-') {
			start = k
			break
		}
	}
	if start < 0 || !v.word(start+1, "which", "who", "whose", "that", "який", "яка", "які", "который", "которая", "которые") {
		return false
	}
	for k := start + 1; k < v.to && !v.punct(k, ',') && !v.punct(k, ';'); k++ {
		if v.covered(k, kAttack) || v.covered(k, kKill) || v.covered(k, kInjure) {
			return false
		}
	}
	return true
}

func (v *sview) hasRegionCandidate(h hit) bool {
	for _, t := range v.e.pats[h.pat] {
		if t.kind == kPlace && v.e.places.places[t.n].region {
			return true
		}
	}
	return false
}

// regionAfter reports whether a region word follows token j, directly,
// after "'s", or at the end of a list of places ("Kharkiv and Donetsk
// regions").
func (v *sview) regionAfter(j int) bool {
	for k := j; k < v.to && k < j+12; k++ {
		switch {
		case v.covered(k, kRegionWord):
			return true
		case v.word(k, "s") && v.d.toks[k].joined, v.punct(k, ','), v.word(k, "and", "і", "й", "та", "и"), v.covered(k, kPlace):
		default:
			return false
		}
	}
	return false
}

// regionOfBefore reports whether "region(s) of" opens the list that
// token i belongs to.
func (v *sview) regionOfBefore(i int) bool {
	for k := i - 1; k >= v.from && k > i-12; k-- {
		switch {
		case v.word(k, "of") && v.covered(k-1, kRegionWord):
			return true
		case v.punct(k, ','), v.word(k, "and"), v.covered(k, kPlace):
		default:
			return false
		}
	}
	return false
}

// cueBefore reports whether a locative or a settlement word stands right
// before token i.
func (v *sview) cueBefore(i int) bool {
	for k := i - 1; k >= v.from && k >= i-2; k-- {
		w := v.d.tokText(k)
		if locatives[w] || cueWords[w] {
			return true
		}
		if !v.punct(k, '.') {
			return false
		}
	}
	return false
}

// capitalScene reports whether a capital's name at h is the scene of an
// act rather than its government: after a locative or an attack verb, or
// the subject of a passive act ("Kyiv has come under attack").
func (v *sview) capitalScene(h hit) bool {
	i := int(h.t0)
	if v.word(i-1, "to", "with", "from", "between") {
		return false
	}
	if v.cueBefore(i) && (!v.word(i-1, "of") || v.covered(i-2, kCityWord)) {
		return true
	}
	if v.actorUse(h) && !v.passiveAfter(int(h.t1)) {
		return false
	}
	if _, t, ok := v.endingAt(i, kAttack); ok && t.val != "b" {
		return true
	}
	return v.passiveAfter(int(h.t1)) || v.covered(int(h.t1), kRegionWord)
}

// passiveAfter reports whether a passive act follows token j: "has come
// under attack", "was hit", "was shelled".
func (v *sview) passiveAfter(j int) bool {
	for k := j; k < v.to && k < j+4; k++ {
		if _, t, ok := v.at(k, kAttack); ok && t.val == "v" {
			return true
		}
		if !v.word(k, "has", "have", "was", "were", "is", "had", "been", "again", "also", "once") {
			return false
		}
	}
	return false
}

// capitalPhrase finds "the capital" and "the Ukrainian capital" used as
// the scene of an act: Kyiv.
func (v *sview) capitalPhrase() []placeRef {
	var out []placeRef
	for i := v.from + 1; i < v.to; i++ {
		if !v.word(i, "capital", "столиці", "столицю", "столиця", "столицы", "столицу", "столице") {
			continue
		}
		k := i - 1
		if v.word(k, "ukrainian", "ukraine's") {
			k--
		}
		if v.lang == "en" && !v.word(k, "the") {
			continue
		}
		if v.lang == "en" {
			k--
		}
		if v.word(k, "of") || v.word(i+1, "of") {
			continue // "south-east of the capital", "the capital of"
		}
		if locatives[v.d.tokText(k)] || v.covered(k, kAttack) {
			out = append(out, placeRef{name: "Kyiv", admin1: "Kyiv City", country: "UA", tok: i})
		}
	}
	return out
}

// tidyPlaces drops regions that a settlement of the same region already
// places, speakers' seats when a scene is named, and repeats; it counts
// the regions named for later disambiguation.
func (a *assembler) tidyPlaces(refs []placeRef) []placeRef {
	scene := false
	for _, r := range refs {
		if !r.speaker {
			scene = true
		}
	}
	var out []placeRef
	for _, r := range refs {
		if scene && r.speaker {
			continue
		}
		dup := false
		for _, o := range refs {
			if r.region && !o.region && o.admin1 == r.admin1 {
				dup = true
			}
			if r.alsoRegion && !o.region && o.name != r.name && o.admin1 == r.admin1 && o.tok < r.tok && r.tok-o.tok <= 3 {
				dup = true // "Sloviansk in Donetsk": the region that locates a town
			}
		}
		for k := range out {
			if o := &out[k]; o.admin1 == r.admin1 && o.name == r.name {
				if !dup {
					o.again = append(o.again, r.tok)
				}
				dup = true
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	for _, r := range out {
		a.docAdmin1[r.admin1]++
		a.docCountry[r.country]++
	}
	return out
}

// groundBefore reports whether the place at token i is the object of a
// ground-war or diplomatic word rather than of an act of fire: "the
// capture of Lysychansk", "an effort to seize Sievierodonetsk and
// Lysychansk", "talks in Moscow". An attack word nearer to the place wins
// ("shelled the town after capturing …"), and so does a locative of its
// own ("evacuations in Kramatorsk" is a scene), unless it places the
// object of the ground-war word ("seized the last major city in Luhansk").
func (v *sview) groundBefore(i int) bool {
	for k := i - 1; k >= v.from && k >= i-6; k-- {
		switch {
		case v.covered(k, kAttack) || v.covered(k, kWeapon) || v.covered(k, kKill) || v.covered(k, kInjure):
			return false
		case v.covered(k, kGround):
			return true
		case v.punct(k, '.') || v.punct(k, ';') || v.punct(k, ',') && !v.covered(k-1, kPlace) ||
			locatives[v.d.tokText(k)] && !v.word(k, "of", "into", "towards", "toward", "до") && !v.covered(k-1, kCityWord):
			return false // "evacuations in the city of X": X is where, not what
		}
	}
	return false
}

// groundAfter reports whether the place ending before token j is the
// subject of a ground-war verb: "Sievierodonetsk fell", "was captured".
func (v *sview) groundAfter(j int) bool {
	for k := j; k < v.to && k < j+3; k++ {
		if v.word(k, "fell", "captured", "seized", "taken", "liberated", "encircled", "surrounded", "retaken", "recaptured") {
			return true
		}
		if !v.word(k, "was", "were", "has", "had", "been", "is", "finally", "now", "have") {
			return false
		}
	}
	return false
}

// sincePhrase reports whether the place at token i lies in a phrase that
// names a past reference point: "the highest toll since an attack on a
// railway station in Kramatorsk".
func (v *sview) sincePhrase(i int) bool {
	for k := i - 1; k >= v.from && k >= i-10; k-- {
		switch {
		case v.covered(k, kSince):
			return true
		case v.punct(k, ',') || v.punct(k, ';') || v.punct(k, '.'):
			return false
		}
	}
	return false
}
