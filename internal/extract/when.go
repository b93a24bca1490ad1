package extract

import "time"

// window is an honest time window: the act happened in [from, to].
type window struct {
	from, to time.Time
	explicit bool // the sentence dates the act (a date, a weekday, "this morning" …)
	vague    bool // only "last week", "this month" …
	old      bool // more than a year before publication
}

// anchor fixes the publication time in Kyiv time. A date-only
// publication is taken as the end of that day: the text appeared at some
// time that day.
func (a *assembler) anchor() {
	if a.o.Published.IsZero() {
		return
	}
	p := a.o.Published.In(a.e.kyiv)
	if a.o.DateOnly {
		y, m, d := a.o.Published.Date()
		p = time.Date(y, m, d, 23, 59, 59, 0, a.e.kyiv)
	}
	a.pub, a.hasPub = p, true
}

// day returns midnight (Kyiv) of the day holding t, plus n days.
func (a *assembler) day(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+n, 0, 0, 0, 0, a.e.kyiv)
}

// clampTo keeps a window's end at or before publication and its start at
// or before its end.
func (a *assembler) clamp(w window) window {
	if w.to.After(a.pub) {
		w.to = a.pub
	}
	if w.from.After(w.to) {
		w.from = w.to
	}
	return w
}

// newsCycle is the window of an undated sentence: from the start of the
// day before publication to publication.
func (a *assembler) newsCycle() window {
	return window{from: a.day(a.pub, -1), to: a.pub}
}

// relative returns the window of a relative time code of the lexicon.
func (a *assembler) relative(code string) window {
	p := a.pub
	today := a.day(p, 0)
	switch code {
	case "today":
		return a.clamp(window{from: today, to: p, explicit: true})
	case "morning":
		return a.clamp(window{from: today, to: today.Add(12 * time.Hour), explicit: true})
	case "overnight":
		return a.clamp(window{from: today.Add(-6 * time.Hour), to: today.Add(9 * time.Hour), explicit: true})
	case "yesterday":
		return window{from: a.day(p, -1), to: today.Add(-time.Second), explicit: true}
	case "lastweek":
		return a.clamp(window{from: a.day(p, -7), to: p, vague: true})
	case "lastmonth":
		return a.clamp(window{from: a.day(p, -31), to: p, vague: true})
	}
	return a.newsCycle()
}

// weekday returns the window of the last given weekday on or before the
// publication day; night selects the night before it ("в ніч на п'ятницю").
func (a *assembler) weekday(wd time.Weekday, night bool) window {
	d := a.day(a.pub, 0)
	for d.Weekday() != wd {
		d = d.AddDate(0, 0, -1)
	}
	if night {
		return a.clamp(window{from: d.Add(-6 * time.Hour), to: d.Add(9 * time.Hour), explicit: true})
	}
	return a.clamp(window{from: d, to: d.AddDate(0, 0, 1).Add(-time.Second), explicit: true})
}

// date returns the window of a calendar day; a day after publication is
// taken from the year before.
func (a *assembler) date(year, month, dayN int) window {
	if year == 0 {
		year = a.pub.Year()
		if time.Date(year, time.Month(month), dayN, 0, 0, 0, 0, a.e.kyiv).After(a.pub.Add(24 * time.Hour)) {
			year--
		}
	}
	d := time.Date(year, time.Month(month), dayN, 0, 0, 0, 0, a.e.kyiv)
	w := window{from: d, to: d.AddDate(0, 0, 1).Add(-time.Second), explicit: true}
	w.old = d.Before(a.pub.AddDate(-1, 0, 0))
	if w.from.After(a.pub) {
		w.from = a.day(a.pub, 0)
	}
	return a.clamp(w)
}

