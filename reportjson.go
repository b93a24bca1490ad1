package truce

import (
	"encoding/json"
	"strings"
)

// reportAlias has Report's fields without its methods, for the default
// encoding.
type reportAlias Report

// MarshalJSON encodes the report in the interchange format, with the
// unknown fields it arrived with put back where they were.
func (r Report) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(reportAlias(r))
	if err != nil || len(r.Extra) == 0 {
		return b, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for path, raw := range r.Extra {
		putPath(m, path, raw)
	}
	return json.Marshal(m)
}

// putPath sets m[a][b]… = raw for the dotted path "a.b…", creating objects
// where absent. A path that runs into a non-object is kept whole at the top.
func putPath(m map[string]any, path string, raw json.RawMessage) {
	parts := strings.Split(path, ".")
	cur := m
	for i, p := range parts[:len(parts)-1] {
		next, ok := cur[p]
		if !ok {
			nm := map[string]any{}
			cur[p] = nm
			cur = nm
			continue
		}
		nm, ok := next.(map[string]any)
		if !ok {
			m[strings.Join(parts[i:], ".")] = raw
			return
		}
		cur = nm
	}
	if _, exists := cur[parts[len(parts)-1]]; !exists {
		cur[parts[len(parts)-1]] = raw
	}
}

// UnmarshalJSON decodes a report in the interchange format, keeping unknown
// fields. It fails on the first field error; use DecodeReport to get all.
func (r *Report) UnmarshalJSON(data []byte) error {
	rep, errs := DecodeReport(data)
	if len(errs) > 0 {
		return &ValidationError{Errors: errs}
	}
	// Fields Truce sets on intake are kept by DecodeReport as Extra; restore.
	var server struct {
		ID         string   `json:"id"`
		ReceivedBy string   `json:"received_by"`
		Geocode    *Geocode `json:"geocode"`
	}
	_ = json.Unmarshal(data, &server)
	rep.ID, rep.ReceivedBy, rep.Geocode = server.ID, server.ReceivedBy, server.Geocode
	if raw, ok := rep.Extra["received_at"]; ok {
		_ = json.Unmarshal(raw, &rep.ReceivedAt)
	}
	for _, k := range []string{"id", "received_at", "received_by", "geocode", "log_index"} {
		delete(rep.Extra, k)
	}
	if len(rep.Extra) == 0 {
		rep.Extra = nil
	}
	*r = rep
	return nil
}
