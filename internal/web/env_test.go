package web_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/agreement"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/auth"
	"github.com/truce-monitor/truce/internal/demo"
	"github.com/truce-monitor/truce/internal/geocode"
	"github.com/truce-monitor/truce/internal/httpapi"
	"github.com/truce-monitor/truce/internal/intake"
	"github.com/truce-monitor/truce/internal/pipeline"
	"github.com/truce-monitor/truce/internal/sqlite"
	"github.com/truce-monitor/truce/internal/translog"
	"github.com/truce-monitor/truce/internal/web"
)

// env is a running Truce with its pages, loaded as `truce demo` loads it:
// the agreement templates and the demo scenario through intake, plus a
// few incidents taken through the follow-up (published, replied to) so
// that the public sees something and the incident page shows it all.
type env struct {
	URL       string
	App       *app.App
	Log       *translog.Log
	Clock     *truce.FixedClock
	Tokens    map[truce.Role]string // admin, monitor, analyst, viewer
	PartyUA   string                // a token of party UA
	PartyRU   string
	Published []string // ids of published incidents, the first a violation
}

// demoNow is the fixed time of the test instance: two days after the
// scenario's last report.
var demoNow = time.Date(2025, 9, 12, 9, 0, 0, 0, time.UTC)

var (
	sharedOnce sync.Once
	shared     *env
	sharedErr  error
)

// sharedEnv returns one instance for the package's tests, built on first
// use in a directory that outlives the tests that share it.
func sharedEnv(t testing.TB) *env {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = newEnv(context.Background(), "") })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

// newEnv builds an instance in dir (a fresh temporary folder when "").
func newEnv(ctx context.Context, dir string) (*env, error) {
	if dir == "" {
		d, err := tempDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	store, err := sqlite.Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, "truce.test/log")
	if err != nil {
		return nil, err
	}
	signer, _ := note.NewSigner(skey)
	clock := truce.NewFixedClock(demoNow)
	lg, err := translog.New(signer, vkey, "truce.test/log", clock, store, translog.Options{Interval: -1})
	if err != nil {
		return nil, err
	}
	a := &app.App{Store: store, Log: lg, Clock: clock, Geocoder: geocode.Default(), Pipeline: pipeline.New(clock)}
	e := &env{App: a, Log: lg, Clock: clock, Tokens: map[truce.Role]string{}}
	if err := e.load(ctx); err != nil {
		return nil, err
	}
	pages, err := web.New(web.Config{App: a, Log: lg})
	if err != nil {
		return nil, err
	}
	srv := &httpapi.Server{App: a, Log: lg.Handler(), Web: pages,
		Proofs: func(ctx context.Context, typ, id string) (any, error) { return lg.EntriesFor(ctx, typ, id) }}
	e.URL = httptest.NewServer(srv.Handler()).URL
	return e, lg.SignNow(ctx)
}

// load files the agreements and the scenario, makes the tokens and takes
// a few incidents through the follow-up.
func (e *env) load(ctx context.Context) error {
	admin := truce.WithPrincipal(ctx, truce.Principal{ID: "demo", Role: truce.RoleAdmin, Name: "demo loader"})
	params := map[string]map[string]string{
		demo.TruceAgreement:  {"start": demo.TruceStart, "days": itoa(demo.TruceDays)},
		"full-ceasefire-30d": {"start": "2025-03-12T00:00:00+02:00"},
	}
	for _, tp := range agreement.Templates() {
		if _, err := e.App.LoadAgreement(admin, tp.Source, params[tp.ID], agreement.ParseOptions{}); err != nil {
			return err
		}
	}
	zoned, err := os.ReadFile("testdata/plant-zone.yaml")
	if err != nil {
		return err
	}
	if _, err := e.App.LoadAgreement(admin, zoned, nil, agreement.ParseOptions{}); err != nil {
		return err
	}
	var items []intake.Item
	if err := intake.Decode(bytes.NewReader(demo.Scenario()), intake.NDJSON, func(it intake.Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		return err
	}
	if _, err := e.App.Submit(admin, "demo scenario", items); err != nil {
		return err
	}
	for _, r := range []truce.Role{truce.RoleAdmin, truce.RoleMonitor, truce.RoleAnalyst, truce.RoleViewer} {
		_, secret, err := auth.Create(ctx, e.App.Store, e.Clock, r, "", "test "+string(r))
		if err != nil {
			return err
		}
		e.Tokens[r] = secret
	}
	if _, e.PartyUA, err = auth.Create(ctx, e.App.Store, e.Clock, truce.RoleParty, "UA", "test UA"); err != nil {
		return err
	}
	if _, e.PartyRU, err = auth.Create(ctx, e.App.Store, e.Clock, truce.RoleParty, "RU", "test RU"); err != nil {
		return err
	}
	return e.publish(admin)
}

// publish takes the newest violations of the air-sea truce and a few
// other incidents through review to publication, and has party RU reply
// to the first.
func (e *env) publish(admin context.Context) error {
	vs, _, err := e.App.Incidents(admin, truce.IncidentFilter{Agreement: demo.TruceAgreement, Verdict: truce.Violation, Limit: 6})
	if err != nil {
		return err
	}
	others, _, err := e.App.Incidents(admin, truce.IncidentFilter{Agreement: demo.TruceAgreement, Verdict: truce.NoViolation, Limit: 3})
	if err != nil {
		return err
	}
	for _, in := range append(vs, others...) {
		for _, step := range []struct {
			to   truce.Status
			note string
		}{{truce.StatusUnderReview, ""}, {truce.StatusVerified, "corroborated by two independent chains"},
			{truce.StatusPublished, "published after review"}} {
			e.Clock.Advance(time.Minute)
			if _, err := e.App.SetStatus(admin, in.ID, step.to, step.note); err != nil {
				return err
			}
		}
		e.Published = append(e.Published, in.ID)
	}
	ru := truce.WithPrincipal(admin, truce.Principal{ID: "ru", Role: truce.RoleParty, Party: "RU", Name: "RU"})
	_, err = e.App.Reply(ru, e.Published[0], app.ReplyInput{Position: truce.PositionContest,
		Contests: []string{"attribution"}, Text: "The damage was caused by a Ukrainian air-defence missile."}, nil)
	return err
}

func itoa(n int) string { return strconv.Itoa(n) }

// tempDirs are the folders of instances, removed when the tests end.
var tempDirs []string

func tempDir() (string, error) {
	d, err := os.MkdirTemp("", "truce-web-test-")
	if err == nil {
		tempDirs = append(tempDirs, d)
	}
	return d, err
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Log.Close()
	}
	for _, d := range tempDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}
