package truce

import (
	"errors"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// ReportDocInserter is an optional extension of ReportTx for a caller
// that has encoded the report as its canonical JSON already (to log it):
// InsertReportDoc stores r as InsertReport does, with doc, which must be
// what r.CanonicalJSON() returns, as the stored document, instead of
// encoding r a second time.
type ReportDocInserter interface {
	InsertReportDoc(r *Report, doc []byte) error
}

// CanonicalJSON returns the canonical JSON of the report: byte for byte
// what the package function CanonicalJSON(r) returns, written field by
// field in key order instead of through json.Marshal, a decode into maps
// and a second encoding. A report with unknown fields (Extra) takes the
// generic path, since those may nest anywhere. A nil report is "null".
func (r *Report) CanonicalJSON() ([]byte, error) {
	if r == nil {
		return []byte("null"), nil
	}
	if len(r.Extra) > 0 {
		return CanonicalJSON(r)
	}
	w := canonWriter{b: make([]byte, 0, 640)}
	r.writeCanonical(&w)
	if w.err != nil {
		return nil, w.err
	}
	return w.b, nil
}

// writeCanonical writes the report's members in key order, with the
// omission rules of its json tags.
func (r *Report) writeCanonical(w *canonWriter) {
	w.open()
	if r.Aggregate {
		w.key("aggregate")
		w.b = append(w.b, "true"...)
	}
	w.strOmit("attributed_to", r.AttributedTo)
	if r.Casualties != (Casualties{}) {
		w.key("casualties")
		r.Casualties.writeCanonical(w)
	}
	if r.Counts != nil {
		w.key("counts")
		w.open()
		w.intPtr("hit", r.Counts.Hit)
		w.intPtr("intercepted", r.Counts.Intercepted)
		w.intPtr("launched", r.Counts.Launched)
		w.close()
	}
	if r.Credibility != 0 {
		w.key("credibility")
		w.b = strconv.AppendInt(w.b, int64(r.Credibility), 10)
	}
	if len(r.Evidence) > 0 {
		w.key("evidence")
		writeEvidence(w, r.Evidence)
	}
	w.strOmit("evidence_text", r.EvidenceText)
	if r.Geocode != nil {
		w.key("geocode")
		r.Geocode.writeCanonical(w)
	}
	w.strOmit("id", r.ID)
	w.str("kind", string(r.Kind))
	w.strOmit("language", r.Language)
	w.timePtr("launched_at", r.LaunchedAt)
	w.key("location")
	r.Location.writeCanonical(w)
	w.key("occurred")
	w.open()
	w.time("from", r.Occurred.From)
	w.time("to", r.Occurred.To)
	w.close()
	if !r.ReceivedAt.IsZero() {
		w.time("received_at", r.ReceivedAt)
	}
	w.strOmit("received_by", r.ReceivedBy)
	w.timePtr("reported_at", r.ReportedAt)
	w.key("source")
	r.Source.writeCanonical(w)
	r.writeTail(w)
	w.close()
}

// writeTail writes the members after "source": target, text, weapons.
func (r *Report) writeTail(w *canonWriter) {
	if r.Target != nil {
		w.key("target")
		w.open()
		w.strOmit("class", r.Target.Class)
		w.strOmit("name", r.Target.Name)
		w.close()
	}
	w.strOmit("text", r.Text)
	if len(r.Weapons) > 0 {
		w.key("weapons")
		w.b = append(w.b, '[')
		for i, x := range r.Weapons {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			w.open()
			w.str("class", x.Class)
			w.intPtr("count", x.Count)
			w.strOmit("model", x.Model)
			w.close()
		}
		w.b = append(w.b, ']')
	}
}

func (c Casualties) writeCanonical(w *canonWriter) {
	w.open()
	if c.Civilian != nil {
		w.key("civilian")
		w.b = strconv.AppendBool(w.b, *c.Civilian)
	}
	w.intPtr("injured", c.Injured)
	w.intPtr("killed", c.Killed)
	w.close()
}

func writeEvidence(w *canonWriter, es []Evidence) {
	w.b = append(w.b, '[')
	for i, e := range es {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.open()
		w.timePtr("captured_at", e.CapturedAt)
		w.strOmit("media_type", e.MediaType)
		w.strOmit("name", e.Name)
		w.str("sha256", e.SHA256)
		w.close()
	}
	w.b = append(w.b, ']')
}

func (g *Geocode) writeCanonical(w *canonWriter) {
	w.open()
	w.strOmit("admin1", g.Admin1)
	w.strOmit("country", g.Country)
	if len(g.Derived) > 0 {
		w.key("derived")
		w.b = append(w.b, '[')
		for i, s := range g.Derived {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			w.b = appendCanonicalString(w.b, s)
		}
		w.b = append(w.b, ']')
	}
	w.strOmit("entry", g.Entry)
	w.float("lat", g.Lat)
	w.float("lon", g.Lon)
	w.str("method", g.Method)
	w.str("precision", g.Precision)
	w.float("uncertainty_m", g.UncertaintyM)
	w.close()
}

func (l *Location) writeCanonical(w *canonWriter) {
	w.open()
	w.strOmit("admin1", l.Admin1)
	w.strOmit("country", l.Country)
	w.floatPtr("lat", l.Lat)
	w.floatPtr("lon", l.Lon)
	w.strOmit("place", l.Place)
	w.floatPtr("uncertainty_m", l.UncertaintyM)
	w.close()
}

func (s *Source) writeCanonical(w *canonWriter) {
	w.open()
	w.str("name", s.Name)
	w.strOmit("party", s.Party)
	w.strOmit("ref", s.Ref)
	w.strOmit("reliability", s.Reliability)
	w.str("type", string(s.Type))
	w.close()
}

// canonWriter appends canonical JSON, member by member: the caller writes
// members in key order. The first error sticks.
type canonWriter struct {
	b     []byte
	first bool // no member written yet in the innermost open object
	err   error
}

func (w *canonWriter) open() {
	w.b = append(w.b, '{')
	w.first = true
}

func (w *canonWriter) close() {
	w.b = append(w.b, '}')
	w.first = false
}

// key writes the key of the next member; k needs no escaping.
func (w *canonWriter) key(k string) {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
}

func (w *canonWriter) str(k, s string) {
	w.key(k)
	w.b = appendCanonicalString(w.b, s)
}

func (w *canonWriter) strOmit(k, s string) {
	if s != "" {
		w.str(k, s)
	}
}

func (w *canonWriter) intPtr(k string, n *int) {
	if n != nil {
		w.key(k)
		w.b = strconv.AppendInt(w.b, int64(*n), 10)
	}
}

func (w *canonWriter) float(k string, f float64) {
	w.key(k)
	var err error
	if w.b, err = appendCanonicalFloat(w.b, f); err != nil && w.err == nil {
		w.err = err
	}
}

func (w *canonWriter) floatPtr(k string, f *float64) {
	if f != nil {
		w.float(k, *f)
	}
}

// time writes t as time.Time's MarshalJSON does (RFC 3339 with
// nanoseconds, failing for years outside 0–9999).
func (w *canonWriter) time(k string, t time.Time) {
	w.key(k)
	w.b = append(w.b, '"')
	b, err := t.AppendText(w.b)
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		return
	}
	w.b = append(b, '"')
}

