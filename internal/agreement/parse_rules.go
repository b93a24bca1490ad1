package agreement

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/truce-monitor/truce"
)

// rules reads the rules: at least one, with distinct ids.
func (p *parser) rules(n *yaml.Node) []truce.Rule {
	items := p.seq(n, "rules")
	if items != nil && len(items) == 0 {
		p.errf(n, "rules", "no rules; an agreement must prohibit something")
	}
	var out []truce.Rule
	seen := map[string]int{}
	for i, item := range items {
		path := fmt.Sprintf("rules[%d]", i)
		f := p.mapping(item, path, []string{"id", "text", "prohibits", "by"})
		var r truce.Rule
		r.ID = p.localID(f, path, seen)
		if v := f.get("text"); v != nil {
			r.Text = p.texts(v, path+".text")
		}
		if v := f.require(p, "prohibits"); v != nil {
			r.Prohibits = p.acts(v, path+".prohibits")
		}
		if v := f.get("by"); v != nil {
			r.By = p.partyList(v, path+".by", true)
		}
		out = append(out, r)
	}
	return out
}

// exceptions reads the exceptions, with distinct ids.
func (p *parser) exceptions(n *yaml.Node) []truce.Exception {
	var out []truce.Exception
	seen := map[string]int{}
	for i, item := range p.seq(n, "exceptions") {
		path := fmt.Sprintf("exceptions[%d]", i)
		f := p.mapping(item, path, []string{"id", "text", "matches"})
		var e truce.Exception
		e.ID = p.localID(f, path, seen)
		if v := f.get("text"); v != nil {
			e.Text = p.texts(v, path+".text")
		}
		if v := f.require(p, "matches"); v != nil {
			e.Matches = p.acts(v, path+".matches")
			if isZeroActs(e.Matches) && deref(v).Kind == yaml.MappingNode {
				p.errf(v, path+".matches", "matches every act, which would void the agreement; state kinds, weapons, targets or where")
			}
		}
		out = append(out, e)
	}
	return out
}

func isZeroActs(a truce.Acts) bool {
	return len(a.Kinds) == 0 && a.Weapons.Any() && a.Targets.Any() && a.Where.Anywhere()
}

// localID reads the id of a rule or exception: required, distinct within
// its list. YAML may write it as a number (id: 1); it is kept as text.
func (p *parser) localID(f fields, path string, seen map[string]int) string {
	v := f.require(p, "id")
	if v == nil {
		return ""
	}
	s, ok := p.str(v, path+".id")
	if !ok {
		return ""
	}
	if !localRE.MatchString(s) || len(s) > 40 {
		p.errf(v, path+".id", "%q is not a valid id (letters, digits, '.', '_' and '-', e.g. \"1\" or \"2.1\")", s)
		return s
	}
	if line, dup := seen[s]; dup {
		p.errf(v, path+".id", "'%s' is already the id of the entry on line %d", s, line)
		return s
	}
	seen[s] = v.Line
	return s
}

// acts reads the conditions of prohibits or matches.
func (p *parser) acts(n *yaml.Node, path string) truce.Acts {
	f := p.mapping(n, path, []string{"kinds", "weapons", "targets", "where"})
	var a truce.Acts
	if v := f.get("kinds"); v != nil {
		a.Kinds = p.kinds(v, path+".kinds")
	}
	if v := f.get("weapons"); v != nil {
		a.Weapons = p.classes(v, path+".weapons", truce.WeaponClasses, truce.IsWeaponClass)
	}
	if v := f.get("targets"); v != nil {
		a.Targets = p.classes(v, path+".targets", truce.TargetClasses, truce.IsTargetClass)
	}
	if v := f.get("where"); v != nil {
		a.Where = p.where(v, path+".where")
	}
	return a
}

func kindNames() []string {
	out := make([]string, len(truce.Kinds))
	for i, k := range truce.Kinds {
		out[i] = string(k)
	}
	return out
}

func (p *parser) kinds(n *yaml.Node, field string) []truce.Kind {
	names := kindNames()
	list := p.strList(n, field, func(it *yaml.Node, path, s string) bool {
		if !slices.Contains(names, s) {
			p.errf(it, path, "unknown kind '%s'; known: %s", s, strings.Join(names, ", "))
			return false
		}
		return true
	})
	if list == nil {
		return nil
	}
	out := make([]truce.Kind, len(list))
	for i, s := range list {
		out[i] = truce.Kind(s)
	}
	return out
}

