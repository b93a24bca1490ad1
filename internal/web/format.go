package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/gazetteer"
)

// funcs are the template functions of one language.
func funcs(l *lang, st *staticFiles) template.FuncMap {
	return template.FuncMap{
		"t":       l.T,
		"tf":      l.Tf,
		"tn":      l.Tn,
		"tor":     l.Or,
		"num":     func(n int) string { return formatInt(l.Code, n) },
		"when":    func(t time.Time) template.HTML { return timeHTML(l, t, true) },
		"date":    func(t time.Time) template.HTML { return timeHTML(l, t, false) },
		"longday": func(day string) string { return longDay(l, day) },
		"window":  func(w truce.Window) template.HTML { return windowHTML(l, w) },
		"kind":    func(k any) string { return l.Or("kind."+fmt.Sprint(k), fmt.Sprint(k)) },
		"verdict": func(v any) string { return verdictLabel(l, truce.VerdictValue(fmt.Sprint(v))) },
		"status":  func(s any) string { return l.Or("status."+fmt.Sprint(s), fmt.Sprint(s)) },
		"source":  func(s any) string { return l.Or("source."+fmt.Sprint(s), fmt.Sprint(s)) },
		"weapon":  func(c string) string { return l.Or("weapon."+c, c) },
		"target":  func(c string) string { return l.Or("target."+c, c) },
		"party":   func(code string) string { return partyLabel(l, code) },
		"region":  func(name string) string { return regionLabel(l, name) },
		"akind":   func(k string) string { return l.Or("akind."+k, k) },
		"texts":   func(t truce.Texts) string { return t.Get(l.Code) },
		"title":   func(m map[string]string) string { return titleOf(l.Code, m) },
		"fig":     func(n *int) string { return figure(l.Code, n) },
		"static":  st.url,
		"json":    jsonString,
		"add":     func(a, b int) int { return a + b },
		"round":   func(x float64) int { return int(math.Round(x)) },
		"country": func(c string) string { return l.Or("country."+c, c) },
		"vcount":  func(m map[truce.VerdictValue]int, v string) int { return m[truce.VerdictValue(v)] },
		"datelike": func(s string) bool {
			_, err := time.Parse(time.DateOnly, s)
			return s == "" || err == nil
		},
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[fmt.Sprint(kv[i])] = kv[i+1]
			}
			return m
		},
		"maplabels": func() string { return mapLabels(l) },
		"int":       func(n int64) int { return int(n) },
		"deref":     func(n *int64) int64 { return *n },
		"hasprefix": strings.HasPrefix,
		"label": func(fn, v string) string {
			switch fn {
			case "source":
				return l.Or("source."+v, v)
			case "party":
				return partyLabel(l, v)
			case "kind":
				return l.Or("kind."+v, v)
			case "weapon":
				return l.Or("weapon."+v, v)
			case "target":
				return l.Or("target."+v, v)
			}
			return v
		},
		"sub":   func(a, b int) int { return a - b },
		"delta": func(n int) string { return delta(l.Code, n) },
		"query": withQuery,
		"lower": strings.ToLower,
		"join":  strings.Join,
		"itoa":  strconv.Itoa,
		"rulecite": func(cite string) string {
			_, n, ok := strings.Cut(cite, " rule ")
			if !ok {
				return cite
			}
			return l.Tf("rule.number", n)
		},
	}
}

// timeHTML renders an instant in Kyiv time, in a <time> element that the
// page's script extends with the viewer's own time when that differs.
func timeHTML(l *lang, t time.Time, clock bool) template.HTML {
	if t.IsZero() {
		return "—"
	}
	k := t.In(kyiv)
	s := fmt.Sprintf("%d %s %d", k.Day(), l.T("month.short."+strconv.Itoa(int(k.Month()))), k.Year())
	if clock {
		s += ", " + k.Format("15:04") + " " + l.T("time.kyiv")
		return template.HTML(`<time datetime="` + t.UTC().Format(time.RFC3339) + `" data-local="time">` +
			template.HTMLEscapeString(s) + `</time>`)
	}
	return template.HTML(`<time datetime="` + k.Format(time.DateOnly) + `">` + template.HTMLEscapeString(s) + `</time>`)
}

// windowHTML renders a time window: one instant, or from–to.
func windowHTML(l *lang, w truce.Window) template.HTML {
	if w.To.IsZero() || w.To.Equal(w.From) {
		return timeHTML(l, w.From, true)
	}
	return timeHTML(l, w.From, true) + " – " + timeHTML(l, w.To, true)
}

// longDay renders a YYYY-MM-DD day as "10 September 2025" in the language.
func longDay(l *lang, day string) string {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return l.Tf("date.long", d.Day(), l.T("month.long."+strconv.Itoa(int(d.Month()))), d.Year())
}

func verdictLabel(l *lang, v truce.VerdictValue) string {
	if v == "" {
		return l.T("verdict.none")
	}
	return l.Or("verdict."+string(v), string(v))
}

func partyLabel(l *lang, code string) string {
	switch code {
	case "":
		return l.T("party.none")
	case truce.Unknown:
		return l.T("party.unknown")
	}
	return l.Or("party."+code, code)
}

// regionLabel names a canonical admin1 region in the language, from the
// gazetteer's official names.
func regionLabel(l *lang, name string) string {
	if name == "" {
		return l.T("region.none")
	}
	r, ok := gazetteer.Default().Region(name)
	if !ok {
		return name
	}
	switch {
	case l.Code == "uk" && r.NameUK != "":
		return r.NameUK
	case l.Code == "ru" && r.NameRU != "":
		return r.NameRU
	}
	return r.Name
}

// titleOf picks an agreement title in the language, falling back as
// truce.Texts does.
func titleOf(code string, m map[string]string) string {
	return truce.Texts{En: m["en"], Uk: m["uk"], Ru: m["ru"]}.Get(code)
}

func figure(code string, n *int) string {
	if n == nil {
		return "—"
	}
	return formatInt(code, *n)
}

// delta writes a change in a count: +2, −1, or 0.
func delta(code string, n int) string {
	if n > 0 {
		return "+" + formatInt(code, n)
	}
	return formatInt(code, n)
}

func jsonString(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// withQuery returns path?q with key set to value ("" removes it), for
// links that change one parameter of the current page.
func withQuery(path string, q url.Values, kv ...string) string {
	c := url.Values{}
	for k, v := range q {
		c[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			c.Del(kv[i])
		} else {
			c.Set(kv[i], kv[i+1])
		}
	}
	c.Del("lang")
	if len(c) == 0 {
		return path
	}
	return path + "?" + c.Encode()
}
