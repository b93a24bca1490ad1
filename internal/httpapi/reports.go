package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"sort"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/intake"
)

// postReports files a report, a JSON array of reports or NDJSON. It
// answers 200 when all were accepted, 422 when none were, 207 otherwise.
func (s *Server) postReports(w http.ResponseWriter, r *http.Request) error {
	if err := app.MayFile(truce.PrincipalFrom(r.Context())); err != nil {
		return err // before reading what may be a large body
	}
	body := http.MaxBytesReader(w, r.Body, MaxBodyBytes)
	var items []intake.Item
	err := intake.Decode(body, intake.FormatOf(r.Header.Get("Content-Type")), func(it intake.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return truce.Errorf(truce.EINVALID, "the body holds no reports")
	}
	res, err := s.App.Submit(r.Context(), "api", items)
	if err != nil {
		return err
	}
	s.metrics.accepted.Add(float64(countNew(res.Accepted)))
	s.metrics.rejected.Add(float64(len(res.Rejected)))
	writeJSON(w, submitStatus(len(res.Accepted), len(res.Rejected)), res)
	return nil
}

func countNew(acc []app.Accepted) int {
	n := 0
	for _, a := range acc {
		if !a.Duplicate {
			n++
		}
	}
	return n
}

// submitStatus is 200 when all were accepted, 422 when none, 207 else.
func submitStatus(accepted, rejected int) int {
	switch {
	case rejected == 0:
		return http.StatusOK
	case accepted == 0:
		return http.StatusUnprocessableEntity
	default:
		return http.StatusMultiStatus
	}
}

// getReport answers one report as stored, with its geocoding, its log
// entries and their inclusion proofs.
func (s *Server) getReport(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	rep, err := s.App.Report(r.Context(), id)
	if err != nil {
		return err
	}
	out, err := withLog(r, s.Proofs, rep, logRef{"report", id})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// logRef names the records whose log entries an answer shows.
type logRef struct{ typ, id string }

// withLog returns v's JSON object with "log" added: the log entries of the
// named records with their inclusion proofs (when the log is wired), in log
// order.
func withLog(r *http.Request, p Prover, v any, refs ...logRef) (map[string]json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if p == nil {
		return m, nil
	}
	var all []json.RawMessage
	for _, ref := range refs {
		entries, err := p(r.Context(), ref.typ, ref.id)
		if err != nil {
			return nil, err
		}
		eb, err := json.Marshal(entries)
		if err != nil {
			return nil, err
		}
		var part []json.RawMessage
		if err := json.Unmarshal(eb, &part); err != nil {
			return nil, err
		}
		all = append(all, part...)
	}
	sort.SliceStable(all, func(i, j int) bool { return logIndexOf(all[i]) < logIndexOf(all[j]) })
	if all == nil {
		all = []json.RawMessage{}
	}
	if m["log"], err = json.Marshal(all); err != nil {
		return nil, err
	}
	return m, nil
}

func logIndexOf(b json.RawMessage) int64 {
	var e struct {
		LogIndex int64 `json:"log_index"`
	}
	_ = json.Unmarshal(b, &e)
	return e.LogIndex
}

// listReports answers a filtered page of reports.
func (s *Server) listReports(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := truce.ReportFilter{
		SourceType:  truce.SourceType(q.Get("source_type")),
		SourceName:  q.Get("source"),
		SourceParty: q.Get("party"),
		Kind:        truce.Kind(q.Get("kind")),
		Admin1:      q.Get("admin1"),
		Cursor:      q.Get("cursor"),
	}
	var err error
	if f.From, err = app.QueryTime(q.Get("from"), "from", false); err != nil {
		return err
	}
	if f.To, err = app.QueryTime(q.Get("to"), "to", true); err != nil {
		return err
	}
	if f.Limit, err = app.QueryLimit(q.Get("limit")); err != nil {
		return err
	}
	rs, next, err := s.App.Reports(r.Context(), f)
	if err != nil {
		return err
	}
	if rs == nil {
		rs = []*truce.Report{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"reports": rs, "next": nullable(next)})
	return nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// readSmall reads a small request body within MaxSmallBody.
func readSmall(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	return io.ReadAll(http.MaxBytesReader(w, r.Body, MaxSmallBody))
}
