package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/truce-monitor/truce"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFS embed.FS

// staticFiles serves the embedded static files under /static/, with long
// caching: their URLs carry a hash of their content.
type staticFiles struct {
	hashes map[string]string // name under static/ → short hash
}

func loadStatic() (*staticFiles, error) {
	st := &staticFiles{hashes: map[string]string{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		st.hashes[strings.TrimPrefix(p, "static/")] = hex.EncodeToString(sum[:5])
		return nil
	})
	return st, err
}

// url returns the URL of a static file, versioned by its content.
func (st *staticFiles) url(name string) string {
	h, ok := st.hashes[name]
	if !ok {
		panic("web: no static file " + name)
	}
	return "/static/" + name + "?v=" + h
}

func (st *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	b, err := staticFS.ReadFile("static/" + name)
	if err != nil || strings.Contains(name, "..") {
		http.NotFound(w, r)
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	if r.URL.Query().Get("v") == st.hashes[name] {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Write(b)
}

// pages are the parsed templates: per language, per page.
type pages struct {
	langs catalogues
	sets  map[string]map[string]*template.Template // lang → page → template
}

// pageNames are the templates that render a whole page with layout.html.
var pageNames = []string{"overview", "incidents", "incident", "agreements", "agreement", "daily", "log", "signin", "report", "error"}

func loadPages(st *staticFiles) (*pages, error) {
	langs, err := loadCatalogues()
	if err != nil {
		return nil, err
	}
	ps := &pages{langs: langs, sets: map[string]map[string]*template.Template{}}
	for code, l := range langs {
		ps.sets[code] = map[string]*template.Template{}
		for _, name := range pageNames {
			t, err := template.New("layout.html").Funcs(funcs(l, st)).ParseFS(templateFiles,
				"templates/layout.html", "templates/parts.html", "templates/"+name+".html")
			if err != nil {
				return nil, fmt.Errorf("web: template %s: %w", name, err)
			}
			ps.sets[code][name] = t
		}
	}
	return ps, nil
}

// view is what every page's template gets: the page's own data under
// Data, and what the layout needs.
type view struct {
	Title    string
	Nav      string // the active section of the menu
	User     *truce.Principal
	CSRF     string
	Lang     string
	LangURLs []langURL // this page in each language
	Here     string    // this page's path and query, for sign-in's return
	Map      mapConf
	Data     any
}

// langURL links to the page in one language.
type langURL struct {
	Code, Label, URL string
	Current          bool
}

// mapConf is what the map script needs besides its data.
type mapConf struct {
	Tiles, Attribution string
}

// render writes a page with the given status.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, rq *request, status int, name string, v *view) error {
	v.Lang = rq.lang.Code
	v.CSRF = rq.csrf
	if rq.signed {
		p := rq.p
		v.User = &p
	}
	v.Here = r.URL.RequestURI()
	v.Map = mapConf{Tiles: h.cfg.TileURL, Attribution: h.cfg.TileAttribution}
	for _, code := range Languages {
		q := r.URL.Query()
		q.Set("lang", code)
		v.LangURLs = append(v.LangURLs, langURL{Code: code, Label: h.pages.langs[code].T("lang.short"),
			URL: r.URL.Path + "?" + q.Encode(), Current: code == rq.lang.Code})
	}
	var buf bytes.Buffer
	if err := h.pages.sets[rq.lang.Code][name].Execute(&buf, v); err != nil {
		return fmt.Errorf("web: render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Language", rq.lang.Code)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Add("Vary", "Cookie, Accept-Language")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}
