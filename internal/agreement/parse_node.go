package agreement

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/truce-monitor/truce"
)

// fields is a mapping node read field by field.
type fields struct {
	node *yaml.Node // the mapping, for the line of missing fields
	path string     // its dotted path
	vals map[string]*yaml.Node
	keys map[string]*yaml.Node
}

// get returns the value of key, or nil when absent.
func (f fields) get(key string) *yaml.Node { return f.vals[key] }

// require returns the value of key, or records that it is missing (at the
// line of the mapping) and returns nil. A null value counts as missing.
func (f fields) require(p *parser, key string) *yaml.Node {
	v := f.vals[key]
	if v == nil || isNull(v) {
		if f.node != nil { // else the mapping itself was reported
			p.errf(f.node, join(f.path, key), "required")
		}
		return nil
	}
	return v
}

// deref follows aliases.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 64; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	n = deref(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// visit counts work so that aliases cannot make a small document cost a
// lot to read; false once the budget is spent (recorded once).
func (p *parser) visit(n *yaml.Node) bool {
	p.visits++
	if p.visits == maxNodeVisits {
		p.errf(n, "", "document too complex (aliases expand to more than %d nodes)", maxNodeVisits)
	}
	return p.visits < maxNodeVisits
}

// mapping reads a mapping node whose keys must be among known; duplicate
// and unknown keys are problems. path names the mapping in messages.
func (p *parser) mapping(n *yaml.Node, path string, known []string) fields {
	n = deref(n)
	f := fields{path: path, vals: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
	if n == nil || !p.visit(n) {
		return f
	}
	if n.Kind != yaml.MappingNode {
		p.errf(n, path, "must be a mapping (%s), got %s", strings.Join(known, ", "), describe(n))
		return f
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), n.Content[i+1]
		field := join(path, k.Value)
		switch {
		case k.Kind != yaml.ScalarNode:
			p.errf(k, path, "keys must be names, got %s", describe(k))
		case f.keys[k.Value] != nil:
			p.errf(k, field, "given twice (first on line %d)", f.keys[k.Value].Line)
		case !slices.Contains(known, k.Value):
			p.errf(k, field, "unknown field '%s'; known: %s", k.Value, strings.Join(known, ", "))
		default:
			f.keys[k.Value], f.vals[k.Value] = k, deref(v)
		}
	}
	f.node = n
	return f
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// describe names what a node is, for messages.
func describe(n *yaml.Node) string {
	n = deref(n)
	switch {
	case n == nil:
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case isNull(n):
		return "null"
	}
	return fmt.Sprintf("%q", n.Value)
}

// str reads a scalar as text. A value whose template parameter is missing
// reads as nothing, the parameter's problem being reported already.
func (p *parser) str(n *yaml.Node, field string) (string, bool) {
	n = deref(n)
	if p.unresolved[n] {
		return "", false
	}
	if n == nil || n.Kind != yaml.ScalarNode || isNull(n) {
		p.errf(n, field, "must be a text, got %s", describe(n))
		return "", false
	}
	return n.Value, true
}

// seq reads a list; a single value is not a list.
func (p *parser) seq(n *yaml.Node, field string) []*yaml.Node {
	n = deref(n)
	if n == nil || !p.visit(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errf(n, field, "must be a list, got %s", describe(n))
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		c = deref(c)
		if !p.visit(c) {
			return out
		}
		out = append(out, c)
	}
	return out
}

// strList reads a non-empty list of distinct texts, calling check on each.
// A single text stands for a list of one ("by: RU" is "by: [RU]").
func (p *parser) strList(n *yaml.Node, field string, check func(item *yaml.Node, path, s string) bool) []string {
	var items []*yaml.Node
	if n = deref(n); n != nil && n.Kind == yaml.ScalarNode && !isNull(n) {
		items = []*yaml.Node{n}
	} else {
		items = p.seq(n, field)
	}
	if items == nil {
		return nil
	}
	if len(items) == 0 {
		p.errf(n, field, "empty list; omit the field or name at least one")
		return nil
	}
	out := make([]string, 0, len(items))
	seen := map[string]bool{}
	for _, it := range items {
		path := field // the message names the item; the line points at it
		s, ok := p.str(it, path)
		if !ok || !check(it, path, s) {
			continue
		}
		if seen[s] {
			p.errf(it, path, "'%s' listed twice", s)
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// positiveInt reads an integer of at least 1; 0 after a problem.
func (p *parser) positiveInt(n *yaml.Node, field string) int {
	s, ok := p.str(n, field)
	if !ok {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 || v > 1_000_000 {
		p.errf(n, field, "%q is not a whole number from 1 to 1000000", s)
		return 0
	}
	return v
}

// number reads a finite number greater than 0.
func (p *parser) number(n *yaml.Node, field string) float64 {
	s, ok := p.str(n, field)
	if !ok {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || !(v > 0) || v > 50_000 {
		p.errf(n, field, "%q is not a distance in kilometres greater than 0", s)
		return 0
	}
	return v
}

// enum reads one of the allowed values.
func (p *parser) enum(n *yaml.Node, field string, allowed []string) string {
	s, ok := p.str(n, field)
	if !ok {
		return ""
	}
	if !slices.Contains(allowed, s) {
		p.errf(n, field, "'%s' is not one of %s", s, strings.Join(allowed, ", "))
		return ""
	}
	return s
}

// texts reads parallel texts {en, uk, ru}.
func (p *parser) texts(n *yaml.Node, field string) truce.Texts {
	f := p.mapping(n, field, []string{"en", "uk", "ru"})
	var t truce.Texts
	read := func(lang string, dst *string) {
		if v := f.get(lang); v != nil {
			if s, ok := p.str(v, field+"."+lang); ok {
				*dst = strings.TrimSpace(s)
			}
		}
	}
	read("en", &t.En)
	read("uk", &t.Uk)
	read("ru", &t.Ru)
	return t
}

// partyList reads a list of party codes; known says they must be among the
// document's parties.
func (p *parser) partyList(n *yaml.Node, field string, known bool) []string {
	if n == nil {
		return nil
	}
	return p.strList(n, field, func(it *yaml.Node, path, s string) bool {
		if !partyRE.MatchString(s) {
			p.errf(it, path, "%q is not a party code (upper-case letters and digits, e.g. UA, RU)", s)
			return false
		}
		if known && p.parties != nil && !p.parties[s] {
			p.errf(it, path, "'%s' is not one of the parties (%s)", s, strings.Join(slices.Sorted(maps.Keys(p.parties)), ", "))
			return false
		}
		return true
	})
}

// party reads one code among the document's parties.
func (p *parser) party(n *yaml.Node, field string) string {
	s, ok := p.str(n, field)
	if !ok {
		return ""
	}
	if p.parties != nil && !p.parties[s] {
		p.errf(n, field, "'%s' is not one of the parties (%s)", s, strings.Join(slices.Sorted(maps.Keys(p.parties)), ", "))
		return ""
	}
	return s
}

// Layouts of document times: with an offset, or without one (then read in
// the document's time zone). Seconds are optional; a date alone is its
// midnight.
var (
	offsetLayouts = []string{"2006-01-02T15:04Z07:00", "2006-01-02T15:04:05Z07:00", time.RFC3339Nano}
	localLayouts  = []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02"}
)

const timeWant = "want e.g. 2025-03-18T00:00 (read in the document's timezone) or 2025-03-18T00:00+03:00"

// time reads a time; without an offset it is read in the document's time
// zone, which must then be given.
func (p *parser) time(n *yaml.Node, field string) (time.Time, bool) {
	s, ok := p.str(n, field)
	if !ok {
		return time.Time{}, false
	}
	t, hasOffset, err := parseTime(s, p.loc)
	switch {
	case err != nil:
		p.errf(n, field, "%q is not a time (%s)", s, timeWant)
		return time.Time{}, false
	case !hasOffset && p.badZone:
		return time.Time{}, false // the timezone's own problem says it all
	case !hasOffset && p.loc == nil:
		p.errf(n, field, "%q has no offset and the document gives no timezone; add one (e.g. timezone: Europe/Moscow) or write the offset (%s+03:00)", s, s)
		return time.Time{}, false
	}
	return t, true
}

// parseTime parses a document time. loc reads times without an offset; when
// nil they parse in UTC and hasOffset is false.
func parseTime(s string, loc *time.Location) (t time.Time, hasOffset bool, err error) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && s[10] == ' ' {
		s = s[:10] + "T" + s[11:]
	}
	for _, l := range offsetLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true, nil
		}
	}
	if loc == nil {
		loc = time.UTC
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, false, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("%q is not a time (%s)", s, timeWant)
}
