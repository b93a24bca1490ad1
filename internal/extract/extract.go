package extract

import (
	"sort"
	"sync"
	"time"
	_ "time/tzdata" // Europe/Kyiv on systems without a zone database

	"github.com/truce-monitor/truce"
)

// Options say where a text comes from and when it was published.
type Options struct {
	// Published anchors relative dates ("this morning", "on Tuesday"). The
	// zero time means unknown: reports then carry no relative date and
	// undated sentences give no report.
	Published time.Time
	// DateOnly says Published is a calendar day, not an instant: the text
	// appeared at some time that day (Kyiv time).
	DateOnly bool
	// Source is the source.name of the reports ("Reuters"); default "news".
	Source string
	// Ref is the source.ref of the reports; each report gets Ref with
	// "#n" appended (n counts from 1) so that every report has its own.
	Ref string
}

// Extractor finds strike incidents in news text. It is safe for
// concurrent use once built.
type Extractor struct {
	phrases *phraseMatcher
	kmask   []uint32 // kinds of each pattern's terms
	pats    [][]term // terms by pattern id
	places  *placeTable
	fuzzy   fuzzyIndex // Latin names of prominent places, for misspellings
	kyiv    *time.Location
}

// New builds an extractor over the built-in regions and the places of
// src (nil for the built-in ones only).
func New(src PlaceSource) *Extractor {
	loc, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		loc = time.FixedZone("EET", 2*3600)
	}
	e := &Extractor{places: buildPlaces(src), kyiv: loc}
	ids := e.addPatterns()
	norms := make([]string, len(e.pats))
	for norm, id := range ids {
		norms[id] = norm
	}
	e.phrases = newPhraseMatcher()
	for id, norm := range norms {
		e.phrases.add(norm, int32(id))
	}
	e.phrases.build()
	return e
}

// addPatterns enters the terms of the lexicon and the names of e's places
// as patterns, sets the kinds of each pattern and the index of misspelt
// names, and returns the patterns' ids by normalised phrase.
func (e *Extractor) addPatterns() map[string]int32 {
	ids := map[string]int32{}
	add := func(norm string, t term) {
		id, ok := ids[norm]
		if !ok {
			id = int32(len(e.pats))
			ids[norm] = id
			e.pats = append(e.pats, nil)
		}
		e.pats[id] = append(e.pats[id], t)
	}
	for _, l := range lexicon {
		l.terms(add)
	}
	forms := make([]string, 0, len(e.places.forms))
	for f := range e.places.forms {
		forms = append(forms, f)
	}
	sort.Strings(forms) // deterministic pattern ids
	e.fuzzy = fuzzyIndex{}
	for _, f := range forms {
		prominent := false
		for _, i := range e.places.forms[f] {
			add(f, term{kind: kPlace, n: i})
			p := &e.places.places[i]
			prominent = prominent || p.pop >= fuzzyMinPop || p.site > 0 || p.region && !p.needsWord
		}
		if prominent {
			e.fuzzy.add(f, ids[f])
		}
	}
	e.kmask = make([]uint32, len(e.pats))
	for id, ts := range e.pats {
		for _, t := range ts {
			e.kmask[id] |= kindBit(t.kind)
		}
	}
	return ids
}

// hit is one lexicon or place match: tokens [t0, t1) and its pattern.
type hit struct {
	t0, t1 int32
	pat    int32
}

// mayTell reports whether a sentence's hits hold any word of an act, a
// weapon or a toll; a sentence without one is not analysed.
func (e *Extractor) mayTell(hs []hit) bool {
	const tells = 1<<kAttack | 1<<kWeapon | 1<<kKill | 1<<kInjure | 1<<kNoCas | 1<<kIntercept
	for _, h := range hs {
		if e.kmask[h.pat]&tells != 0 {
			return true
		}
	}
	return false
}

// workspace holds the buffers of one extraction, kept for the next: no
// result refers to them.
type workspace struct {
	d     doc
	hits  []hit
	sents []span
	a     assembler
}

var workspaces = sync.Pool{New: func() any { return new(workspace) }}

// maxKept is the largest text whose buffers are kept for reuse.
const maxKept = 1 << 20

// release returns the workspace to the pool unless its text was huge.
func (w *workspace) release() {
	big := len(w.d.text) > maxKept
	w.d.text, w.a.e, w.a.d = "", nil, nil
	w.a.events, w.a.last = nil, nil
	if !big {
		workspaces.Put(w)
	}
}

// namesPlace reports whether a sentence's hits name a place (a
// capitalised place name).
func (e *Extractor) namesPlace(d *doc, hs []hit) bool {
	for _, h := range hs {
		if d.toks[h.t0].upper && e.hasKind(h.pat, kPlace) {
			return true
		}
	}
	return false
}

// Extract returns the reports a text gives: one per place per attack, in
// the order the text first tells them. Every report passes
// truce.Validator{}.Validate with the publication time as "now".
func (e *Extractor) Extract(text string, o Options) []truce.Report {
	if len(text) > truce.MaxTextLen*50 {
		text = text[:truce.MaxTextLen*50]
	}
	w := workspaces.Get().(*workspace)
	defer w.release()
	d := &w.d
	d.tokenize(text)
	w.hits = e.fuzzyHits(d, e.phrases.scan(d, w.hits[:0]))
	hits := w.hits
	w.sents = d.appendSentences(w.sents[:0])
	sents := w.sents
	a := &w.a
	a.reset(e, d, o)
	a.anchor()
	hi := 0
	for si, s := range sents {
		for hi < len(hits) && int(hits[hi].t0) < s.from {
			hi++
		}
		hj := hi
		for hj < len(hits) && int(hits[hj].t0) < s.to {
			hj++
		}
		a.namedBefore = a.named
		if e.namesPlace(d, hits[hi:hj]) {
			a.named = si
		}
		if e.mayTell(hits[hi:hj]) {
			a.sentence(si, s, hits[hi:hj])
		} else {
			a.sents = append(a.sents, s)
		}
	}
	return a.reports()
}
