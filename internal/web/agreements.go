package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"time"

	"github.com/truce-monitor/truce"
)

// agreementRow is an agreement in the list, with its verdict counts.
type agreementRow struct {
	*truce.AgreementRecord
	Versions int
	Stats    *truce.IncidentStats
}

func (h *Handler) agreementList(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	all, err := h.cfg.App.Agreements(ctx)
	if err != nil {
		return err
	}
	rows := make([]agreementRow, 0, len(all))
	for _, a := range all {
		vs, err := h.cfg.App.AgreementVersions(ctx, a.ID)
		if err != nil {
			return err
		}
		st, err := h.cfg.App.IncidentStats(ctx, truce.StatsQuery{Agreement: a.ID, VerdictsOnly: true})
		if err != nil {
			return err
		}
		rows = append(rows, agreementRow{AgreementRecord: a, Versions: len(vs), Stats: st})
	}
	sort.SliceStable(rows, func(i, j int) bool { return startOf(rows[i].AgreementRecord).After(startOf(rows[j].AgreementRecord)) })
	return h.render(w, r, rq, http.StatusOK, "agreements", &view{Title: rq.lang.T("agreements.title"), Nav: "agreements", Data: rows})
}

// startOf is when an agreement comes into force, for the list's order.
func startOf(a *truce.AgreementRecord) time.Time {
	if a.Terms != nil {
		return a.Terms.InForce.From
	}
	return a.LoadedAt
}

// agreementData is one agreement's page.
type agreementData struct {
	*truce.AgreementRecord
	Versions []*truce.AgreementRecord
	Stats    *truce.IncidentStats
	Rules    *ruleTable
	Parties  []partyRow
	ZonesMap string // the zones as one GeoJSON FeatureCollection, "" without zones
	Zones    []string
	Listing  string // the list of its violations
}

func (h *Handler) agreement(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	choice, err := h.chooseAgreement(ctx, r.PathValue("id"))
	if err != nil {
		return err
	}
	a := choice.Current
	st, err := h.cfg.App.IncidentStats(ctx, truce.StatsQuery{Agreement: a.ID, Zone: kyiv})
	if err != nil {
		return err
	}
	d := &agreementData{AgreementRecord: a, Versions: choice.Versions, Stats: st,
		Rules: ruleRows(st, choice, rq.lang.Code), Parties: partyRows(st),
		Listing: "/incidents?agreement=" + a.ID + "&verdict=violation"}
	if a.Terms != nil {
		for name := range a.Terms.Zones {
			d.Zones = append(d.Zones, name)
		}
		sort.Strings(d.Zones)
		d.ZonesMap = zonesCollection(a.Terms.Zones, d.Zones, distanceRings(a.Terms))
	}
	return h.render(w, r, rq, http.StatusOK, "agreement", &view{Title: titleOf(rq.lang.Code, a.Title), Nav: "agreements", Data: d})
}

// distanceRings are the distances the rules measure from each zone
// (within_km, beyond_km), which the map draws around it.
func distanceRings(a *truce.Agreement) map[string][]float64 {
	out := map[string][]float64{}
	add := func(w truce.Where) {
		for _, km := range []float64{w.WithinKm, w.BeyondKm} {
			if km > 0 && w.Of != "" && !slices.Contains(out[w.Of], km) {
				out[w.Of] = append(out[w.Of], km)
			}
		}
	}
	for _, r := range a.Rules {
		add(r.Prohibits.Where)
	}
	for _, x := range a.Exceptions {
		add(x.Matches.Where)
	}
	return out
}

// zonesCollection merges an agreement's zones into one FeatureCollection,
// each feature named by its zone, with the distances measured from it.
func zonesCollection(zones map[string]truce.Zone, names []string, rings map[string][]float64) string {
	if len(names) == 0 {
		return ""
	}
	var feats []json.RawMessage
	for _, name := range names {
		feats = append(feats, zoneFeatures(name, zones[name].GeoJSON, rings[name])...)
	}
	b, err := json.Marshal(map[string]any{"type": "FeatureCollection", "features": feats})
	if err != nil {
		return ""
	}
	return string(b)
}

// zoneFeatures turns a zone's GeoJSON (a geometry, a Feature or a
// FeatureCollection) into Features carrying the zone's name.
func zoneFeatures(name string, raw json.RawMessage, rings []float64) []json.RawMessage {
	var head struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
		Geometry json.RawMessage   `json:"geometry"`
	}
	if json.Unmarshal(raw, &head) != nil {
		return nil
	}
	var geoms []json.RawMessage
	switch head.Type {
	case "FeatureCollection":
		for _, f := range head.Features {
			var ff struct {
				Geometry json.RawMessage `json:"geometry"`
			}
			if json.Unmarshal(f, &ff) == nil && len(ff.Geometry) > 0 {
				geoms = append(geoms, ff.Geometry)
			}
		}
	case "Feature":
		geoms = append(geoms, head.Geometry)
	default:
		geoms = append(geoms, raw)
	}
	var out []json.RawMessage
	for _, g := range geoms {
		b, err := json.Marshal(map[string]any{"type": "Feature", "geometry": g, "properties": map[string]any{"zone": name, "rings": rings}})
		if err == nil {
			out = append(out, b)
		}
	}
	return out
}
