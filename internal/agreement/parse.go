package agreement

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	// Times without an offset are read in the document's time zone; the
	// embedded database makes that work where the system has none.
	_ "time/tzdata"

	"go.yaml.in/yaml/v3"

	"github.com/truce-monitor/truce"
)

// Limits on a document, so that one upload cannot exhaust the server.
const (
	MaxDocumentBytes = 16 << 20 // the YAML text, inline zones included
	MaxZoneFileBytes = 64 << 20 // one zone file
	maxNodeVisits    = 2_000_000
)

// ParseOptions says where the zone files of a document are found. A zone
// given as {file: path} is read relative to the document: from FS when it is
// set, else from the directory Dir on disk. With neither (a document loaded
// through the API) zones must be given inline.
type ParseOptions struct {
	Dir string // the document's directory on disk
	FS  fs.FS  // the document's directory as a file system; wins over Dir
}

// Problem is one thing wrong with a document: its line (0 when it is not
// tied to one, e.g. a missing parameter), the dotted field
// ("rules[0].prohibits.weapons") and what is wrong.
type Problem struct {
	Line    int    `json:"line,omitempty"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// String renders the problem as "line 14: rules[0].prohibits.weapons: …".
func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(p.Line))
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// ParseError is the rejection of a document with every problem found, in
// line order. It unwraps to a truce.Error with code EINVALID whose Details
// are the problems.
type ParseError struct {
	Problems []Problem
}

// Error renders every problem on one line, separated by "; ".
func (e *ParseError) Error() string {
	return strings.Join(e.Strings(), "; ")
}

// Strings returns each problem as one line.
func (e *ParseError) Strings() []string {
	out := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p.String()
	}
	return out
}

// Unwrap lets errors.As find the EINVALID code.
func (e *ParseError) Unwrap() error {
	return &truce.Error{Code: truce.EINVALID, Message: e.Error(), Details: e.Problems}
}

// Parse reads an agreement document (YAML, agreement-format.md) and checks
// every rule of the format. A document with template parameters is read
// with their defaults; a parameter without a default is an error (use
// Load). The error, when not nil, is a *ParseError naming every problem by
// line and field.
func Parse(src []byte, opts ParseOptions) (*truce.Agreement, error) {
	return Load(src, nil, opts)
}

// Load reads an agreement document as Parse does, with the template
// parameters params ("start", "days") substituted for the ${name}
// placeholders of the document. Unknown parameters, missing required ones
// and values of the wrong type are errors.
func Load(src []byte, params map[string]string, opts ParseOptions) (*truce.Agreement, error) {
	root, probs := decodeYAML(src)
	if root == nil {
		return nil, &ParseError{Problems: probs}
	}
	p := &parser{opts: opts}
	eff := p.applyParams(root, params)
	a := p.document(root)
	if len(p.probs) > 0 {
		sortProblems(p.probs)
		return nil, &ParseError{Problems: p.probs}
	}
	if len(eff) > 0 {
		a.Params = eff
	}
	return a, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// decodeYAML reads one YAML document whose root is a mapping.
func decodeYAML(src []byte) (*yaml.Node, []Problem) {
	if len(src) > MaxDocumentBytes {
		return nil, []Problem{{Message: fmt.Sprintf("document too large (%d bytes, at most %d)", len(src), MaxDocumentBytes)}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, []Problem{{Message: "empty document"}}
		}
		return nil, []Problem{yamlProblem(err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, []Problem{{Line: extra.Line, Message: "more than one YAML document; give one agreement per file"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, []Problem{yamlProblem(err)}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, []Problem{{Message: "empty document"}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, []Problem{{Line: root.Line, Message: "an agreement must be a mapping (id: …, parties: …, rules: …)"}}
	}
	return root, nil
}

func yamlProblem(err error) Problem {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		if isParserError(m[2]) {
			n++ // yaml.v3 counts these from 0: the line where the broken construct starts
		}
		return Problem{Line: n, Message: "not valid YAML: " + m[2]}
	}
	return Problem{Message: "not valid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// isParserError tells the messages of yaml.v3's parser, whose line numbers
// count from 0, from its scanner's, which count from 1.
func isParserError(msg string) bool {
	for _, p := range []string{"did not find expected", "found undefined tag handle", "found duplicate %YAML", "found incompatible YAML"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		li, lj := ps[i].Line, ps[j].Line
		if li == 0 || lj == 0 {
			return li != 0 && lj == 0 // problems without a line come last
		}
		return li < lj
	})
}

// parser collects the problems of one document while it builds the
// agreement.
type parser struct {
	opts   ParseOptions
	probs  []Problem
	visits int

	loc     *time.Location // the document's timezone; nil when not given
	badZone bool           // the timezone was given but is not valid
	parties map[string]bool
	zones   map[string]int // zoneArea or zoneLines

	unresolved map[*yaml.Node]bool // values whose parameter is missing

}

func (p *parser) errf(n *yaml.Node, field, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	p.probs = append(p.probs, Problem{Line: line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// topFields are the fields of a document, in the order they are read.
var topFields = []string{"id", "version", "title", "note", "kind", "parties", "declared_by",
	"timezone", "in_force", "zones", "rules", "exceptions", "params", "reply_hours"}

// document reads the root mapping. Fields are read in an order that lets
// later ones be checked against earlier ones (parties before by, timezone
// before times, zones before where).
func (p *parser) document(root *yaml.Node) *truce.Agreement {
	f := p.mapping(root, "", topFields)
	a := &truce.Agreement{}
	a.ID = p.identifier(f, "id", idRE, "lower-case letters, digits and '-', e.g. easter-truce-2025")
	if v := f.get("version"); v != nil {
		a.Version = p.positiveInt(v, "version")
	}
	if v := f.get("title"); v != nil {
		a.Title = p.texts(v, "title")
	}
	if v := f.get("note"); v != nil {
		a.Note = p.texts(v, "note")
	}
	if v := f.get("kind"); v != nil {
		a.Kind = p.enum(v, "kind", truce.AgreementKinds)
	}
	a.Parties = p.partyList(f.require(p, "parties"), "parties", false)
	if len(a.Parties) > 0 { // else codes cannot be checked against them
		p.parties = map[string]bool{}
		for _, c := range a.Parties {
			p.parties[c] = true
		}
	}
	if v := f.get("declared_by"); v != nil {
		a.DeclaredBy = p.partyList(v, "declared_by", true)
	}
	if v := f.get("timezone"); v != nil {
		a.Timezone = p.timezone(v)
	}
	if v := f.require(p, "in_force"); v != nil {
		a.InForce = p.inForce(v)
	}
	p.zones = map[string]int{}
	if v := f.get("zones"); v != nil {
		a.Zones = p.zoneMap(v)
	}
	if v := f.require(p, "rules"); v != nil {
		a.Rules = p.rules(v)
	}
	if v := f.get("exceptions"); v != nil {
		a.Exceptions = p.exceptions(v)
	}
	if v := f.get("reply_hours"); v != nil { // an addition: the window of a party's reply to a finding
		a.ReplyHours = p.positiveInt(v, "reply_hours")
	}
	return a
}

var (
	idRE      = regexp.MustCompile(`^[a-z0-9-]+$`)
	partyRE   = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,7}$`)
	countryRE = regexp.MustCompile(`^[A-Z]{2}$`)
	localRE   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
)

