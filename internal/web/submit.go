package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/intake"
)

// The report form files one report through the same path as the API: the
// form becomes the report's JSON, intake.Decode reads it and app.Submit
// validates, geocodes and stores it (or keeps it as rejected). Each of the
// answer's errors names a field of the report; the form shows it next to
// the input it came from, and keeps what the user typed.

// formFields maps the report's fields, by dotted path, to the form's
// inputs, most specific first.
var formFields = []struct{ path, input string }{
	{"source.type", "source_type"}, {"source.name", "source_name"}, {"source.party", "source_party"},
	{"source.ref", "source_ref"}, {"kind", "kind"}, {"occurred.from", "from"}, {"occurred.to", "to"},
	{"occurred", "from"}, {"location.lat", "lat"}, {"location.lon", "lon"},
	{"location.uncertainty_m", "uncertainty"}, {"location.place", "place"}, {"location.admin1", "admin1"},
	{"location", "location"}, {"weapons[0].class", "weapon_class"}, {"weapons[0].model", "weapon_model"},
	{"weapons[0].count", "weapon_count"}, {"weapons", "weapon_class"}, {"target.class", "target_class"},
	{"target.name", "target_name"}, {"target", "target_class"}, {"attributed_to", "attributed_to"},
	{"casualties.killed", "killed"}, {"casualties.injured", "injured"}, {"casualties.civilian", "civilian"},
	{"casualties", "killed"}, {"text", "text"},
}

// reportForm is the state of the form.
type reportForm struct {
	V        url.Values          // what the user typed
	Errors   map[string][]string // input → messages
	General  []string            // errors not tied to an input
	Accepted *app.Accepted       // set after a successful submission
	Party    string              // a party's token files for its party only
	CanFile  bool
	Choices  reportChoices
}

// reportChoices are the lists of the form.
type reportChoices struct {
	SourceTypes []truce.SourceType
	Kinds       []truce.Kind
	Weapons     []string
	Targets     []string
	Parties     []string
	Regions     []regionOption
}

func (h *Handler) reportForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	f, err := h.newReportForm(r, rq, url.Values{})
	if err != nil {
		return err
	}
	status := http.StatusOK
	if !f.CanFile && !rq.signed {
		status = http.StatusUnauthorized
	} else if !f.CanFile {
		status = http.StatusForbidden
	}
	return h.render(w, r, rq, status, "report", &view{Title: rq.lang.T("report.title"), Nav: "report", Data: f})
}

func (h *Handler) newReportForm(r *http.Request, rq *request, v url.Values) (*reportForm, error) {
	f := &reportForm{V: v, Errors: map[string][]string{}, CanFile: rq.p.CanFile()}
	if rq.p.Role == truce.RoleParty {
		f.Party = rq.p.Party
	}
	if v.Get("source_type") == "" {
		st := truce.SourceMonitor
		if f.Party != "" {
			st = truce.SourceParty
		}
		v.Set("source_type", string(st))
	}
	if f.Party != "" {
		v.Set("source_party", f.Party)
	}
	ags, err := h.cfg.App.Agreements(r.Context())
	if err != nil {
		return nil, err
	}
	ff := newFilterForm(nil, ags, rq.lang)
	f.Choices = reportChoices{SourceTypes: truce.SourceTypes, Kinds: truce.Kinds, Weapons: truce.WeaponClasses,
		Targets: truce.TargetClasses, Parties: ff.Parties, Regions: ff.Regions}
	return f, nil
}

