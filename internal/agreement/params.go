package agreement

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/truce-monitor/truce"
)

// ParamSpec describes a template parameter, declared in a document's params
// section (an addition to agreement-format.md):
//
//	params:
//	  start: {type: time, required: true, text: {en: When the truce begins}}
//	  days:  {type: integer, default: 30}
//
// and used as ${start} or ${days} in any value of the document.
type ParamSpec struct {
	Name     string      `json:"name"`
	Type     string      `json:"type"` // "time" or "integer"
	Required bool        `json:"required,omitempty"`
	Default  string      `json:"default,omitempty"`
	Text     truce.Texts `json:"text,omitzero"`
}

var (
	paramNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	placeholder = regexp.MustCompile(`\$\{([^}]*)\}`)
	paramTypes  = []string{"time", "integer"}
)

// DocumentParams returns the parameters a document declares, by name.
func DocumentParams(src []byte) ([]ParamSpec, error) {
	root, probs := decodeYAML(src)
	if root == nil {
		return nil, &ParseError{Problems: probs}
	}
	p := &parser{}
	specs, _ := p.paramSpecs(root)
	if len(p.probs) > 0 {
		sortProblems(p.probs)
		return nil, &ParseError{Problems: p.probs}
	}
	return specs, nil
}

// paramSpecs reads the params section of the root mapping, sorted by name,
// and returns the section's node (nil when absent).
func (p *parser) paramSpecs(root *yaml.Node) ([]ParamSpec, *yaml.Node) {
	var sect *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "params" {
			sect = deref(root.Content[i+1])
		}
	}
	if sect == nil || isNull(sect) {
		return nil, sect
	}
	if sect.Kind != yaml.MappingNode {
		p.errf(sect, "params", "must be a mapping of parameter names to {type, required, default, text}, got %s", describe(sect))
		return nil, sect
	}
	var specs []ParamSpec
	for i := 0; i+1 < len(sect.Content); i += 2 {
		k, v := deref(sect.Content[i]), sect.Content[i+1]
		field := "params." + k.Value
		if !paramNameRE.MatchString(k.Value) {
			p.errf(k, field, "%q is not a parameter name (lower-case letters, digits, '_')", k.Value)
			continue
		}
		f := p.mapping(v, field, []string{"type", "required", "default", "text"})
		s := ParamSpec{Name: k.Value, Type: "time"}
		if t := f.get("type"); t != nil {
			s.Type = p.enum(t, field+".type", paramTypes)
		}
		if r := f.get("required"); r != nil {
			s.Required = p.boolean(r, field+".required")
		}
		if d := f.get("default"); d != nil {
			if val, ok := p.str(d, field+".default"); ok {
				s.Default = val
				p.checkParam(d, field+".default", s, val)
			}
		}
		if t := f.get("text"); t != nil {
			s.Text = p.texts(t, field+".text")
		}
		specs = append(specs, s)
	}
	sort.Slice(specs, func(i, j int) bool { return specs[i].Name < specs[j].Name })
	return specs, sect
}

func (p *parser) boolean(n *yaml.Node, field string) bool {
	s, ok := p.str(n, field)
	if !ok {
		return false
	}
	switch s {
	case "true":
		return true
	case "false":
	default:
		p.errf(n, field, "%q is not true or false", s)
	}
	return false
}

// checkParam checks a parameter value against its type.
func (p *parser) checkParam(n *yaml.Node, field string, s ParamSpec, val string) bool {
	switch s.Type {
	case "time":
		if _, _, err := parseTime(val, nil); err != nil {
			p.errf(n, field, "%q is not a time (want e.g. 2025-09-01T00:00+03:00)", val)
			return false
		}
	case "integer":
		if v, err := strconv.Atoi(val); err != nil || v < 1 || v > 1_000_000 {
			p.errf(n, field, "%q is not a whole number from 1 to 1000000", val)
			return false
		}
	}
	return true
}

