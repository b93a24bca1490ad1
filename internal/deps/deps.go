// Package deps pins modules that later packages import; it is removed once they do.
package deps

import (
	_ "github.com/chromedp/chromedp"
	_ "github.com/google/go-cmp/cmp"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/paulmach/orb"
	_ "github.com/prometheus/client_golang/prometheus"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/transparency-dev/merkle/proof"
	_ "github.com/transparency-dev/merkle/rfc6962"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/mod/sumdb/note"
	_ "golang.org/x/mod/sumdb/tlog"
	_ "modernc.org/sqlite"
)
