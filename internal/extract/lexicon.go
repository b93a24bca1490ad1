package extract

import (
	"strconv"
	"strings"
)

// termKind is the class of a lexicon term.
type termKind uint8

// The term classes. Values (term.val) are explained per class.
const (
	kAttack     termKind = iota + 1 // act of remote fire; val v (finite verb), h (headline verb or plural noun), b (base form), n (noun)
	kWeapon                         // val: weapon class; model: the model named
	kTarget                         // val: target class
	kKill                           // val v (verb), n (noun: dead, deaths), t (death toll)
	kInjure                         // val v, n
	kNoCas                          // "no casualties", "no one was hurt"
	kNum                            // n: the number a word names
	kTime                           // val: relative time code (see when.go)
	kMonth                          // n: 1..12
	kWeekday                        // n: time.Weekday
	kParty                          // val: party code; model: a (adjective) or n (noun, an actor)
	kSay                            // val: say, accuse, deny
	kHedge                          // modality: would, could, threatened …
	kOtherWar                       // another war or theatre: Syria, Gaza …
	kGeneric                        // habitual: every day, continues to …
	kNonAttack                      // figurative strike: strike a deal, hit back …
	kIntercept                      // shot down, intercepted
	kLaunch                         // launched, fired
	kAggCue                         // a tally over many places or a whole night
	kRegionWord                     // region, oblast, province
	kCityWord                       // city, town, village
	kOfficial                       // governor, mayor, authorities
	kPerson                         // people, civilians, children
	kSince                          // since (a past reference point)
	kRiver                          // river
	kCountry                        // val: ISO code
	kForces                         // forces, troops, army, military (actors)
	kHistory                        // a past era: last month, in 2014 …
	kGround                         // ground war: capture, withdraw from, fell to
	kPlace                          // n: index into the place table
)

// term is one lexicon entry found by the automaton.
type term struct {
	kind  termKind
	val   string
	model string
	n     int
}

// lexLine is one line of a lexicon table: a kind, a value and the forms.
// Forms use brace alternation: "ракет{а,и,у}" is ракета, ракети, ракету.
type lexLine struct {
	kind  termKind
	val   string
	forms string
}

// expand returns the forms of a comma-separated list with brace
// alternatives ("strike{,s}", "ракет{а,и}").
func expand(list string) []string {
	var out []string
	for _, item := range splitTop(list) {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		out = append(out, expandBraces(item)...)
	}
	return out
}

// splitTop splits s at commas outside braces.
func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

func expandBraces(s string) []string {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i:], '}')
	if j < 0 {
		return []string{s}
	}
	j += i
	var out []string
	for _, alt := range strings.Split(s[i+1:j], ",") {
		out = append(out, expandBraces(s[:i]+alt+s[j+1:])...)
	}
	return out
}

// parseLex reads a table of lines "kind value: form, form, …" (value may
// be "-"; a weapon's value may be "class/model").
func parseLex(table string) []lexLine {
	var out []lexLine
	for _, line := range strings.Split(table, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		head, forms, ok := strings.Cut(line, ":")
		if !ok {
			panic("extract: bad lexicon line: " + line)
		}
		f := strings.Fields(head)
		k, ok := kindNames[f[0]]
		if !ok || len(f) != 2 {
			panic("extract: bad lexicon head: " + line)
		}
		out = append(out, lexLine{kind: k, val: f[1], forms: forms})
	}
	return out
}

var kindNames = map[string]termKind{
	"attack": kAttack, "weapon": kWeapon, "target": kTarget, "kill": kKill, "injure": kInjure,
	"nocas": kNoCas, "num": kNum, "time": kTime, "month": kMonth, "weekday": kWeekday,
	"party": kParty, "say": kSay, "hedge": kHedge, "otherwar": kOtherWar, "generic": kGeneric,
	"nonattack": kNonAttack, "intercept": kIntercept, "launch": kLaunch, "agg": kAggCue,
	"regionword": kRegionWord, "cityword": kCityWord, "official": kOfficial, "person": kPerson,
	"since": kSince, "river": kRiver, "country": kCountry, "forces": kForces, "history": kHistory,
	"ground": kGround,
}

// lexTerms turns a line into terms, one per form, keyed by normal form.
func (l lexLine) terms(add func(norm string, t term)) {
	t := term{kind: l.kind, val: l.val}
	switch l.kind {
	case kWeapon, kParty:
		t.val, t.model, _ = strings.Cut(l.val, "/")
	case kNum, kMonth, kWeekday:
		n, err := strconv.Atoi(l.val)
		if err != nil {
			panic("extract: bad number in lexicon: " + l.val)
		}
		t.n = n
	}
	for _, f := range expand(l.forms) {
		if n := normalize(f); n != "" {
			add(n, t) // a weapon model "*" is taken from the text as written
		}
	}
}

// lexicon holds every language's tables.
var lexicon = func() []lexLine {
	var out []lexLine
	for _, t := range []string{lexEN, lexUK, lexRU} {
		out = append(out, parseLex(t)...)
	}
	return out
}()