// classes reads "any" or a list of classes of one taxonomy. "unknown" is a
// class reports may give, not one a rule can name.
func (p *parser) classes(n *yaml.Node, field string, taxonomy []string, valid func(string) bool) truce.ClassSet {
	if n.Kind == yaml.ScalarNode && !isNull(n) && n.Value == "any" {
		return nil
	}
	known := make([]string, 0, len(taxonomy))
	for _, c := range taxonomy {
		if c != truce.Unknown {
			known = append(known, c)
		}
	}
	list := p.strList(n, field, func(it *yaml.Node, path, s string) bool {
		switch {
		case s == "any":
			p.errf(it, path, "write any on its own (%s: any), not in a list", field[strings.LastIndexByte(field, '.')+1:])
		case s == truce.Unknown:
			p.errf(it, path, "a rule cannot name the class unknown; write any to cover every class")
		case !valid(s):
			p.errf(it, path, "unknown class '%s'; known: %s", s, strings.Join(known, ", "))
		default:
			return true
		}
		return false
	})
	if list == nil {
		return truce.ClassSet{} // never any: the problem is recorded
	}
	return truce.ClassSet(list)
}

var whereKeys = []string{"inside", "outside", "within_km", "beyond_km", "of", "country"}

// where reads anywhere or exactly one of the forms {inside: zone},
// {outside: zone}, {within_km: N, of: zone}, {beyond_km: N, of: zone},
// {country: [..]}.
func (p *parser) where(n *yaml.Node, field string) truce.Where {
	const forms = "anywhere, {inside: zone}, {outside: zone}, {within_km: N, of: zone}, {beyond_km: N, of: zone} or {country: [UA]}"
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		if n.Value != "anywhere" {
			p.errf(n, field, "%q is not a place condition; write %s", n.Value, forms)
		}
		return truce.Where{}
	}
	f := p.mapping(n, field, whereKeys)
	if f.node == nil {
		return truce.Where{}
	}
	var given []string
	for _, k := range whereKeys {
		if f.get(k) != nil {
			given = append(given, k)
		}
	}
	var w truce.Where
	switch g := strings.Join(given, "+"); g {
	case "inside":
		w.Inside = p.zoneRef(f.get("inside"), field+".inside", true)
	case "outside":
		w.Outside = p.zoneRef(f.get("outside"), field+".outside", true)
	case "within_km+of":
		w.WithinKm = p.number(f.get("within_km"), field+".within_km")
		w.Of = p.zoneRef(f.get("of"), field+".of", false)
	case "beyond_km+of":
		w.BeyondKm = p.number(f.get("beyond_km"), field+".beyond_km")
		w.Of = p.zoneRef(f.get("of"), field+".of", false)
	case "country":
		w.Country = p.strList(f.get("country"), field+".country", func(it *yaml.Node, path, s string) bool {
			if !countryRE.MatchString(s) {
				p.errf(it, path, "%q is not an ISO 3166-1 alpha-2 country code (e.g. UA, RU)", s)
				return false
			}
			return true
		})
	case "":
		p.errf(n, field, "empty; write %s", forms)
	default:
		p.errf(n, field, "gives %s together; write one of %s", strings.Join(given, ", "), forms)
	}
	return w
}

// zoneRef reads the name of a zone the document defines; area says the
// condition needs one with polygons (inside, outside).
func (p *parser) zoneRef(n *yaml.Node, field string, area bool) string {
	s, ok := p.str(n, field)
	if !ok {
		return ""
	}
	if area && p.zones[s] == zoneLines {
		p.errf(n, field, "zone '%s' is only lines or points, which have no inside; use within_km or beyond_km of it", s)
		return ""
	}
	if p.zones[s] == 0 {
		var names []string
		for k := range p.zones {
			names = append(names, k)
		}
		known := strings.Join(truce.SortedClasses(names), ", ")
		if known == "" {
			known = "none: the document has no zones"
		}
		p.errf(n, field, "unknown zone '%s'; zones: %s", s, known)
		return ""
	}
	return s
}
