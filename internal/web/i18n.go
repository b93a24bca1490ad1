package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The interface speaks English, Ukrainian and Russian. Every word of it is
// in a message catalogue per language (i18n/<lang>.json, one flat object
// of key → text); a key that counts something has one entry per plural
// form ("key.one", "key.other" in English; "key.one", "key.few",
// "key.many" in Ukrainian and Russian).

// Languages lists the interface languages, the default first.
var Languages = []string{"en", "uk", "ru"}

//go:embed i18n/*.json
var catalogueFiles embed.FS

// lang is one language of the interface, with what the pages derive from
// its catalogue, built once on first use.
type lang struct {
	Code string
	msgs map[string]string

	regionsOnce sync.Once
	regions     []regionOption // see regionOptions
	labelsOnce  sync.Once
	labels      string // see mapLabels
}

// catalogues are the loaded languages, by code.
type catalogues map[string]*lang

func loadCatalogues() (catalogues, error) {
	out := catalogues{}
	for _, code := range Languages {
		b, err := catalogueFiles.ReadFile("i18n/" + code + ".json")
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("web: catalogue %s: %w", code, err)
		}
		out[code] = &lang{Code: code, msgs: m}
	}
	return out, nil
}

// T returns the text of key, or the key itself (a visible bug, caught by
// the catalogue tests) when the catalogue lacks it.
func (l *lang) T(key string) string {
	if s, ok := l.msgs[key]; ok {
		return s
	}
	return key
}

// Has reports whether the catalogue has key.
func (l *lang) Has(key string) bool {
	_, ok := l.msgs[key]
	return ok
}

// Tf returns the text of key with its %s/%d verbs filled in.
func (l *lang) Tf(key string, args ...any) string { return fmt.Sprintf(l.T(key), args...) }

// Tn returns the text of key in the plural form n takes, with n in it.
func (l *lang) Tn(key string, n int) string {
	return strings.ReplaceAll(l.T(key+"."+pluralForm(l.Code, n)), "{n}", formatInt(l.Code, n))
}

// Or returns the text of key when the catalogue has it, else fallback
// (for codes that may be unknown, e.g. a party code no catalogue names).
func (l *lang) Or(key, fallback string) string {
	if s, ok := l.msgs[key]; ok {
		return s
	}
	return fallback
}

// pluralForm returns the catalogue form of n: CLDR's one/other for
// English, one/few/many for Ukrainian and Russian.
func pluralForm(code string, n int) string {
	if n < 0 {
		n = -n
	}
	if code == "en" {
		if n == 1 {
			return "one"
		}
		return "other"
	}
	d, dd := n%10, n%100
	switch {
	case d == 1 && dd != 11:
		return "one"
	case d >= 2 && d <= 4 && (dd < 12 || dd > 14):
		return "few"
	}
	return "many"
}

// pluralForms are the forms each language's catalogue gives.
var pluralForms = map[string][]string{"en": {"one", "other"}, "uk": {"one", "few", "many"}, "ru": {"one", "few", "many"}}

// formatInt writes n with the language's thousands separator.
func formatInt(code string, n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := ","
	if code != "en" {
		sep = "\u00a0" // a no-break space, as Ukrainian and Russian group digits
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// langCookie remembers the language a visitor chose.
const langCookie = "truce_lang"

// negotiate picks the language of a request: ?lang=, else the cookie,
// else the first of Accept-Language's languages the interface speaks,
// else English. A ?lang= choice is remembered in the cookie.
func negotiate(w http.ResponseWriter, r *http.Request) string {
	if q := r.URL.Query().Get("lang"); known(q) {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: q, Path: "/", MaxAge: 365 * 24 * 3600,
			SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
		return q
	}
	if c, err := r.Cookie(langCookie); err == nil && known(c.Value) {
		return c.Value
	}
	return fromAcceptLanguage(r.Header.Get("Accept-Language"))
}

func known(code string) bool {
	for _, l := range Languages {
		if code == l {
			return true
		}
	}
	return false
}

// fromAcceptLanguage returns the interface language the header prefers
// most ("uk-UA,uk;q=0.9,en;q=0.8" → uk), or English.
func fromAcceptLanguage(h string) string {
	type choice struct {
		code string
		q    float64
		pos  int
	}
	var cs []choice
	for i, part := range strings.Split(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if known(base) && q > 0 {
			cs = append(cs, choice{base, q, i})
		}
	}
	if len(cs) == 0 {
		return Languages[0]
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].q > cs[j].q })
	return cs[0].code
}
