package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
)

// The downloads of /incidents stream the filtered list: they page through
// the store a thousand incidents at a time and flush each page, so that a
// large download neither waits nor holds everything in memory.

// exportPage is how many incidents a download reads at a time.
const exportPage = 1000

// eachIncident calls fn for every incident the query of r selects that
// the caller may see, newest first, page by page, flushing after each.
func (h *Handler) eachIncident(ctx context.Context, w http.ResponseWriter, f truce.IncidentFilter, fn func(*app.IncidentView) error) error {
	f.Limit, f.Cursor = exportPage, ""
	flusher, _ := w.(http.Flusher)
	for {
		ins, next, err := h.cfg.App.Incidents(ctx, f)
		if err != nil {
			return err
		}
		for _, in := range ins {
			if err := fn(in); err != nil {
				return err
			}
		}
		if flusher != nil {
			flusher.Flush()
		}
		if next == "" {
			return nil
		}
		f.Cursor = next
	}
}

// exportFilter reads the filters of a download; a bad one is answered
// before anything is written.
func (h *Handler) exportFilter(r *http.Request) (truce.IncidentFilter, error) {
	f, err := app.ParseIncidentQuery(r.URL.Query())
	if err != nil {
		return f, err
	}
	choice, err := h.chooseAgreement(r.Context(), "")
	if err != nil {
		return f, err
	}
	return f, h.checkAgreement(choice, f.Agreement)
}

// csvHeader are the columns of the CSV download.
var csvHeader = []string{"id", "start", "end", "kind", "place", "admin1", "country", "lat", "lon", "uncertainty_m",
	"weapons", "targets", "actor", "killed_low", "killed_best", "killed_high", "injured_low", "injured_best",
	"injured_high", "status", "reports", "chains", "credibility", "verdicts", "url"}

func (h *Handler) exportCSV(w http.ResponseWriter, r *http.Request, rq *request) error {
	f, err := h.exportFilter(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="incidents.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return nil
	}
	err = h.eachIncident(r.Context(), w, f, func(in *app.IncidentView) error {
		cw.Write(csvRow(in))
		cw.Flush()
		return cw.Error()
	})
	if err != nil {
		h.cfg.Logger.Warn("CSV download cut short", "err", err)
	}
	return nil // the status is sent: an error can only cut the download short
}

func csvRow(in *app.IncidentView) []string {
	l := in.Location
	return []string{in.ID, in.Window.From.UTC().Format(time.RFC3339), in.Window.To.UTC().Format(time.RFC3339),
		string(in.Kind), l.Place, l.Admin1, l.Country, ftoa(l.Lat), ftoa(l.Lon), ftoa(l.UncertaintyM),
		strings.Join(in.WeaponClasses(), ";"), strings.Join(in.TargetClasses(), ";"), in.Actor,
		itoaPtr(in.Killed.Low), itoaPtr(in.Killed.Best), itoaPtr(in.Killed.High),
		itoaPtr(in.Injured.Low), itoaPtr(in.Injured.Best), itoaPtr(in.Injured.High),
		string(in.Status), strconv.Itoa(len(in.Reports)), strconv.Itoa(in.Chains), strconv.Itoa(in.Credibility),
		verdictList(in.Verdicts), "/incidents/" + in.ID}
}

// verdictList writes verdicts as "agreement=verdict[:party]" joined by ";".
func verdictList(vs []truce.Verdict) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = v.Agreement + "=" + string(v.Verdict)
		if v.Party != "" {
			parts[i] += ":" + v.Party
		}
	}
	return strings.Join(parts, ";")
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func itoaPtr(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// exportGeoJSON streams the filtered list as a GeoJSON FeatureCollection,
// one Feature per incident with its record as properties.
func (h *Handler) exportGeoJSON(w http.ResponseWriter, r *http.Request, rq *request) error {
	f, err := h.exportFilter(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/geo+json")
	w.Header().Set("Content-Disposition", `attachment; filename="incidents.geojson"`)
	w.Header().Set("Cache-Control", "no-store")
	if _, err := w.Write([]byte(`{"type":"FeatureCollection","features":[`)); err != nil {
		return nil
	}
	sep := "\n"
	err = h.eachIncident(r.Context(), w, f, func(in *app.IncidentView) error {
		b, err := json.Marshal(geoFeature(in))
		if err != nil {
			return err
		}
		if _, err := w.Write(append([]byte(sep), b...)); err != nil {
			return err
		}
		sep = ",\n"
		return nil
	})
	if err != nil {
		h.cfg.Logger.Warn("GeoJSON download cut short", "err", err)
		return nil // an unterminated collection tells the reader it is cut
	}
	_, _ = w.Write([]byte("\n]}\n"))
	return nil
}

// geoFeature is an incident as a GeoJSON Feature: its point, and the
// record as the API gives it for properties.
func geoFeature(in *app.IncidentView) any {
	return struct {
		Type       string            `json:"type"`
		ID         string            `json:"id"`
		Geometry   mapPoint          `json:"geometry"`
		Properties *app.IncidentView `json:"properties"`
	}{"Feature", in.ID, mapPoint{Type: "Point", Coordinates: [2]float64{in.Location.Lon, in.Location.Lat}}, in}
}
