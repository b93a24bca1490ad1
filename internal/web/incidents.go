package web

import (
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/gazetteer"
)

// listData is the list of incidents with its filter form.
type listData struct {
	Form      filterForm
	Error     string // why the filters were refused
	Rows      []incidentRow
	Next      string // URL of the next page, "" on the last
	First     string // URL of the first page, "" on it
	CSV, JSON string // downloads of the filtered list
	Choice    *agreementChoice
}

// filterForm is the filter form: the query as given, and the choices of
// its lists.
type filterForm struct {
	Q         url.Values
	Verdicts  []truce.VerdictValue
	Kinds     []truce.Kind
	Weapons   []string
	Targets   []string
	Parties   []string
	Regions   []regionOption
	Limits    []string
	Filtering bool // some filter is set
}

// regionOption is a region of the filter's list.
type regionOption struct {
	Name, Country string
}

func (h *Handler) incidentList(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	q := r.URL.Query()
	choice, err := h.chooseAgreement(ctx, "")
	if err != nil {
		return err
	}
	d := &listData{Form: newFilterForm(q, choice.All, rq.lang), Choice: choice}
	status := http.StatusOK
	f, err := app.ParseIncidentQuery(q)
	if err == nil {
		err = h.checkAgreement(choice, f.Agreement)
	}
	switch {
	case truce.ErrorCode(err) == truce.EINVALID:
		d.Error, status = truce.ErrorMessage(err), http.StatusBadRequest
	case err != nil:
		return err
	default:
		if f.Limit == 0 {
			f.Limit = 50
		}
		ins, next, err := h.cfg.App.Incidents(ctx, f)
		if err != nil && truce.ErrorCode(err) == truce.EINVALID {
			d.Error, status = truce.ErrorMessage(err), http.StatusBadRequest
		} else if err != nil {
			return err
		}
		d.Rows = incidentRows(ins, f.Agreement)
		if next != "" {
			d.Next = withQuery("/incidents", q, "cursor", next)
		}
		if q.Get("cursor") != "" {
			d.First = withQuery("/incidents", q, "cursor", "")
		}
	}
	d.CSV = withQuery("/incidents.csv", q, "cursor", "", "limit", "")
	d.JSON = withQuery("/incidents.geojson", q, "cursor", "", "limit", "")
	return h.render(w, r, rq, status, "incidents", &view{Title: rq.lang.T("incidents.title"), Nav: "incidents", Data: d})
}

// checkAgreement refuses a filter by an agreement that is not loaded, as
// a mistake of the filter rather than an empty list.
func (h *Handler) checkAgreement(c *agreementChoice, id string) error {
	if id == "" {
		return nil
	}
	for _, a := range c.All {
		if a.ID == id {
			return nil
		}
	}
	return truce.Errorf(truce.EINVALID, "agreement: %q is not a loaded agreement", id)
}

func newFilterForm(q url.Values, ags []*truce.AgreementRecord, l *lang) filterForm {
	f := filterForm{Q: q, Verdicts: []truce.VerdictValue{truce.Violation, truce.Indeterminate, truce.NoViolation},
		Kinds: truce.Kinds, Weapons: truce.WeaponClasses, Targets: truce.TargetClasses,
		Limits: []string{"25", "50", "100", "200"}}
	parties := map[string]bool{}
	for _, a := range ags {
		for _, p := range a.Parties {
			parties[p] = true
		}
	}
	for p := range parties {
		f.Parties = append(f.Parties, p)
	}
	sort.Strings(f.Parties)
	f.Regions = regionOptions(l)
	for _, k := range app.IncidentQueryKeys {
		if k != "limit" && k != "cursor" && strings.TrimSpace(q.Get(k)) != "" {
			f.Filtering = true
		}
	}
	return f
}

// regionOptions returns the regions of the filter and report forms, in the
// order of their names in the language, Ukraine's first; built once per
// language.
func regionOptions(l *lang) []regionOption {
	l.regionsOnce.Do(func() {
		for _, reg := range gazetteer.Default().Regions() {
			l.regions = append(l.regions, regionOption{Name: reg.Name, Country: reg.Country})
		}
		sort.SliceStable(l.regions, func(i, j int) bool {
			a, b := l.regions[i], l.regions[j]
			if a.Country != b.Country {
				return a.Country == "UA"
			}
			return regionLabel(l, a.Name) < regionLabel(l, b.Name)
		})
	})
	return l.regions
}
