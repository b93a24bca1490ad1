package web_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The browser tests drive Debian's chromium, headless, against a test
// instance. Without chromium they skip, except under CI=true, where they
// fail: CI installs it.

const chromiumPath = "/usr/bin/chromium"

// tab is a browser tab with the console messages its pages wrote.
type tab struct {
	t    testing.TB
	ctx  context.Context
	mu   sync.Mutex
	log  []chromedp.ConsoleMessage
	page string // the URL of the page loaded last
}

// newTab starts a browser with a window of the given size and opens a tab.
func newTab(t testing.TB, width, height int) *tab {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s is missing: the browser tests need it (apt-get install -y chromium)", chromiumPath)
		}
		t.Skipf("skipping the browser tests: %s is missing (apt-get install -y chromium)", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true), chromedp.Flag("lang", "en-GB"),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(width, height),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	tb := &tab{t: t, ctx: ctx}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.log = append(tb.log, m)
			tb.mu.Unlock()
		}
	}()
	return tb
}

// do runs actions with a time limit, failing the test on an error.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		tb.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// open loads a page and waits until it and its map, if it has one, are
// drawn; it returns the page's HTTP status.
func (tb *tab) open(path string) int64 {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(sharedEnv(tb.t).URL+path))
	if err != nil {
		tb.t.Fatalf("open %s: %v", path, err)
	}
	tb.page = resp.URL
	tb.waitMap()
	return resp.Status
}

// waitMap waits until the page's map, if any, has its base layers and
// its incidents.
func (tb *tab) waitMap() {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(function () {
		var m = document.getElementById('map');
		return !m || (m.getAttribute('data-base') !== null && m.getAttribute('data-points') !== null);
	})()`, chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		tb.t.Fatalf("the map of %s was not drawn: %v", eval[string](tb, "location.pathname"), err)
	}
}

// errors returns the console errors and exceptions since the last call.
func (tb *tab) errors() []string {
	time.Sleep(100 * time.Millisecond) // let the last messages arrive
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var out []string
	for _, m := range tb.log {
		if m.Source == "network" && tb.page != "" && m.URL == tb.page {
			continue // the page's own status, which the tests check
		}
		if m.Type == chromedp.ConsoleError || m.IsException() {
			out = append(out, fmt.Sprintf("%s (%s:%d)", m.Text, m.URL, m.Line+1))
		}
	}
	tb.log = nil
	return out
}

// signIn puts a session cookie for token in the browser, as the sign-in
// form does (the form itself has its own test).
func (tb *tab) signIn(token string) {
	tb.t.Helper()
	httpOnly := true
	set := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.SetCookie, network.SetCookieParams{Name: "truce_session", Value: token,
			URL: sharedEnv(tb.t).URL + "/", Path: "/", HTTPOnly: &httpOnly, SameSite: network.CookieSameSiteStrict})
		return err
	})
	tb.do("set the session cookie", set)
}

// signOut drops every cookie of the browser.
func (tb *tab) signOut() {
	tb.t.Helper()
	clear := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.ClearBrowserCookies, cdp.Empty{})
		return err
	})
	tb.do("clear cookies", clear)
}

// submit clicks a form's button and waits for the page it loads, whose
// status it returns.
func (tb *tab) submit(button string) int64 {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(button)))
	if err != nil {
		tb.t.Fatalf("submit %s: %v", button, err)
	}
	tb.page = resp.URL
	tb.waitMap()
	return resp.Status
}

// submitBy runs a script that submits a form and waits for the page it
// loads, whose status it returns.
func (tb *tab) submitBy(what, script string) int64 {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Evaluate[chromedp.Void](script))
	if err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
	tb.page = resp.URL
	tb.waitMap()
	return resp.Status
}
