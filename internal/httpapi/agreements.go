package httpapi

import (
	"io"
	"net/http"
	"strings"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/agreement"
)

// listAgreements answers the latest version of every agreement.
func (s *Server) listAgreements(w http.ResponseWriter, r *http.Request) error {
	ags, err := s.App.Agreements(r.Context())
	if err != nil {
		return err
	}
	if ags == nil {
		ags = []*truce.AgreementRecord{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"agreements": ags})
	return nil
}

// getAgreement answers one agreement with every version.
func (s *Server) getAgreement(w http.ResponseWriter, r *http.Request) error {
	vs, err := s.App.AgreementVersions(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	type version struct {
		*truce.AgreementRecord
		Source string `json:"source"`
	}
	out := make([]version, len(vs))
	for i, v := range vs {
		out[i] = version{v, string(v.Source)}
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": r.PathValue("id"), "latest": out[len(out)-1], "versions": out})
	return nil
}

// postAgreement loads an agreement document (YAML body). Template
// parameters come as query parameters: ?start=…&days=…; a shipped
// template is loaded by ?template=ID with an empty body.
func (s *Server) postAgreement(w http.ResponseWriter, r *http.Request) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, agreement.MaxDocumentBytes))
	if err != nil {
		return err
	}
	q := r.URL.Query()
	params := map[string]string{}
	for k, v := range q {
		if k != "template" && len(v) > 0 {
			params[k] = v[0]
		}
	}
	if id := q.Get("template"); id != "" {
		t, ok := agreement.TemplateByID(id)
		if !ok {
			return truce.Errorf(truce.EINVALID, "template: %q is not a shipped template (%s)", id, agreement.TemplateIDs())
		}
		body = t.Source
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return truce.Errorf(truce.EINVALID, "the body holds no agreement document (YAML), and no ?template= is named")
	}
	res, err := s.App.LoadAgreement(r.Context(), body, params, agreement.ParseOptions{})
	if err != nil {
		return err
	}
	status := http.StatusOK
	if res.Created {
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
	return nil
}
