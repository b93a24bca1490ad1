package gazetteer

import (
	"strings"
	"unicode"
)

// kmu holds the KMU-2010 Latin letters of each lower-case Ukrainian letter:
// the form used elsewhere in a word and, where it differs, the form used at
// the start of a word. Letters of Russian and Belarusian that turn up in
// Ukrainian texts are given the nearest reading.
var kmu = map[rune][2]string{
	'а': {"a"}, 'б': {"b"}, 'в': {"v"}, 'г': {"h"}, 'ґ': {"g"}, 'д': {"d"},
	'е': {"e"}, 'є': {"ie", "ye"}, 'ж': {"zh"}, 'з': {"z"}, 'и': {"y"},
	'і': {"i"}, 'ї': {"i", "yi"}, 'й': {"i", "y"}, 'к': {"k"}, 'л': {"l"},
	'м': {"m"}, 'н': {"n"}, 'о': {"o"}, 'п': {"p"}, 'р': {"r"}, 'с': {"s"},
	'т': {"t"}, 'у': {"u"}, 'ф': {"f"}, 'х': {"kh"}, 'ц': {"ts"},
	'ч': {"ch"}, 'ш': {"sh"}, 'щ': {"shch"}, 'ь': {""}, 'ю': {"iu", "yu"},
	'я': {"ia", "ya"}, 'ы': {"y"}, 'э': {"e"}, 'ё': {"io", "yo"}, 'ъ': {""},
	'ў': {"u"},
}

// Transliterate writes Ukrainian Cyrillic in Latin letters by the official
// KMU-2010 table (Cabinet of Ministers resolution 55 of 27 January 2010):
// є, ї, й, ю, я are ye, yi, y, yu, ya at the start of a word and ie, i, i,
// iu, ia elsewhere; зг is zgh (to keep it apart from ж); the soft sign and
// the apostrophe are dropped. Capitals stay capitals ("Щ" → "Shch", or
// "SHCH" inside an all-capital word); characters that are not Cyrillic pass
// through. Examples: Київ → Kyiv, Запоріжжя → Zaporizhzhia, Згурівка →
// Zghurivka, Знам'янка → Znamianka, Юрій → Yurii.
func Transliterate(uk string) string {
	rs := []rune(uk)
	var b strings.Builder
	b.Grow(len(uk))
	for i, r := range rs {
		if isApostrophe(r) {
			continue
		}
		lr := unicode.ToLower(r)
		forms, ok := kmu[lr]
		if !ok {
			b.WriteRune(r)
			continue
		}
		s := forms[0]
		if forms[1] != "" && wordStart(rs, i) {
			s = forms[1]
		}
		if lr == 'г' && i > 0 && unicode.ToLower(rs[i-1]) == 'з' {
			s = "gh"
		}
		b.WriteString(caseLike(s, rs, i))
	}
	return b.String()
}

// wordStart reports whether rs[i] begins a word: nothing before it but a
// character that is neither a letter nor an apostrophe.
func wordStart(rs []rune, i int) bool {
	return i == 0 || !(unicode.IsLetter(rs[i-1]) || isApostrophe(rs[i-1]))
}

// caseLike gives the Latin letters s the case of rs[i]: lower, capitalised,
// or all capitals when a neighbouring letter is a capital too.
func caseLike(s string, rs []rune, i int) string {
	if s == "" || !unicode.IsUpper(rs[i]) {
		return s
	}
	next := i+1 < len(rs) && unicode.IsUpper(rs[i+1])
	prev := i > 0 && unicode.IsUpper(rs[i-1])
	nextLetter := i+1 < len(rs) && unicode.IsLetter(rs[i+1])
	if next || (prev && !nextLetter) {
		return strings.ToUpper(s)
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// rusPlain holds the Latin letters of lower-case Russian letters in the
// plain English style of the press ("Krivoy Rog", "Nikolaev", "Kharkov").
var rusPlain = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u",
}

// TransliterateRU returns the common Latin spellings of a Russian name, in
// lower case: the plain style of the press and a BGN-like style, once each
// when they agree. "Николаев" gives "nikolaev" and "nikolayev", "Запорожье"
// "zaporozhe" and "zaporozhye", "Кривой Рог" "krivoy rog".
func TransliterateRU(ru string) []string {
	plain, bgn := transliterateRU(ru, false), transliterateRU(ru, true)
	if plain == bgn {
		return []string{plain}
	}
	return []string{plain, bgn}
}

// transliterateRU writes Russian Cyrillic in Latin letters. The plain style
// gives "Nikolaev", "Zaporozhe", "Artemovsk"; the BGN-like style writes е as
// ye at the start of a word and after a vowel or a hard or soft sign, and ё as
// yo: "Nikolayev", "Zaporozhye", "Artyomovsk". Output is lower case.
func transliterateRU(ru string, bgn bool) string {
	rs := []rune(strings.ToLower(ru))
	var b strings.Builder
	b.Grow(len(ru))
	for i, r := range rs {
		s, ok := rusPlain[r]
		if !ok {
			if !isApostrophe(r) {
				b.WriteRune(r)
			}
			continue
		}
		if bgn {
			switch {
			case r == 'ё':
				s = "yo"
			case r == 'е' && (i == 0 || strings.ContainsRune("аеёиоуыэюяьъіїє", rs[i-1]) || !unicode.IsLetter(rs[i-1])):
				s = "ye"
			}
		}
		b.WriteString(s)
	}
	return b.String()
}
