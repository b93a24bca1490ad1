package web

import (
	"encoding/json"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/gazetteer"
)

// maxMapPoints is the most incidents a map draws one by one; beyond it the
// server counts them in grid cells and the map draws the cells. (A
// variable for the tests.)
var maxMapPoints = 2000

// mapCollection is the GeoJSON the maps draw: a FeatureCollection with a
// foreign member saying whether its features are incidents or cells.
type mapCollection struct {
	Type     string       `json:"type"`
	Features []mapFeature `json:"features"`
	Truce    mapMeta      `json:"truce"`
}

type mapMeta struct {
	Mode  string `json:"mode"`  // "points" or "grid"
	Count int    `json:"count"` // incidents drawn or counted
}

type mapFeature struct {
	Type       string         `json:"type"`
	Geometry   mapPoint       `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

type mapPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

func pointFeature(lat, lon float64, props map[string]any) mapFeature {
	return mapFeature{Type: "Feature", Geometry: mapPoint{Type: "Point", Coordinates: [2]float64{round6(lon), round6(lat)}}, Properties: props}
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// mapIncidents answers the incidents of a map: the API's incident filters
// (bbox: the map's view), agreement (whose verdicts colour them), since and
// until (window start, RFC 3339) and zoom (for the size of grid cells).
func (h *Handler) mapIncidents(w http.ResponseWriter, r *http.Request, rq *request) error {
	q, zoom, err := mapQuery(r.URL.Query())
	if err != nil {
		return err
	}
	ctx := r.Context()
	pts, err := h.cfg.App.IncidentPoints(ctx, q, maxMapPoints+1)
	if err != nil {
		return err
	}
	out := mapCollection{Type: "FeatureCollection", Features: []mapFeature{}}
	if len(pts) <= maxMapPoints {
		out.Truce = mapMeta{Mode: "points", Count: len(pts)}
		for _, p := range pts {
			props := map[string]any{"id": p.ID, "kind": p.Kind, "start": p.Start, "admin1": p.Admin1}
			if p.Verdict != "" {
				props["verdict"] = p.Verdict
			}
			if p.Party != "" {
				props["party"] = p.Party
			}
			out.Features = append(out.Features, pointFeature(p.Lat, p.Lon, props))
		}
		return writeGeoJSON(w, out)
	}
	cells, err := h.cfg.App.IncidentGrid(ctx, q, cellSize(zoom))
	if err != nil {
		return err
	}
	out.Truce.Mode = "grid"
	for _, c := range cells {
		out.Truce.Count += c.Count
		out.Features = append(out.Features, pointFeature(c.Lat, c.Lon, map[string]any{
			"count": c.Count, "violations": c.Violations, "indeterminate": c.Indeterminate}))
	}
	return writeGeoJSON(w, out)
}

// mapQuery reads the query of a map's data.
func mapQuery(v url.Values) (truce.StatsQuery, int, error) {
	f, err := app.ParseIncidentQuery(v)
	if err != nil {
		return truce.StatsQuery{}, 0, err
	}
	q := truce.StatsQuery{Filter: f, Agreement: v.Get("agreement"), Zone: kyiv}
	if q.Since, err = app.QueryTime(v.Get("since"), "since", false); err != nil {
		return q, 0, err
	}
	if q.Until, err = app.QueryTime(v.Get("until"), "until", false); err != nil {
		return q, 0, err
	}
	zoom := 6
	if z := v.Get("zoom"); z != "" {
		if zoom, err = strconv.Atoi(z); err != nil || zoom < 0 || zoom > 20 {
			return q, 0, truce.Errorf(truce.EINVALID, "zoom: %q is not a zoom level from 0 to 20", z)
		}
	}
	return q, zoom, nil
}

// cellSize is the grid cell of a zoom level, in degrees: about 48 pixels
// of a 256-pixel tile.
func cellSize(zoom int) float64 { return 360 / math.Pow(2, float64(zoom)) * 48 / 256 }

func writeGeoJSON(w http.ResponseWriter, v any) error {
	w.Header().Set("Content-Type", "application/geo+json")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(v)
}

// mapBase serves the map's base layers: the oblast boundaries, the
// occupied area and the names of the neighbouring Russian regions.
func (h *Handler) mapBase(w http.ResponseWriter, r *http.Request, rq *request) error {
	var b []byte
	switch r.PathValue("name") {
	case "oblasts.geojson":
		b = gazetteer.OblastsGeoJSON()
	case "occupied.geojson":
		b = gazetteer.OccupiedGeoJSON()
	case "regions.geojson":
		b = russianRegions()
	default:
		return truce.NotFound("map layer", r.PathValue("name"))
	}
	w.Header().Set("Content-Type", "application/geo+json")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, err := w.Write(b)
	return err
}

// borderRegions are the Russian regions on Ukraine's border, which the
// maps name.
var borderRegions = map[string]bool{"RU-BRY": true, "RU-KRS": true, "RU-BEL": true, "RU-VOR": true, "RU-ROS": true, "RU-KDA": true}

var (
	regionsOnce sync.Once
	regionsJSON []byte
)

// russianRegions returns the centres of the Russian regions on Ukraine's border,
// with their names, as GeoJSON points: the map labels them (the shipped
// data has no boundaries for them).
func russianRegions() []byte {
	regionsOnce.Do(func() {
		out := mapCollection{Type: "FeatureCollection", Features: []mapFeature{}}
		for _, a := range gazetteer.Default().Regions() {
			if !borderRegions[a.ISO] {
				continue
			}
			out.Features = append(out.Features, pointFeature(a.Lat, a.Lon, map[string]any{
				"name": a.Name, "name_uk": a.NameUK, "name_ru": a.NameRU}))
		}
		out.Truce.Mode = "labels"
		regionsJSON, _ = json.Marshal(out)
	})
	return regionsJSON
}

// mapLabels are the words the map script writes into popups, in the
// page's language, as JSON; built once per language.
func mapLabels(l *lang) string {
	l.labelsOnce.Do(func() {
		m := map[string]string{}
		for key, s := range l.msgs {
			for _, prefix := range []string{"kind.", "verdict.", "party.", "map.", "month.short."} {
				if strings.HasPrefix(key, prefix) {
					m[key] = s
				}
			}
		}
		m["time.kyiv"] = l.T("time.kyiv")
		b, _ := json.Marshal(m)
		l.labels = string(b)
	})
	return l.labels
}