// applyParams works out the value of each declared parameter (given, else
// its default), reports unknown, missing and ill-typed ones, and replaces
// every ${name} in the document's values. It returns the values used.
func (p *parser) applyParams(root *yaml.Node, given map[string]string) map[string]string {
	specs, sect := p.paramSpecs(root)
	vals := map[string]string{}
	var names []string
	for _, s := range specs {
		names = append(names, s.Name)
	}
	for _, name := range slices.Sorted(maps.Keys(given)) {
		if !slices.Contains(names, name) {
			takes := "this document takes no parameters"
			if len(names) > 0 {
				takes = "it takes: " + strings.Join(names, ", ")
			}
			p.errf(nil, "params."+name, "not a parameter of this document (%s)", takes)
		}
	}
	for _, s := range specs {
		val, ok := given[s.Name]
		if !ok {
			val, ok = s.Default, s.Default != ""
		} else if !p.checkParam(nil, "params."+s.Name, s, val) {
			continue
		}
		if !ok {
			if s.Required {
				p.errf(nil, "params."+s.Name, "required: %s (give it as --param %s=VALUE)", paramHelp(s), s.Name)
			}
			continue
		}
		vals[s.Name] = val
	}
	p.substitute(root, sect, names, vals, 0)
	return vals
}

func paramHelp(s ParamSpec) string {
	if t := s.Text.Get("en"); t != "" {
		return t
	}
	if s.Type == "time" {
		return "a time, e.g. 2025-09-01T00:00+03:00"
	}
	return "a whole number"
}

// substitute replaces ${name} in the scalar values under n, skipping the
// params section itself.
func (p *parser) substitute(n, skip *yaml.Node, names []string, vals map[string]string, depth int) {
	if n == nil || n == skip || depth > 64 || !p.visit(n) {
		return
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if !strings.Contains(n.Value, "${") {
			return
		}
		n.Value = placeholder.ReplaceAllStringFunc(n.Value, func(m string) string {
			name := m[2 : len(m)-1]
			if !slices.Contains(names, name) {
				p.errf(n, "", "%s names no parameter of this document (declare it under params)", m)
				return m
			}
			if v, ok := vals[name]; ok {
				return v
			}
			if p.unresolved == nil {
				p.unresolved = map[*yaml.Node]bool{}
			}
			p.unresolved[n] = true // missing: reported once, not again as a bad value
			return m
		})
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			p.substitute(n.Content[i], skip, names, vals, depth+1)
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, c := range n.Content {
			p.substitute(c, skip, names, vals, depth+1)
		}
	}
}

// Instantiate returns the document with params applied and its params
// section removed: the text a server stores as the loaded version, which
// Parse reads to the same agreement as Load(src, params). Comments are kept.
func Instantiate(src []byte, params map[string]string) ([]byte, error) {
	if _, err := Load(src, params, ParseOptions{}); err != nil {
		var pe *ParseError
		if !isOnlyZoneFileProblems(err, &pe) {
			return nil, err
		}
	}
	root, probs := decodeYAML(src)
	if root == nil {
		return nil, &ParseError{Problems: probs}
	}
	p := &parser{}
	p.applyParams(root, params)
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "params" {
			// The comment above the section (often the document's own
			// header) moves to the key that follows.
			if hc := root.Content[i].HeadComment; hc != "" && i+2 < len(root.Content) {
				next := root.Content[i+2]
				next.HeadComment = strings.TrimSpace(hc + "\n" + next.HeadComment)
			}
			root.Content = slices.Delete(root.Content, i, i+2)
			break
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, fmt.Errorf("writing the instantiated document: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// isOnlyZoneFileProblems reports whether a Load error is only about zone
// files that could not be read without the document's folder: Instantiate
// works on the text and does not need them.
func isOnlyZoneFileProblems(err error, pe **ParseError) bool {
	e, ok := err.(*ParseError)
	if !ok {
		return false
	}
	*pe = e
	for _, pr := range e.Problems {
		if !strings.HasSuffix(pr.Field, ".file") {
			return false
		}
	}
	return true
}
