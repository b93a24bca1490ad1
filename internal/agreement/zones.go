package agreement

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/truce-monitor/truce"
)

var zoneNameRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// zoneMap reads the named zones: each GeoJSON inline (YAML or a JSON text)
// or {file: path} relative to the document. Every geometry is parsed here,
// so that a document that loads is a document that evaluates.
func (p *parser) zoneMap(n *yaml.Node) map[string]truce.Zone {
	if n.Kind != yaml.MappingNode {
		p.errf(n, "zones", "must be a mapping of zone names to GeoJSON or {file: path}, got %s", describe(n))
		return nil
	}
	out := map[string]truce.Zone{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		field := "zones." + k.Value
		switch {
		case !zoneNameRE.MatchString(k.Value):
			p.errf(k, field, "%q is not a zone name (letters, digits, '_' and '-')", k.Value)
			continue
		case p.zones[k.Value] != 0:
			p.errf(k, field, "zone given twice")
			continue
		}
		// Referable even if its geometry is bad, so one mistake is told once.
		p.zones[k.Value] = zoneArea
		z, area, ok := p.zone(v, field)
		if ok {
			out[k.Value] = z
			if !area {
				p.zones[k.Value] = zoneLines
			}
		}
	}
	return out
}

// Kinds of zones, for the where conditions that refer to them.
const (
	zoneArea  = 1 // has polygons: inside and outside apply
	zoneLines = 2 // only lines and points: distances only
)

// zone reads one zone: GeoJSON inline (YAML or a JSON text), {file: path},
// or a path alone. area says whether it has polygons.
func (p *parser) zone(n *yaml.Node, field string) (z truce.Zone, area, ok bool) {
	var data []byte
	switch {
	case n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Value == "file":
		data, ok = p.zoneFile(n.Content[1], field+".file")
		z.File, _ = p.str(n.Content[1], field+".file")
	case n.Kind == yaml.MappingNode:
		v, err := p.nodeValue(n, 0)
		if err != nil {
			p.errf(n, field, "%v", err)
			return z, false, false
		}
		if data, err = json.Marshal(v); err != nil {
			p.errf(n, field, "cannot be written as GeoJSON: %v", err)
			return z, false, false
		}
		ok = true
	case n.Kind == yaml.ScalarNode && strings.HasPrefix(strings.TrimSpace(n.Value), "{"):
		data, ok = []byte(n.Value), true
	case n.Kind == yaml.ScalarNode && !isNull(n) && strings.TrimSpace(n.Value) != "":
		data, ok = p.zoneFile(n, field)
		z.File = n.Value
	default:
		p.errf(n, field, "must be GeoJSON (a geometry, Feature or FeatureCollection), {file: path} or a path, got %s", describe(n))
	}
	if !ok {
		return z, false, false
	}
	built, err := buildZone(data)
	if err != nil {
		p.errf(n, field, "not a GeoJSON zone: %v", err)
		return z, false, false
	}
	z.GeoJSON = data
	return z, built.hasArea(), true
}

func (p *parser) zoneFile(n *yaml.Node, field string) ([]byte, bool) {
	name, ok := p.str(n, field)
	if !ok {
		return nil, false
	}
	b, err := p.readZoneFile(name)
	if err != nil {
		p.errf(n, field, "%v", err)
		return nil, false
	}
	return b, true
}

// readZoneFile reads a zone file relative to the document.
func (p *parser) readZoneFile(name string) ([]byte, error) {
	var f io.ReadCloser
	var err error
	switch {
	case p.opts.FS != nil:
		clean := path.Clean(name)
		if !fs.ValidPath(clean) {
			return nil, fmt.Errorf("%q is not a path inside the document's folder", name)
		}
		f, err = p.opts.FS.Open(clean)
	case p.opts.Dir != "":
		full := name
		if !filepath.IsAbs(name) {
			full = filepath.Join(p.opts.Dir, filepath.FromSlash(name))
		}
		f, err = os.Open(full)
	default:
		return nil, fmt.Errorf("zone files cannot be read for a document loaded without its folder (as through the API); give the zone's GeoJSON inline")
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("cannot read %q: no such file (paths are relative to the document)", name)
		}
		return nil, fmt.Errorf("cannot read %q: %v", name, errors.Unwrap(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxZoneFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %q: %v", name, err)
	}
	if len(b) > MaxZoneFileBytes {
		return nil, fmt.Errorf("%q is larger than %d bytes", name, MaxZoneFileBytes)
	}
	return b, nil
}

// nodeValue turns a YAML node into the value JSON would give it, so inline
// GeoJSON may be written in YAML. Aliases are refused: geometry has no use
// for them and they could expand without bound.
func (p *parser) nodeValue(n *yaml.Node, depth int) (any, error) {
	if depth > 32 {
		return nil, errors.New("nested too deeply for GeoJSON")
	}
	if !p.visit(n) {
		return nil, errors.New("too large")
	}
	switch n.Kind {
	case yaml.AliasNode:
		return nil, errors.New("YAML aliases are not allowed inside a zone's geometry")
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: GeoJSON keys must be names", k.Line)
			}
			v, err := p.nodeValue(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			m[k.Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, c := range n.Content {
			v, err := p.nodeValue(c, depth+1)
			if err != nil {
				return nil, err
			}
			l[i] = v
		}
		return l, nil
	}
	return scalarValue(n), nil
}

// scalarValue returns a scalar as JSON would see it.
func scalarValue(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true")
	case "!!int", "!!float":
		if f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil {
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		}
	}
	return n.Value
}
