// Command gen builds the gazetteer's data files from the project's shared
// source data:
//
//	go run ./internal/gazetteer/gen -data ../shared/data/geo -out internal/gazetteer/data
//
// It writes gazetteer.tsv.gz (settlements, regions, countries and their
// name forms), admin1.geojson.gz (region polygons for Locate) and, for the
// web map, web/oblasts.geojson and web/occupied.geojson. The output depends
// only on the input: running it twice gives the same bytes. With -check it
// writes nothing and fails when the files on disk differ from a fresh build.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

func main() {
	data := flag.String("data", "../shared/data/geo", "folder of the source data (geo/ of the shared data)")
	out := flag.String("out", "internal/gazetteer/data", "folder to write the data files to")
	check := flag.Bool("check", false, "compare with the files in -out instead of writing them")
	flag.Parse()
	if err := run(*data, *out, *check); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run builds and writes, or checks, the data files.
func run(data, out string, check bool) error {
	res, err := build(data)
	if err != nil {
		return err
	}
	for _, l := range res.log {
		fmt.Fprintln(os.Stderr, l)
	}
	names := make([]string, 0, len(res.files))
	for n := range res.files {
		names = append(names, n)
	}
	sort.Strings(names)
	stale := 0
	for _, n := range names {
		path := filepath.Join(out, filepath.FromSlash(n))
		if check {
			old, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(old, res.files[n]) {
				fmt.Fprintf(os.Stderr, "%s is not what the build makes\n", path)
				stale++
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, res.files[n], 0o644); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", path, len(res.files[n]))
	}
	if stale > 0 {
		return fmt.Errorf("%d files are stale: run go generate ./internal/gazetteer", stale)
	}
	return nil
}
