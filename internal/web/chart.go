package web

import (
	"fmt"
	"sort"
	"time"

	"github.com/truce-monitor/truce"
)

// chart is the timeline of violations per day and party, drawn on the
// server as an SVG of stacked bars (no script needed, and it prints).
type chart struct {
	Width, Height int
	Bars          []bar
	Ticks         []tick  // the vertical axis
	Labels        []label // days along the bottom
	Legend        []legend
	Days          []chartDay // the same figures as a table
	Parties       []string
	Total         int
}

type bar struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

type tick struct {
	Y     float64
	Label string
}

type label struct {
	X    float64
	Text string
}

type legend struct {
	Party, Class string
}

// chartDay is one day of the chart's table.
type chartDay struct {
	Day    string
	Counts []int
}

// Chart geometry, in SVG units.
const (
	chartW, chartH           = 960, 220
	padLeft, padBottom, padT = 40, 28, 10
	maxChartDays             = 400
)

// timeline builds the chart of days (sorted by day, then party).
func timeline(l *lang, days []truce.DayStat) *chart {
	c := &chart{Width: chartW, Height: chartH}
	if len(days) == 0 {
		return c
	}
	first, _ := time.Parse(time.DateOnly, days[0].Day)
	last, _ := time.Parse(time.DateOnly, days[len(days)-1].Day)
	if span := int(last.Sub(first).Hours()/24) + 1; span > maxChartDays {
		first = last.AddDate(0, 0, -(maxChartDays - 1))
	}
	n := int(last.Sub(first).Hours()/24) + 1
	parties := map[string]bool{}
	for _, d := range days {
		parties[d.Party] = true
	}
	for p := range parties {
		c.Parties = append(c.Parties, p)
	}
	sort.Slice(c.Parties, func(i, j int) bool { return partyOrder(c.Parties[i]) < partyOrder(c.Parties[j]) })
	col := map[string]int{}
	for i, p := range c.Parties {
		col[p] = i
		c.Legend = append(c.Legend, legend{Party: p, Class: partyClass(p, i)})
	}
	counts := make([][]int, n)
	for i := range counts {
		counts[i] = make([]int, len(c.Parties))
	}
	for _, d := range days {
		t, _ := time.Parse(time.DateOnly, d.Day)
		if i := int(t.Sub(first).Hours() / 24); i >= 0 && i < n {
			counts[i][col[d.Party]] += d.Violations
			c.Total += d.Violations
		}
	}
	c.draw(l, first, counts)
	return c
}

// partyOrder sorts the parties of a chart: codes, then unattributed, then none.
func partyOrder(p string) string {
	switch p {
	case truce.Unattributed:
		return "~1"
	case "":
		return "~2"
	}
	return p
}

// partyClass is the CSS class of a party's bars: a fixed colour for the
// parties of the shipped agreements, a rotating one for others.
func partyClass(p string, i int) string {
	switch p {
	case "RU", "UA":
		return "party-" + p
	case truce.Unattributed, "":
		return "party-none"
	}
	return fmt.Sprintf("party-%d", i%4)
}

// draw lays out the bars, axis and labels.
func (c *chart) draw(l *lang, first time.Time, counts [][]int) {
	most := 1
	for _, cs := range counts {
		most = max(most, sumInts(cs))
	}
	top := niceCeil(most)
	plotW, plotH := float64(chartW-padLeft-4), float64(chartH-padT-padBottom)
	bw := min(plotW/float64(len(counts)), 36)
	marks := []int{0, top}
	if top%2 == 0 {
		marks = []int{0, top / 2, top}
	}
	for _, v := range marks {
		c.Ticks = append(c.Ticks, tick{Y: padT + plotH - plotH*float64(v)/float64(top), Label: formatInt(l.Code, v)})
	}
	every := max(len(counts)/8, 1)
	for i, cs := range counts {
		day := first.AddDate(0, 0, i)
		x := padLeft + float64(i)*bw
		y := padT + plotH
		row := chartDay{Day: day.Format(time.DateOnly), Counts: cs}
		for j, v := range cs {
			if v == 0 {
				continue
			}
			h := plotH * float64(v) / float64(top)
			y -= h
			c.Bars = append(c.Bars, bar{X: x + bw*0.1, Y: y, W: bw * 0.8, H: h, Class: c.Legend[j].Class,
				Title: fmt.Sprintf("%s · %s: %s", shortDay(l, day), partyLabel(l, c.Parties[j]), formatInt(l.Code, v))})
		}
		if sumInts(cs) > 0 {
			c.Days = append(c.Days, row)
		}
		if i%every == 0 {
			c.Labels = append(c.Labels, label{X: x + bw/2, Text: shortDay(l, day)})
		}
	}
}

func shortDay(l *lang, d time.Time) string {
	return fmt.Sprintf("%d %s", d.Day(), l.T("month.short."+itoa(int(d.Month()))))
}

// niceCeil rounds n up to 2, 5 or 10 times a power of ten, for the axis.
func niceCeil(n int) int {
	p := 1
	for {
		for _, m := range []int{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
		p *= 10
	}
}

func sumInts(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func itoa(n int) string { return fmt.Sprint(n) }
