// Command gen writes internal/demo/scenario.ndjson from the scenario tables
// of package demo. Run it from anywhere inside the module:
//
//	go generate ./internal/demo
//	go run ./internal/demo/gen
//	go run ./internal/demo/gen -check   # exit 1 when the file is stale
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/truce-monitor/truce/internal/demo"
)

func main() {
	check := flag.Bool("check", false, "only check that the file is up to date")
	flag.Parse()
	if err := run(*check); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(check bool) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	path := filepath.Join(root, "internal", "demo", "scenario.ndjson")
	out := demo.Generate()
	if check {
		old, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Equal(old, out) {
			return fmt.Errorf("%s is stale: run go generate ./internal/demo", path)
		}
		return nil
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d reports\n", path, bytes.Count(out, []byte{'\n'}))
	return nil
}

// moduleRoot walks up from the working directory to the folder holding
// go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
