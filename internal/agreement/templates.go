package agreement

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/truce-monitor/truce"
)

//go:embed templates/*.yaml
var templateFS embed.FS

// Template is an agreement document shipped with Truce (agreement-format.md,
// "Templates shipped with Truce"): the real or proposed agreements of 2025,
// which users load as they are (with parameters where they take them), or
// copy and adapt.
type Template struct {
	ID     string      `json:"id"`
	Kind   string      `json:"kind"`
	Title  truce.Texts `json:"title"`
	Params []ParamSpec `json:"params,omitempty"` // e.g. start (required), days (default 30)
	Source []byte      `json:"-"`                // the YAML document
}

var templates = sync.OnceValue(func() []Template {
	entries, err := templateFS.ReadDir("templates")
	if err != nil {
		panic(err)
	}
	var out []Template
	for _, e := range entries {
		src, err := templateFS.ReadFile(path.Join("templates", e.Name()))
		if err != nil {
			panic(err)
		}
		t, err := newTemplate(src)
		if err != nil {
			panic(fmt.Sprintf("agreement: template %s: %v", e.Name(), err))
		}
		if t.ID+".yaml" != e.Name() {
			panic(fmt.Sprintf("agreement: template %s has id %s", e.Name(), t.ID))
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
})

// newTemplate reads a template's description. Required parameters are
// filled with a stand-in so that the rest of the document is checked.
func newTemplate(src []byte) (Template, error) {
	specs, err := DocumentParams(src)
	if err != nil {
		return Template{}, err
	}
	stand := map[string]string{}
	for _, s := range specs {
		if s.Required {
			stand[s.Name] = map[string]string{"time": "2025-09-01T00:00+03:00", "integer": "30"}[s.Type]
		}
	}
	a, err := Load(src, stand, ParseOptions{})
	if err != nil {
		return Template{}, err
	}
	return Template{ID: a.ID, Kind: a.Kind, Title: a.Title, Params: specs, Source: src}, nil
}

// Templates returns the shipped templates, by id.
func Templates() []Template { return append([]Template(nil), templates()...) }

// TemplateByID returns the shipped template with the given id.
func TemplateByID(id string) (Template, bool) {
	for _, t := range templates() {
		if t.ID == id {
			return t, true
		}
	}
	return Template{}, false
}

// TemplateIDs lists the ids of the shipped templates, for messages.
func TemplateIDs() string {
	var ids []string
	for _, t := range templates() {
		ids = append(ids, t.ID)
	}
	return strings.Join(ids, ", ")
}

// LoadTemplate loads a shipped template with the given parameters.
func LoadTemplate(id string, params map[string]string) (*truce.Agreement, error) {
	t, ok := TemplateByID(id)
	if !ok {
		return nil, truce.Errorf(truce.ENOTFOUND, "no template %q (templates: %s)", id, TemplateIDs())
	}
	return Load(t.Source, params, ParseOptions{})
}