// identifier reads a required identifier field matching re.
func (p *parser) identifier(f fields, key string, re *regexp.Regexp, want string) string {
	v := f.require(p, key)
	if v == nil {
		return ""
	}
	s, ok := p.str(v, key)
	if !ok {
		return ""
	}
	if !re.MatchString(s) || len(s) > 100 {
		p.errf(v, key, "%q is not a valid id (%s)", s, want)
	}
	return s
}

func (p *parser) timezone(n *yaml.Node) string {
	s, ok := p.str(n, "timezone")
	if !ok {
		p.badZone = true
		return ""
	}
	if s == "Local" || s == "" {
		p.errf(n, "timezone", "%q is not an IANA time zone name (e.g. Europe/Moscow, Europe/Kyiv, UTC)", s)
		p.badZone = true
		return ""
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		p.errf(n, "timezone", "%q is not an IANA time zone name (e.g. Europe/Moscow, Europe/Kyiv, UTC)", s)
		p.badZone = true
		return ""
	}
	p.loc = loc
	return s
}

// inForce reads the window: from (required), to (optional, after from) and
// the disputed readings.
func (p *parser) inForce(n *yaml.Node) truce.InForce {
	f := p.mapping(n, "in_force", []string{"from", "to", "days", "disputed"})
	var w truce.InForce
	if v := f.require(p, "from"); v != nil {
		if t, ok := p.time(v, "in_force.from"); ok {
			w.From = t
		}
	}
	to, days := f.get("to"), f.get("days")
	switch {
	case to != nil && days != nil:
		p.errf(days, "in_force.days", "give either to or days, not both")
	case to != nil && !isNull(to):
		if t, ok := p.time(to, "in_force.to"); ok {
			if !w.From.IsZero() && !t.After(w.From) {
				p.errf(to, "in_force.to", "%s is not after in_force.from %s (to is exclusive)", fmtTime(t), fmtTime(w.From))
			} else {
				w.To = &t
			}
		}
	case days != nil:
		if d := p.positiveInt(days, "in_force.days"); d > 0 && !w.From.IsZero() {
			t := p.addDays(w.From, d)
			w.To = &t
		}
	}
	if v := f.get("disputed"); v != nil {
		w.Disputed = p.disputed(v, w)
	}
	return w
}

