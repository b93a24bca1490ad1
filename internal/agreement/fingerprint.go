package agreement

import (
	"encoding/json"
	"time"

	"github.com/truce-monitor/truce"
)

// Fingerprint returns the hex SHA-256 of an agreement's canonical JSON,
// leaving out what does not change its meaning or text: the version number
// (the server assigns it), the parameters it was loaded with (their values
// are in the window), the file names of its zones (their content counts)
// and the zones' JSON layout; times count as instants. Two documents with
// the same fingerprint are the same version: loading one again adds
// nothing, and a changed document is a new version.
func Fingerprint(a *truce.Agreement) string {
	c := *a
	c.Version = 0
	c.Params = nil
	c.InForce.From = c.InForce.From.UTC()
	c.InForce.To = utcPtr(c.InForce.To)
	c.InForce.Disputed = nil
	for _, d := range a.InForce.Disputed {
		c.InForce.Disputed = append(c.InForce.Disputed, truce.DisputedWindow{Party: d.Party, From: utcPtr(d.From), To: utcPtr(d.To)})
	}
	if a.Zones != nil {
		c.Zones = map[string]truce.Zone{}
		for name, z := range a.Zones {
			c.Zones[name] = truce.Zone{GeoJSON: z.GeoJSON} // canonicalised below
		}
	}
	h, err := truce.RecordHash(c)
	if err != nil {
		// Only a zone whose GeoJSON is not JSON fails (Parse rules that
		// out): hash such zones as text.
		for name, z := range c.Zones {
			q, _ := json.Marshal(string(z.GeoJSON))
			c.Zones[name] = truce.Zone{GeoJSON: q}
		}
		h, _ = truce.RecordHash(c)
	}
	return h
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