// when finds the sentence's time: the dated expression nearest to token
// near that is not a reference point ("since 5 June"). ok is false when
// the sentence has none.
func (v *sview) when(a *assembler, near int) (window, bool) {
	best, bestDist, found := window{}, 1<<30, false
	consider := func(t0 int, w window) {
		if v.sinceBefore(t0) {
			return
		}
		dist := t0 - near
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			if v.speechDate(t0, near) {
				w.from = w.from.AddDate(0, 0, -1) // the act is told as done before the day it was told
			}
			best, bestDist, found = w, dist, true
		}
	}
	for _, h := range v.hits {
		for _, t := range v.e.pats[h.pat] {
			switch t.kind {
			case kTime:
				if _, wt, ok := v.at(int(h.t1), kWeekday); ok && t.val == "overnight" {
					consider(int(h.t0), a.weekday(time.Weekday(wt.n), true))
					continue
				}
				consider(int(h.t0), a.relative(t.val))
			case kWeekday:
				if _, _, ok := v.endingAt(int(h.t0), kTime); ok {
					continue // taken with the night before it
				}
				consider(int(h.t0), a.weekday(time.Weekday(t.n), false))
			case kMonth:
				if w, ok := v.dateAround(a, h, t.n); ok {
					consider(int(h.t0), w)
				}
			}
		}
	}
	return best, found
}

// dateAround reads a calendar date around a month name: "5 June",
// "June 5", "July 3, 2022", "5 червня 2025 року".
func (v *sview) dateAround(a *assembler, h hit, month int) (window, bool) {
	dayN, year := 0, 0
	if i := int(h.t0) - 1; i >= v.from && v.d.toks[i].kind == tNum {
		dayN = int(v.d.toks[i].num)
	} else if i >= v.from && v.d.toks[i].kind == tWord {
		dayN = leadingNumber(v.d.tokText(i)) // "5th June"
	}
	j := int(h.t1)
	if dayN == 0 && j < v.to {
		if v.d.toks[j].kind == tNum {
			dayN = int(v.d.toks[j].num)
			j++
		} else if n := leadingNumber(v.d.tokText(j)); n > 0 && v.d.toks[j].kind == tWord {
			dayN = n
			j++
		}
	}
	if v.punct(j, ',') {
		j++
	}
	if j < v.to && v.d.toks[j].kind == tNum && v.d.toks[j].num >= 1900 && v.d.toks[j].num <= 2100 {
		year = int(v.d.toks[j].num)
	}
	if v.d.toks[int(h.t0)].kind == tWord && v.word(int(h.t0), "may", "march") && !v.d.toks[int(h.t0)].upper {
		return window{}, false
	}
	if dayN == 0 && v.word(int(h.t0)-1, "in", "early", "late", "mid", "last", "until", "у", "в") {
		return a.month(year, month), true // "in March": the whole month
	}
	if dayN < 1 || dayN > 31 {
		return window{}, false
	}
	return a.date(year, month, dayN), true
}

// month returns the window of a calendar month named without a day ("in
// March"): the last such month up to publication. A month that ended more
// than a week before publication is the past, not the news.
func (a *assembler) month(year, month int) window {
	if year == 0 {
		year = a.pub.Year()
		if month > int(a.pub.Month()) {
			year--
		}
	}
	from := time.Date(year, time.Month(month), 1, 0, 0, 0, 0, a.e.kyiv)
	to := from.AddDate(0, 1, 0).Add(-time.Second)
	w := window{from: from, to: to, explicit: true, vague: true}
	w.old = to.Before(a.pub.AddDate(0, 0, -7))
	if w.from.After(a.pub) {
		w.from = a.day(a.pub, 0)
	}
	return a.clamp(w)
}

// leadingNumber reads the digits at the start of an ordinal ("5th").
func leadingNumber(s string) int {
	n := 0
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9' && n < 100; i++ {
		n = n*10 + int(s[i]-'0')
	}
	if n > 31 {
		return 0
	}
	return n
}

// sinceBefore reports whether the time expression at token i is a
// reference point ("since 5 June", "until Friday", "by Monday").
func (v *sview) sinceBefore(i int) bool {
	for j := i - 1; j >= v.from && j >= i-3; j-- {
		if v.covered(j, kSince) || v.word(j, "until", "till", "by", "before", "after", "from", "from", "до", "після", "после", "з", "с") {
			return true
		}
		if !v.word(j, "on", "the", "of", "last", "early", "late", "in", "за", "в", "у") && v.d.toks[j].kind != tNum {
			return false
		}
	}
	return false
}

// speechDate reports whether the time expression at token t dates a
// statement about an earlier act at token act: "On Friday Russia
// acknowledged it had targeted …" (a speech verb between them, and the
// act in the past perfect).
func (v *sview) speechDate(t, act int) bool {
	if t >= act || !v.word(act-1, "had") && !v.word(act-2, "had") {
		return false
	}
	for k := t + 1; k < act; k++ {
		if v.covered(k, kSay) {
			return true
		}
	}
	return false
}
