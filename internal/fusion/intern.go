package fusion

import "strings"

// sym is an interned string; 0 is the empty string.
type sym int32

// interner stores each distinct string once, so that a million members
// naming the same few regions, places and classes cost a few bytes each.
type interner struct {
	ids   map[string]sym
	strs  []string
	cache [64]sym // by length and last byte: most strings repeat
}

func newInterner() interner {
	return interner{ids: map[string]sym{}, strs: []string{""}}
}

// id returns the symbol of s, adding it when new.
func (in *interner) id(s string) sym {
	if s == "" {
		return 0
	}
	slot := (len(s)*7 + int(s[len(s)-1])) & 63
	if x := in.cache[slot]; x != 0 && in.strs[x] == s {
		return x
	}
	if x, ok := in.ids[s]; ok {
		in.cache[slot] = x
		return x
	}
	x := sym(len(in.strs))
	s = strings.Clone(s)
	in.strs = append(in.strs, s)
	in.ids[s] = x
	in.cache[slot] = x
	return x
}

// str returns the string of x.
func (in *interner) str(x sym) string { return in.strs[x] }

// normName is the comparison form of a source name: trimmed, lower case,
// inner runs of space folded.
func normName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
