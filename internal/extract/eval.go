package extract

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// Scoring (documented in the evaluation output too):
//
//   - A report matches a label when both or neither are aggregates
//     (aggregates are matched only to aggregates), the country is the same
//     (a label without a country matches any), the region is the same (a
//     label without a region matches only a report without one, unless it
//     has no country either), the label's date (or, failing that, its
//     inferred date) lies within a day of the report's window, and the
//     weapon classes overlap or one side is unknown or empty (mortar counts
//     as artillery, as the labels write shelling and mortars).
//   - Reports and labels are paired one to one by a maximum matching,
//     non-passing labels first, preferring pairs whose place names and
//     figures agree (neither decides whether a pair matches).
//   - Labels marked passing (background mentions) are optional: a report
//     that matches one is correct, a missed one is not counted.
//   - precision = matched reports / reports; recall = matched non-passing
//     labels / non-passing labels; F1 their harmonic mean.
//   - Casualty figures: over matched pairs, each killed or injured figure
//     the label states; exact when the report gives the same number.

// EvalResult is the score of an extractor on a corpus.
type EvalResult struct {
	Reports, Matched, Labels, LabelsMatched int
	CasualtyFigures, CasualtyExact          int
	Articles                                []ArticleResult
}

// ArticleResult is the score of one article, with what went wrong.
type ArticleResult struct {
	ID                           string
	Reports, Matched             int
	Labels, LabelsMatched        int
	Passing                      int
	Misses                       []string // labels no report matched
	FalseAlarms                  []string // reports no label matched
	WrongFigures                 []string // matched pairs whose stated figures differ
	CasualtyFigures, CasualtyHit int
}

// Precision returns matched reports over reports (1 with no report).
func (r *EvalResult) Precision() float64 { return ratio(r.Matched, r.Reports) }

// Recall returns matched non-passing labels over non-passing labels.
func (r *EvalResult) Recall() float64 { return ratio(r.LabelsMatched, r.Labels) }

// F1 returns the harmonic mean of precision and recall.
func (r *EvalResult) F1() float64 {
	p, q := r.Precision(), r.Recall()
	if p+q == 0 {
		return 0
	}
	return 2 * p * q / (p + q)
}

