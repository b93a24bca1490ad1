package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/truce-monitor/truce"
)

// TestScreenshots captures every page, at a desktop width and at a phone's,
// as PNG files in the folder TRUCE_SCREENSHOTS names. scripts/screenshots.sh
// runs it to regenerate docs/screenshots/; without the variable it skips.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("TRUCE_SCREENSHOTS")
	if dir == "" {
		t.Skip("set TRUCE_SCREENSHOTS=DIR to capture the pages (scripts/screenshots.sh does)")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	e := sharedEnv(t)
	monitor := e.Tokens[truce.RoleMonitor]
	shots := []struct {
		name, path, token string
		then              func(tb *tab)
	}{
		{"overview", "/", monitor, nil},
		{"overview-public-uk", "/?lang=uk", "", nil},
		{"incidents", "/incidents?agreement=air-sea-truce&verdict=violation&limit=25", monitor, nil},
		{"incident", "/incidents/" + e.Published[0], monitor, nil},
		{"agreements", "/agreements", monitor, nil},
		{"agreement", "/agreements/air-sea-truce", monitor, nil},
		{"agreement-zones", "/agreements/plant-safety-zone", monitor, nil},
		{"daily", "/reports/daily/2025-09-10", monitor, nil},
		{"log", "/log", "", nil},
		{"signin", "/signin", "", nil},
		{"report-form-errors", "/reports/new", monitor, fileBadReport},
	}
	for _, size := range []struct {
		name          string
		width, height int
	}{{"wide", 1280, 900}, {"narrow", 390, 844}} {
		tb := newTab(t, size.width, size.height)
		for _, s := range shots {
			tb.signOut()
			if s.token != "" {
				tb.signIn(s.token)
			}
			tb.open(s.path + langParam(s.path))
			if s.then != nil {
				s.then(tb)
			}
			png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, s.name+"-"+size.name+".png")
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d KiB", name, len(png)/1024)
		}
	}
}

// langParam asks for English unless the path names a language, so that the
// browser's own language does not decide.
func langParam(path string) string {
	switch {
	case strings.Contains(path, "lang="):
		return ""
	case strings.Contains(path, "?"):
		return "&lang=en"
	}
	return "?lang=en"
}

// fileBadReport fills the report form with a latitude out of range and
// sends it, so that the page shows a field error.
func fileBadReport(tb *tab) {
	tb.do("fill the form",
		chromedp.SendKeys(chromedp.ID("source_name"), "Patrol 14"),
		chromedp.SetValue(chromedp.ID("kind"), "strike"),
		chromedp.SetValue(chromedp.ID("from"), "2025-09-11T10:30"),
		chromedp.SendKeys(chromedp.ID("lat"), "123"),
		chromedp.SendKeys(chromedp.ID("lon"), "37.55"),
		chromedp.SetValue(chromedp.ID("weapon_class"), "artillery"),
	)
	tb.submit("form.report-form button[type=submit]")
}
