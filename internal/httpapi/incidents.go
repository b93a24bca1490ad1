package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
)

// listIncidents answers a filtered page of incidents, newest first.
func (s *Server) listIncidents(w http.ResponseWriter, r *http.Request) error {
	f, err := app.ParseIncidentQuery(r.URL.Query())
	if err != nil {
		return err
	}
	ins, next, err := s.App.Incidents(r.Context(), f)
	if err != nil {
		return err
	}
	if ins == nil {
		ins = []*app.IncidentView{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"incidents": ins, "next": nullable(next)})
	return nil
}

// getIncident answers one incident with its verdicts, visible member
// reports and log entries.
func (s *Server) getIncident(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	v, err := s.App.Incident(r.Context(), id)
	if err != nil {
		return err
	}
	refs := []logRef{{"incident", id}, {"status", id}, {"finding", id}, {"response", id}}
	for _, vd := range v.Verdicts {
		refs = append(refs, logRef{"verdict", id + "/" + vd.Agreement})
	}
	out, err := withLog(r, s.Proofs, v, refs...)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// mergeIncidents joins incidents by an analyst's decision.
func (s *Server) mergeIncidents(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Incidents []string `json:"incidents"`
		Note      string   `json:"note"`
	}
	if err := readJSON(w, r, &body); err != nil {
		return err
	}
	id, err := s.App.MergeIncidents(r.Context(), body.Incidents, body.Note)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]string{"incident": id})
	return nil
}

// splitIncident moves reports out of an incident by an analyst's decision.
func (s *Server) splitIncident(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Reports []string `json:"reports"`
		Note    string   `json:"note"`
	}
	if err := readJSON(w, r, &body); err != nil {
		return err
	}
	id, err := s.App.SplitIncident(r.Context(), r.PathValue("id"), body.Reports, body.Note)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, map[string]string{"incident": id})
	return nil
}

// readJSON decodes a small JSON body, naming what is wrong with it.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	b, err := readSmall(w, r)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return truce.Errorf(truce.EINVALID, "body: %v", err)
	}
	return nil
}