// CasualtyShare returns the share of stated casualty figures the matched
// reports give exactly.
func (r *EvalResult) CasualtyShare() float64 { return ratio(r.CasualtyExact, r.CasualtyFigures) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Evaluate runs the extractor on every labelled article and scores it.
func Evaluate(e *Extractor, arts []Article) *EvalResult {
	res := &EvalResult{}
	for _, a := range arts {
		if !a.Labelled {
			continue
		}
		reps := e.Extract(a.Text, Options{Published: a.Published, DateOnly: a.DateOnly, Source: "eval", Ref: a.ID})
		ar := scoreArticle(e, a, reps)
		res.Articles = append(res.Articles, ar)
		res.Reports += ar.Reports
		res.Matched += ar.Matched
		res.Labels += ar.Labels
		res.LabelsMatched += ar.LabelsMatched
		res.CasualtyFigures += ar.CasualtyFigures
		res.CasualtyExact += ar.CasualtyHit
	}
	return res
}

// scoreArticle matches an article's reports to its labels.
func scoreArticle(e *Extractor, a Article, reps []truce.Report) ArticleResult {
	ar := ArticleResult{ID: a.ID, Reports: len(reps)}
	exact, named, adj := e.edges(a.Labels, reps)
	repOf := make([]int, len(a.Labels))
	labOf := make([]int, len(reps))
	for i := range repOf {
		repOf[i] = -1
	}
	for i := range labOf {
		labOf[i] = -1
	}
	for _, passing := range []bool{false, true} {
		for _, edges := range [][][]int{exact, named, adj} {
			for li, l := range a.Labels {
				if l.Passing == passing && repOf[li] < 0 {
					augment(li, edges, repOf, labOf, make([]bool, len(reps)))
				}
			}
		}
	}
	for li, l := range a.Labels {
		if l.Passing {
			ar.Passing++
		} else {
			ar.Labels++
		}
		ri := repOf[li]
		switch {
		case ri >= 0:
			ar.Matched++
			if !l.Passing {
				ar.LabelsMatched++
			}
			if casualtyScore(&ar, l, &reps[ri]) {
				ar.WrongFigures = append(ar.WrongFigures, fmt.Sprintf("%s ≠ k=%s i=%s", labelString(l), intStr(reps[ri].Casualties.Killed), intStr(reps[ri].Casualties.Injured)))
			}
		case !l.Passing:
			ar.Misses = append(ar.Misses, labelString(l))
		}
	}
	for ri := range reps {
		if labOf[ri] < 0 {
			ar.FalseAlarms = append(ar.FalseAlarms, reportString(&reps[ri]))
		}
	}
	return ar
}

// edges returns, for each label, the reports it matches (adj), those of
// them whose place names agree too (named), and those whose stated
// figures agree as well (exact).
func (e *Extractor) edges(labels []Label, reps []truce.Report) (exact, named, adj [][]int) {
	adj = make([][]int, len(labels))
	named = make([][]int, len(labels))
	exact = make([][]int, len(labels))
	for li, l := range labels {
		for ri := range reps {
			if !e.labelMatches(l, &reps[ri]) {
				continue
			}
			adj[li] = append(adj[li], ri)
			if sameName(l.Place, reps[ri].Location.Place) {
				named[li] = append(named[li], ri)
				if sameFigures(l, &reps[ri]) {
					exact[li] = append(exact[li], ri)
				}
			}
		}
	}
	return exact, named, adj
}

// augment looks for an augmenting path from label li (Kuhn's algorithm).
func augment(li int, adj [][]int, repOf, labOf []int, seen []bool) bool {
	for _, ri := range adj[li] {
		if seen[ri] {
			continue
		}
		seen[ri] = true
		if labOf[ri] < 0 || augment(labOf[ri], adj, repOf, labOf, seen) {
			repOf[li], labOf[ri] = ri, li
			return true
		}
	}
	return false
}

// casualtyScore counts the figures a label states and those the report
// gives exactly; wrong is true when one of them differs.
func casualtyScore(ar *ArticleResult, l Label, r *truce.Report) (wrong bool) {
	for _, f := range []struct{ want, got *int }{{l.Killed, r.Casualties.Killed}, {l.Injured, r.Casualties.Injured}} {
		if f.want == nil {
			continue
		}
		ar.CasualtyFigures++
		if f.got != nil && *f.got == *f.want {
			ar.CasualtyHit++
		} else {
			wrong = true
		}
	}
	return wrong
}

// labelMatches applies the matching rule to one label and one report.
func (e *Extractor) labelMatches(l Label, r *truce.Report) bool {
	if l.Aggregate != r.Aggregate {
		return false
	}
	if l.Country != nil && *l.Country != r.Location.Country {
		return false
	}
	switch {
	case l.Oblast != nil && !sameRegion(*l.Oblast, r.Location.Admin1):
		return false
	case l.Oblast == nil && l.Country != nil && r.Location.Admin1 != "":
		return false
	}
	return e.dateMatches(l, r) && weaponsMatch(l.Weapons, r.WeaponClassList())
}

// sameName reports whether a label's place and a report's agree: both
// absent, or the first word of one found in the other ("Mariupol
// (Azovstal steelworks)" and "Mariupol").
func sameName(label *string, place string) bool {
	if label == nil || place == "" {
		return label == nil && place == ""
	}
	l, p := normalize(*label), normalize(place)
	lw, _, _ := strings.Cut(l, " ")
	pw, _, _ := strings.Cut(p, " ")
	return strings.Contains(p, lw) || strings.Contains(l, pw)
}

// sameFigures reports whether a report gives every figure a label states.
func sameFigures(l Label, r *truce.Report) bool {
	eq := func(want, got *int) bool { return want == nil || got != nil && *got == *want }
	return eq(l.Killed, r.Casualties.Killed) && eq(l.Injured, r.Casualties.Injured)
}

func sameRegion(label, admin1 string) bool {
	return strings.EqualFold(strings.TrimSpace(label), strings.TrimSpace(admin1))
}

// dateMatches reports whether the label's day lies within a day of the
// report's window (a month-only inferred date: within the month).
func (e *Extractor) dateMatches(l Label, r *truce.Report) bool {
	d := l.Date
	if d == nil {
		d = l.DateInferred
	}
	if d == nil {
		return true
	}
	from := r.Occurred.From.In(e.kyiv)
	to := r.Occurred.To
	if to.IsZero() {
		to = r.Occurred.From
	}
	to = to.In(e.kyiv)
	var lo, hi time.Time
	if day, err := time.ParseInLocation("2006-01-02", *d, e.kyiv); err == nil {
		lo, hi = day, day.AddDate(0, 0, 1)
	} else if mon, err := time.ParseInLocation("2006-01", *d, e.kyiv); err == nil {
		lo, hi = mon, mon.AddDate(0, 1, 0)
	} else {
		return false
	}
	lo, hi = lo.AddDate(0, 0, -1), hi.AddDate(0, 0, 1)
	return from.Before(hi) && !to.Before(lo)
}

// weaponsMatch reports whether two weapon class lists overlap, or one is
// unknown or empty.
func weaponsMatch(label, report []string) bool {
	if len(label) == 0 || len(report) == 0 || contains(label, truce.Unknown) || contains(report, truce.Unknown) {
		return true
	}
	for _, a := range label {
		for _, b := range report {
			if b == "mortar" {
				b = "artillery"
			}
			if truce.ClassesRelated(a, b) {
				return true
			}
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func labelString(l Label) string {
	return fmt.Sprintf("%s %s/%s/%s %v agg=%v k=%s i=%s", strOr(l.Date, strOr(l.DateInferred, "?")+"~"), strOr(l.Country, "-"),
		strOr(l.Oblast, "-"), strOr(l.Place, "-"), l.Weapons, l.Aggregate, intStr(l.Killed), intStr(l.Injured))
}

func reportString(r *truce.Report) string {
	return fmt.Sprintf("%s..%s %s/%s/%s %v agg=%v k=%s i=%s «%s»", r.Occurred.From.Format("2006-01-02"), r.Occurred.To.Format("01-02"),
		r.Location.Country, r.Location.Admin1, r.Location.Place, r.WeaponClassList(), r.Aggregate,
		intStr(r.Casualties.Killed), intStr(r.Casualties.Injured), clip(r.EvidenceText, 90))
}

func strOr(s *string, def string) string {
	if s == nil {
		return def
	}
	return *s
}

func intStr(n *int) string {
	if n == nil {
		return "-"
	}
	return fmt.Sprint(*n)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// WriteTable prints the per-article table, the misses and false alarms,
// and the totals.
func (r *EvalResult) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "%-36s %7s %7s %7s %7s\n", "article", "labels", "passing", "reports", "matched")
	for _, a := range r.Articles {
		fmt.Fprintf(w, "%-36s %7d %7d %7d %7d\n", a.ID, a.Labels, a.Passing, a.Reports, a.Matched)
		for _, m := range a.Misses {
			fmt.Fprintf(w, "    miss:        %s\n", m)
		}
		for _, f := range a.FalseAlarms {
			fmt.Fprintf(w, "    false alarm: %s\n", f)
		}
		for _, f := range a.WrongFigures {
			fmt.Fprintf(w, "    figures:     %s\n", f)
		}
	}
	fmt.Fprintf(w, "\nevents: precision %.3f (%d/%d)  recall %.3f (%d/%d)  F1 %.3f\n",
		r.Precision(), r.Matched, r.Reports, r.Recall(), r.LabelsMatched, r.Labels, r.F1())
	fmt.Fprintf(w, "casualty figures exact: %.3f (%d/%d)\n", r.CasualtyShare(), r.CasualtyExact, r.CasualtyFigures)
}
