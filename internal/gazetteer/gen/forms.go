package main

import (
	"sort"
	"strings"
	"unicode"

	"github.com/truce-monitor/truce/internal/gazetteer"
)

// Letters that only Ukrainian, or only Russian, of the two alphabets has.
const (
	ukOnly = "іїєґІЇЄҐ"
	ruOnly = "ыэёъЫЭЁЪ"
)

// formSet collects normalized name forms.
type formSet map[string]bool

// add puts the normalized forms of names into the set, with the Latin
// spellings of Cyrillic names: KMU-2010 for all, and the Russian styles for
// names without Ukrainian letters.
func (fs formSet) add(names ...string) {
	for _, s := range names {
		n := gazetteer.Normalize(s)
		if len([]rune(n)) < 2 {
			continue
		}
		fs[n] = true
		if !isCyrillic(s) {
			continue
		}
		fs[gazetteer.Normalize(gazetteer.Transliterate(s))] = true
		if !strings.ContainsAny(s, ukOnly) {
			for _, t := range gazetteer.TransliterateRU(s) {
				fs[gazetteer.Normalize(t)] = true
			}
		}
	}
}

// addUK puts the normalized forms of Ukrainian names into the set, with
// their KMU-2010 spelling only.
func (fs formSet) addUK(names ...string) {
	for _, s := range names {
		if n := gazetteer.Normalize(s); len([]rune(n)) >= 2 {
			fs[n] = true
			fs[gazetteer.Normalize(gazetteer.Transliterate(s))] = true
		}
	}
}

// sorted returns the forms in order, leaving out those in skip.
func (fs formSet) sorted(skip ...string) []string {
	out := make([]string, 0, len(fs))
	for n := range fs {
		out = append(out, n)
	}
	sort.Strings(out)
	return removeAll(out, skip)
}

// removeAll drops from sorted list every value of skip.
func removeAll(list, skip []string) []string {
	out := list[:0]
	for _, n := range list {
		drop := false
		for _, s := range skip {
			drop = drop || n == s
		}
		if !drop {
			out = append(out, n)
		}
	}
	return out
}

// isCyrillic reports whether the letters of s are Cyrillic.
func isCyrillic(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Cyrillic, r) {
				return false
			}
			has = true
		}
	}
	return has
}

// eastSlavic reports whether s is written in the Russian or Ukrainian
// alphabet only (not Belarusian ў, Serbian ј, Tatar ә …).
func eastSlavic(s string) bool {
	has := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'а' && r <= 'я', strings.ContainsRune("ёіїєґ", r):
			has = true
		case unicode.IsLetter(r):
			return false
		}
	}
	return has
}

// latinAlternate reports whether a GeoNames alternate name is worth
// indexing: Latin letters, capitalised like a name (all-lower-case forms are
// romanisations of other scripts), not a code of three capitals or fewer,
// no digits.
func latinAlternate(s string) bool {
	letters, upper, lower := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else {
				lower++
			}
		}
	}
	return letters >= 3 && upper > 0 && !(lower == 0 && letters <= 3)
}

// skel is the gazetteer's loose key of a name, used to compare spellings
// in different systems.
func skel(s string) string {
	return gazetteer.Skeleton(gazetteer.Normalize(s))
}

// latinOf returns the Latin spellings of a Cyrillic name for comparison.
func latinOf(c string) []string {
	out := []string{gazetteer.Transliterate(c)}
	if !strings.ContainsAny(c, ukOnly) {
		out = append(out, gazetteer.TransliterateRU(c)...)
	}
	return out
}
