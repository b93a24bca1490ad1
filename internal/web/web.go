// Package web serves Truce's pages: the overview map and counts, the list
// of incidents with its downloads, one incident, the agreements, the daily
// report, the transparency log, sign-in and the report form. Pages are
// rendered on the server from embedded templates, in English, Ukrainian
// and Russian, and need nothing beyond the server itself: the map library
// and the region boundaries are embedded too.
//
// The pages read and act only through the services of internal/app, with
// the signed-in user's principal in the request context, so that they show
// exactly what the API would show the same caller.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
	_ "time/tzdata" // Kyiv time on hosts without a zone database

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/translog"
)

// LogSource is the transparency log as the pages show it; *translog.Log
// implements it.
type LogSource interface {
	// Checkpoint returns the latest signed checkpoint with its
	// cosignatures, or ENOTFOUND before the first.
	Checkpoint(ctx context.Context) ([]byte, error)
	// VerifierKey returns the note verifier key of the log.
	VerifierKey() string
	// EntriesFor returns the entries of one record with inclusion proofs.
	EntriesFor(ctx context.Context, recordType, id string) ([]translog.EntryProof, error)
}

// Config says what the pages run on.
type Config struct {
	App *app.App
	// Log is the transparency log; nil leaves its sections empty.
	Log LogSource
	// TileURL is an optional XYZ tile template for the maps
	// ("https://tiles.example.org/{z}/{x}/{y}.png"); empty draws only the
	// embedded boundaries, which needs no network.
	TileURL string
	// TileAttribution credits the tiles' source on the maps.
	TileAttribution string
	Logger          *slog.Logger
}

// Handler serves the pages.
type Handler struct {
	cfg    Config
	mux    *http.ServeMux
	pages  *pages
	static *staticFiles
	cop    *http.CrossOriginProtection
	csp    string
}

// New returns the pages' handler.
func New(cfg Config) (*Handler, error) {
	if cfg.App == nil {
		return nil, errors.New("web: no app")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	st, err := loadStatic()
	if err != nil {
		return nil, err
	}
	h := &Handler{cfg: cfg, static: st, cop: http.NewCrossOriginProtection()}
	h.pages, err = loadPages(st)
	if err != nil {
		return nil, err
	}
	h.csp = contentPolicy(cfg.TileURL)
	h.mux = http.NewServeMux()
	h.routes()
	return h, nil
}

// routes lists the pages, in one place.
func (h *Handler) routes() {
	m := h.mux
	m.HandleFunc("GET /{$}", h.page(h.overview))
	m.HandleFunc("GET /incidents", h.page(h.incidentList))
	m.HandleFunc("GET /incidents.csv", h.page(h.exportCSV))
	m.HandleFunc("GET /incidents.geojson", h.page(h.exportGeoJSON))
	m.HandleFunc("GET /incidents/{id}", h.page(h.incident))
	m.HandleFunc("GET /agreements", h.page(h.agreementList))
	m.HandleFunc("GET /agreements/{id}", h.page(h.agreement))
	m.HandleFunc("GET /reports/daily", h.page(h.dailyLatest))
	m.HandleFunc("GET /reports/daily/{date}", h.page(h.daily))
	m.HandleFunc("GET /reports/new", h.page(h.reportForm))
	m.HandleFunc("POST /reports/new", h.page(h.reportSubmit))
	m.HandleFunc("GET /log", h.page(h.logPage))
	m.HandleFunc("GET /signin", h.page(h.signinForm))
	m.HandleFunc("POST /signin", h.page(h.signin))
	m.HandleFunc("POST /signout", h.page(h.signout))
	m.HandleFunc("GET /map/incidents.geojson", h.page(h.mapIncidents))
	m.HandleFunc("GET /map/base/{name}", h.page(h.mapBase))
	m.Handle("GET /static/", h.static)
	m.HandleFunc("/", h.page(func(w http.ResponseWriter, r *http.Request, rq *request) error {
		return truce.NotFound("page", r.URL.Path)
	}))
}

// ServeHTTP serves a page.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", h.csp)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "same-origin")
	hd.Set("X-Frame-Options", "DENY")
	h.mux.ServeHTTP(w, r)
}

// contentPolicy allows the page's own scripts, styles and data, and the
// tile server's images when one is configured.
func contentPolicy(tiles string) string {
	img := "'self' data:"
	if u, err := url.Parse(strings.NewReplacer("{s}", "a", "{z}", "0", "{x}", "0", "{y}", "0").Replace(tiles)); err == nil && u.Host != "" {
		img += " " + u.Scheme + "://" + strings.TrimPrefix(u.Host, "a.")
		if strings.Contains(tiles, "{s}") {
			img += " " + u.Scheme + "://*." + strings.TrimPrefix(u.Host, "a.")
		}
	}
	return "default-src 'self'; img-src " + img + "; style-src 'self'; script-src 'self'; " +
		"connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
}

// kyiv is the mission's time zone: days of reports begin and end there,
// and every time is shown there too.
var kyiv = loadKyiv()

func loadKyiv() *time.Location {
	z, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		return time.FixedZone("EET", 2*3600)
	}
	return z
}