func (w *canonWriter) timePtr(k string, t *time.Time) {
	if t != nil {
		w.time(k, *t)
	}
}

// appendCanonicalFloat writes f as encoding/json writes a float64 (the
// shortest decimal that reads back as f; exponent form below 1e-6 and from
// 1e21, with a one-digit negative exponent unpadded), which the canonical
// form keeps as it is. NaN and infinities have no JSON form.
func appendCanonicalFloat(b []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, errors.New("json: unsupported value: " + strconv.FormatFloat(f, 'g', -1, 64))
	}
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1] // e-07 → e-7
		b = b[:n-1]
	}
	return b, nil
}

// appendCanonicalString writes s quoted as the canonical form has it:
// '"' and '\\' escaped, control characters as \b \f \n \r \t or \u00XX,
// U+2028 and U+2029 as \u2028 and \u2029, each byte that is not UTF-8 as
// U+FFFD (a round trip through encoding/json turns it into one), the rest,
// HTML characters included, as they are.
func appendCanonicalString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0 // s[start:i] is yet to be copied as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != '\u2028' && r != '\u2029' && (r != utf8.RuneError || size != 1) {
				i += size
				continue
			}
			b = append(b, s[start:i]...)
			if r == utf8.RuneError {
				b = append(b, "\uFFFD"...)
			} else {
				b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			}
			i += size
			start = i
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