func (h *Handler) reportSubmit(w http.ResponseWriter, r *http.Request, rq *request) error {
	v := url.Values{}
	for k, vs := range r.PostForm {
		if k != "csrf" {
			v[k] = vs
		}
	}
	f, err := h.newReportForm(r, rq, v)
	if err != nil {
		return err
	}
	if !f.CanFile {
		return h.render(w, r, rq, http.StatusForbidden, "report", &view{Title: rq.lang.T("report.title"), Nav: "report", Data: f})
	}
	body, err := json.Marshal(reportJSON(v))
	if err != nil {
		return err
	}
	var items []intake.Item
	if err := intake.Decode(bytes.NewReader(body), intake.NDJSON, func(it intake.Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		return err
	}
	res, err := h.cfg.App.Submit(r.Context(), "web form", items)
	if err != nil {
		return err
	}
	status := http.StatusOK
	switch {
	case len(res.Accepted) == 1:
		f.Accepted = &res.Accepted[0]
		f.V = url.Values{}
		if _, err := h.newReportForm(r, rq, f.V); err != nil {
			return err
		}
	case len(res.Rejected) == 1:
		status = http.StatusUnprocessableEntity
		for _, e := range res.Rejected[0].Errors {
			f.place(e)
		}
	}
	return h.render(w, r, rq, status, "report", &view{Title: rq.lang.T("report.title"), Nav: "report", Data: f})
}

// place files one "field: message" error under the input of its field.
func (f *reportForm) place(e string) {
	field, msg, ok := strings.Cut(e, ": ")
	if ok {
		for _, ff := range formFields {
			if field == ff.path || strings.HasPrefix(field, ff.path+".") || strings.HasPrefix(field, ff.path+"[") {
				f.Errors[ff.input] = append(f.Errors[ff.input], msg)
				return
			}
		}
	}
	f.General = append(f.General, e)
}

// reportJSON builds the report's JSON object from the form. Numbers that
// do not parse are sent as the text typed, so that the decoder names the
// field; times are read in Kyiv time, the form's zone.
func reportJSON(v url.Values) map[string]any {
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	m := map[string]any{}
	set := func(obj map[string]any, key string, val any) {
		if s, ok := val.(string); ok && s == "" {
			return
		}
		if val != nil {
			obj[key] = val
		}
	}
	src, occ, loc, tgt, cas := map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}
	set(src, "type", get("source_type"))
	set(src, "name", get("source_name"))
	set(src, "party", get("source_party"))
	set(src, "ref", get("source_ref"))
	set(m, "kind", get("kind"))
	set(occ, "from", formTime(get("from")))
	set(occ, "to", formTime(get("to")))
	set(loc, "lat", formNumber(get("lat")))
	set(loc, "lon", formNumber(get("lon")))
	set(loc, "uncertainty_m", formNumber(get("uncertainty")))
	set(loc, "place", get("place"))
	set(loc, "admin1", get("admin1"))
	set(tgt, "class", get("target_class"))
	set(tgt, "name", get("target_name"))
	set(cas, "killed", formNumber(get("killed")))
	set(cas, "injured", formNumber(get("injured")))
	if v.Get("civilian") != "" {
		cas["civilian"] = true
	}
	set(m, "attributed_to", get("attributed_to"))
	set(m, "text", get("text"))
	for k, obj := range map[string]map[string]any{"source": src, "occurred": occ, "location": loc, "target": tgt, "casualties": cas} {
		if len(obj) > 0 {
			m[k] = obj
		}
	}
	if c := get("weapon_class"); c != "" || get("weapon_model") != "" {
		wpn := map[string]any{}
		set(wpn, "class", c)
		set(wpn, "model", get("weapon_model"))
		set(wpn, "count", formNumber(get("weapon_count")))
		m["weapons"] = []any{wpn}
	}
	return m
}

// formNumber returns a typed number as a JSON number, else the text as
// typed, else nil for an empty input.
func formNumber(s string) any {
	if s == "" {
		return nil
	}
	s = strings.ReplaceAll(s, ",", ".")
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return json.Number(s)
	}
	return s
}

// formTime reads a datetime-local input (Kyiv time) as RFC 3339; other
// text is sent as typed, for the validator to name.
func formTime(s string) string {
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, kyiv); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	return s
}
