package agreement

import (
	"testing"
	"testing/fstest"
)

// FuzzParse feeds Parse arbitrary documents: it must never panic, and a
// document it accepts must compile, fingerprint and evaluate.
func FuzzParse(f *testing.F) {
	for _, tp := range Templates() {
		f.Add(string(tp.Source), "2025-09-01T00:00+03:00")
	}
	f.Add(specExample, "")
	f.Add(baseDoc, "")
	f.Add(propertyDoc, "")
	f.Add(termsHead+strikesAny, "")
	f.Add(edit(17, "      weapons: [ballistic]"), "")
	f.Add("params:\n  start: {required: true}\n"+baseDoc, "2025-01-01")
	f.Add("id: x\nparties: [RU]\nin_force: {from: ${start}}\nrules: [{id: a, prohibits: {}}]\n", "bad")
	f.Add("a: &a [*a]\n", "")
	f.Add("{", "")
	files := fstest.MapFS{"contact-line.geojson": {Data: []byte(squareZone)}}
	probe := inc()
	f.Fuzz(func(t *testing.T, doc, start string) {
		params := map[string]string{"start": start}
		if start == "" {
			params = nil
		}
		a, err := Load([]byte(doc), params, ParseOptions{FS: files})
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("error %T is not a *ParseError: %v", err, err)
			}
			return
		}
		c, err := Compile(a)
		if err != nil {
			t.Fatalf("a parsed document does not compile: %v", err)
		}
		_ = Fingerprint(a)
		v := Evaluate(probe, c)
		if v.Verdict == "" || len(v.Reasons) == 0 {
			t.Fatalf("empty verdict %+v", v)
		}
		inst, err := Instantiate([]byte(doc), params)
		if err != nil {
			t.Fatalf("Instantiate fails on a document Load accepts: %v", err)
		}
		again, err := Parse(inst, ParseOptions{FS: files})
		if err != nil {
			t.Fatalf("the instantiated document does not parse: %v\n%s", err, inst)
		}
		if Fingerprint(again) != Fingerprint(a) {
			t.Fatalf("the instantiated document means something else:\n%s", inst)
		}
	})
}
