package gazetteer

import "strings"

// latinDigraphs are replaced, in this order, before letters are merged.
var latinDigraphs = strings.NewReplacer(
	"shch", "s", "kh", "h", "zh", "z", "ch", "c", "sh", "s", "ts", "c",
	"tz", "c", "ph", "f",
)

// skeletonRune merges letters that spellings of the same East Slavic name
// exchange: i, y and j; g and h; w and v; the Cyrillic и, і, ї, ы, й and е, є,
// э; and it drops the hard and soft signs.
func skeletonRune(r rune) (rune, bool) {
	switch r {
	case 'y', 'j':
		return 'i', true
	case 'g':
		return 'h', true
	case 'w':
		return 'v', true
	case 'q':
		return 'k', true
	case 'і', 'ї', 'ы', 'й':
		return 'и', true
	case 'є', 'э':
		return 'е', true
	case 'ь', 'ъ':
		return 0, false
	}
	return r, true
}

// Skeleton is a looser key than Normalize, the second try of a lookup:
// it maps the variants of transliteration onto one form, so that "Kryvy
// Rih", "Kryvyy Rih" and "Kryvyi Rih", or "Zaporizhia" and "Zaporizhzhya",
// meet. Doubled letters are merged and an i before another vowel is dropped
// ("Kiev" and "Kiyev" meet, as do "Sievierodonetsk" and "Severodonetsk").
// The input must already be normalized.
func Skeleton(norm string) string {
	s := latinDigraphs.Replace(cyrillicLookalikes(norm))
	out := make([]rune, 0, len(s))
	for _, r := range s {
		m, ok := skeletonRune(r)
		if !ok || (len(out) > 0 && out[len(out)-1] == m) {
			continue
		}
		out = append(out, m)
	}
	kept := out[:0]
	for i, r := range out {
		if (r == 'i' || r == 'и') && i+1 < len(out) && isVowel(out[i+1]) {
			continue
		}
		kept = append(kept, r)
	}
	return string(kept)
}

// lookalikes maps Latin letters to the Cyrillic letters they look like.
var lookalikes = map[rune]rune{
	'a': 'а', 'b': 'в', 'c': 'с', 'e': 'е', 'h': 'н', 'i': 'і', 'k': 'к',
	'm': 'м', 'o': 'о', 'p': 'р', 't': 'т', 'x': 'х', 'y': 'у',
}

// cyrillicLookalikes replaces Latin look-alike letters in words that also
// hold Cyrillic letters, as typed text often mixes them ("Крывый Рiг").
func cyrillicLookalikes(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		hasCyr, hasLat := false, false
		for _, r := range w {
			hasCyr = hasCyr || (r >= 0x400 && r <= 0x4ff)
			hasLat = hasLat || (r >= 'a' && r <= 'z')
		}
		if !hasCyr || !hasLat {
			continue
		}
		rs := []rune(w)
		for j, r := range rs {
			if c, ok := lookalikes[r]; ok {
				rs[j] = c
			}
		}
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}

// isVowel reports whether r is a vowel other than i, in either alphabet.
func isVowel(r rune) bool {
	return strings.ContainsRune("aeouаеоуяюё", r)
}
