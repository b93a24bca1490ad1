package agreement

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

// withoutFields compiles a with every zone measured exactly, for checking
// that the distance field only saves work and never changes an answer.
func withoutFields(t *testing.T, a *truce.Agreement) *Compiled {
	c := mustCompile(t, a)
	for i := range c.rules {
		if z := c.rules[i].acts.where.z; z != nil {
			z.field = nil
		}
	}
	return c
}

const fieldTerms = `id: field-terms
parties: [RU, UA]
in_force: {from: 2025-01-01T00:00Z}
zones:
  z: ZONE
rules:
  - {id: "1", prohibits: {kinds: [strike], where: {beyond_km: 30, of: z}}}
  - {id: "2", prohibits: {kinds: [strike], where: {within_km: 12.5, of: z}}}
  - {id: "3", prohibits: {kinds: [strike], where: {inside: z}}}
  - {id: "4", prohibits: {kinds: [strike], where: {outside: z}}}
`

func TestDistFieldNeverChangesAnAnswer(t *testing.T) {
	type doc struct {
		src  string
		opts ParseOptions
	}
	docs := []doc{{strings.Replace(fieldTerms, "ZONE", squareZone, 1), ParseOptions{}}}
	if file := sharedDataOptional("geo/deepstate_occupied/deepstatemap_data_20250420.geojson"); file != "" {
		docs = append(docs, doc{strings.Replace(fieldTerms, "ZONE", "{file: "+filepath.Base(file)+"}", 1), ParseOptions{Dir: filepath.Dir(file)}})
	} else {
		t.Log("shared data absent: the square zone only")
	}
	r := rand.New(rand.NewPCG(21, 22))
	for k, d := range docs {
		fast := mustCompile(t, mustLoad(t, d.src, nil, d.opts))
		exact := withoutFields(t, mustLoad(t, d.src, nil, d.opts))
		for i := 0; i < 20000; i++ {
			in := inc(point(44+r.Float64()*10, 28+r.Float64()*14, []float64{0, 50, 3000, 12000, 40000}[r.IntN(5)]))
			if diff := cmp.Diff(Evaluate(in, exact), Evaluate(in, fast)); diff != "" {
				t.Fatalf("doc %d: the field changed the verdict at %v (-exact +field):\n%s", k, in.Location, diff)
			}
		}
	}
}