// addDays returns from plus d calendar days in the document's time zone
// (in from's own zone when the document names none).
func (p *parser) addDays(from time.Time, d int) time.Time {
	if p.loc != nil {
		from = from.In(p.loc)
	}
	return from.AddDate(0, 0, d)
}

func (p *parser) disputed(n *yaml.Node, main truce.InForce) []truce.DisputedWindow {
	var out []truce.DisputedWindow
	for i, item := range p.seq(n, "in_force.disputed") {
		path := fmt.Sprintf("in_force.disputed[%d]", i)
		f := p.mapping(item, path, []string{"party", "from", "to"})
		var d truce.DisputedWindow
		if v := f.require(p, "party"); v != nil {
			d.Party = p.party(v, path+".party")
		}
		if v := f.get("from"); v != nil && !isNull(v) {
			if t, ok := p.time(v, path+".from"); ok {
				d.From = &t
			}
		}
		if v := f.get("to"); v != nil && !isNull(v) {
			if t, ok := p.time(v, path+".to"); ok {
				d.To = &t
			}
		}
		if f.get("from") == nil && f.get("to") == nil {
			p.errf(item, path, "give the party's reading: from, to or both")
		}
		if from, to, bounded := main.Window(&d); bounded && !main.From.IsZero() && !to.After(from) {
			p.errf(item, path, "the reading's window is empty: to %s is not after from %s", fmtTime(to), fmtTime(from))
		}
		out = append(out, d)
	}
	return out
}

// fmtTime renders a time of a document for messages and reasons:
// minutes, with seconds only when they are not zero.
func fmtTime(t time.Time) string {
	return string(appendTime(nil, t))
}

// appendTime writes t in its location as 2006-01-02T15:04Z07:00, with
// seconds when they are not zero. It is the time package's format, done
// with integer arithmetic because reasons write two times per verdict.
func appendTime(b []byte, t time.Time) []byte {
	_, off := t.Zone()
	s := t.Unix() + int64(off)
	days, secs := s/86400, s%86400
	if secs < 0 {
		days, secs = days-1, secs+86400
	}
	y, m, d := civilDate(days)
	if y < 0 || y > 9999 || off%60 != 0 {
		if t.Second() != 0 || t.Nanosecond() != 0 {
			return t.AppendFormat(b, "2006-01-02T15:04:05.999999999Z07:00")
		}
		return t.AppendFormat(b, "2006-01-02T15:04Z07:00")
	}
	b = append4(b, int(y))
	b = append(b, '-')
	b = append2(b, m)
	b = append(b, '-')
	b = append2(b, d)
	b = append(b, 'T')
	b = append2(b, int(secs/3600))
	b = append(b, ':')
	b = append2(b, int(secs/60%60))
	if ns := t.Nanosecond(); secs%60 != 0 || ns != 0 {
		b = append(b, ':')
		b = append2(b, int(secs%60))
		if ns != 0 {
			b = append(b, '.')
			for div := 100_000_000; ns != 0; div /= 10 {
				b = append(b, byte('0'+ns/div))
				ns %= div
			}
		}
	}
	if off == 0 {
		return append(b, 'Z')
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	b = append(b, sign)
	b = append2(b, off/3600)
	b = append(b, ':')
	return append2(b, off/60%60)
}

// civilDate converts days since 1970-01-01 to a proleptic Gregorian date
// (Howard Hinnant's algorithm).
func civilDate(days int64) (y int64, m, d int) {
	z := days + 719468
	era := z / 146097
	if z < 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if mp >= 10 {
		m = int(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }

func append4(b []byte, n int) []byte {
	return append(b, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
}
