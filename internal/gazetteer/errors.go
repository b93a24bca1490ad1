package gazetteer

import (
	"fmt"
	"strings"
)

// AmbiguousError is returned by Lookup when a name fits several entries and
// the hints given do not pick one.
type AmbiguousError struct {
	Query      string
	Candidates []Entry // towns of 15,000 or more first, then other listed places, then postal villages
}

// maxListed is how many candidates an error message names.
const maxListed = 8

// Error lists the candidates with their regions, e.g. `place "Samara" is
// ambiguous: Samar (Dnipropetrovsk, UA), Samara (Samara, RU); give
// location.admin1 or location.country`; when two share a region, their
// raions are named and a raion hint suggested ("Serhiivka, Tomakivskyi").
func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "place %q is ambiguous: ", e.Query)
	regions := make(map[string]int)
	for _, c := range e.Candidates {
		regions[c.Admin1+"/"+c.Country]++
	}
	for i, c := range e.Candidates {
		if i == maxListed {
			fmt.Fprintf(&b, " and %d more", len(e.Candidates)-maxListed)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(describe(c, regions[c.Admin1+"/"+c.Country] > 1))
	}
	b.WriteString("; give location.admin1 or location.country")
	for _, n := range regions {
		if n > 1 {
			b.WriteString(", or the raion after a comma in location.place")
			break
		}
	}
	return b.String()
}

// describe writes an entry as "Samar (Dnipropetrovsk, UA)", with the raion
// when withRaion is set and the entry has one.
func describe(c Entry, withRaion bool) string {
	if withRaion && c.Admin2 != "" {
		return fmt.Sprintf("%s (%s, %s raion, %s)", c.Name, c.Admin1, c.Admin2, c.Country)
	}
	if c.Admin1 == "" || c.Admin1 == c.Name && c.Precision == PrecisionAdmin1 {
		return fmt.Sprintf("%s (%s)", c.Name, c.Country)
	}
	return fmt.Sprintf("%s (%s, %s)", c.Name, c.Admin1, c.Country)
}

// NotFoundError is returned by Lookup when a place, region or country is not
// in the gazetteer, or not where the hints say.
type NotFoundError struct {
	Field       string   // "location.place", "location.admin1" or "location.country"
	Query       string   // the value as given
	Within      string   // the hints the place was looked for in, if any
	KnownIn     []string // regions where the place is known, when hints ruled them out
	Suggestions []string // similar known names
}

// Error says what was not found and what might have been meant.
func (e *NotFoundError) Error() string {
	var b strings.Builder
	switch {
	case e.Within != "":
		fmt.Fprintf(&b, "%s %q is not known in %s", e.Field, e.Query, e.Within)
		if len(e.KnownIn) > 0 {
			fmt.Fprintf(&b, " (it is known in %s)", strings.Join(e.KnownIn, "; "))
		}
	case e.Field == "location.admin1":
		fmt.Fprintf(&b, "%s %q is not a known region (Ukrainian oblasts, Crimea, Kyiv City, Sevastopol and regions of western Russia are)", e.Field, e.Query)
	case e.Field == "location.country":
		fmt.Fprintf(&b, "%s %q is not covered (the gazetteer knows UA and RU)", e.Field, e.Query)
	default:
		fmt.Fprintf(&b, "%s %q is not in the gazetteer", e.Field, e.Query)
	}
	if len(e.Suggestions) > 0 {
		fmt.Fprintf(&b, "; did you mean %s?", strings.Join(e.Suggestions, " or "))
	}
	return b.String()
}
