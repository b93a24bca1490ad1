package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// smallPlaces is a handful of settlements (facts of geography) so the
// golden tests do not depend on a gazetteer's contents.
var smallPlaces = PlaceList{
	{ID: "t:1", Name: "Kremenchuk", NameUK: "Кременчук", NameRU: "Кременчуг", Admin1: "Poltava", Country: "UA", Population: 220000},
	{ID: "t:2", Name: "Sloviansk", NameUK: "Слов'янськ", NameRU: "Славянск", Admin1: "Donetsk", Country: "UA", Population: 110000},
	{ID: "t:3", Name: "Kramatorsk", NameUK: "Краматорськ", NameRU: "Краматорск", Admin1: "Donetsk", Country: "UA", Population: 150000},
	{ID: "t:4", Name: "Kryvyi Rih", NameUK: "Кривий Ріг", NameRU: "Кривой Рог", Admin1: "Dnipropetrovsk", Country: "UA", Population: 600000},
	{ID: "t:5", Name: "Shebekino", NameUK: "Шебекіне", NameRU: "Шебекино", Admin1: "Belgorod", Country: "RU", Population: 40000},
	{ID: "t:6", Name: "Bucha", NameUK: "Буча", NameRU: "Буча", Admin1: "Kyiv", Country: "UA", Population: 37000},
	{ID: "t:7", Name: "Izium", NameUK: "Ізюм", NameRU: "Изюм", Admin1: "Kharkiv", Country: "UA", Population: 45000},
}

var goldenEx = New(smallPlaces)

// goldenPub is the publication time of every golden text: a Friday.
var goldenPub = time.Date(2025, 8, 15, 9, 30, 0, 0, time.FixedZone("EEST", 3*3600))

// TestGolden runs the extractor on short texts written for each
// construction it handles and compares the NDJSON with testdata/golden.
// Run with -update to rewrite the expected files.
func TestGolden(t *testing.T) {
	texts, err := filepath.Glob("testdata/golden/*.txt")
	if err != nil || len(texts) == 0 {
		t.Fatalf("no golden texts: %v", err)
	}
	for _, path := range texts {
		t.Run(filepath.Base(path), func(t *testing.T) {
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			reps := goldenEx.Extract(string(text), Options{Published: goldenPub, Source: "golden", Ref: filepath.Base(path)})
			var got bytes.Buffer
			for i := range reps {
				if errs := (truce.Validator{}).Validate(&reps[i], goldenPub); len(errs) > 0 {
					t.Errorf("report %d fails validation: %v", i, errs)
				}
				b, err := json.Marshal(reps[i])
				if err != nil {
					t.Fatal(err)
				}
				got.Write(b)
				got.WriteByte('\n')
			}
			want := path[:len(path)-len(".txt")] + ".ndjson"
			if *update {
				if err := os.WriteFile(want, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			exp, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(exp, got.Bytes()) {
				t.Errorf("reports differ from %s (go test -run TestGolden -update to accept):\ngot:\n%s\nwant:\n%s", want, got.Bytes(), exp)
			}
		})
	}
}

// TestConcurrentExtract: one extractor serves several goroutines at once
// (its buffers are pooled) and gives each the same reports as alone.
func TestConcurrentExtract(t *testing.T) {
	texts, _ := filepath.Glob("testdata/golden/*.txt")
	var inputs []string
	var want [][]byte
	for _, p := range texts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
		j, _ := json.Marshal(goldenEx.Extract(string(b), Options{Published: goldenPub}))
		want = append(want, j)
	}
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func(g int) {
			for round := 0; round < 20; round++ {
				for k := range inputs {
					i := (k + g) % len(inputs)
					j, _ := json.Marshal(goldenEx.Extract(inputs[i], Options{Published: goldenPub}))
					if !bytes.Equal(j, want[i]) {
						errs <- fmt.Errorf("%s: reports differ under concurrency", texts[i])
						return
					}
				}
			}
			errs <- nil
		}(g)
	}
	for g := 0; g < 4; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
