package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinFold maps precomposed Latin letters with diacritics, and a few
// ligatures, to plain lower-case ASCII.
var latinFold = buildFold(
	"àa áa âa ãa äa åa āa ăa ąa ǎa ạa ảa ấa ầa ẩa ẫa ậa ắa ằa ẳa ẵa ặa " +
		"çc ćc ĉc ċc čc ďd đd ðd " +
		"èe ée êe ëe ēe ĕe ėe ęe ěe ẹe ẻe ẽe ếe ềe ểe ễe ệe " +
		"ĝg ğg ġg ģg ĥh ħh ìi íi îi ïi ĩi īi ĭi įi ıi ǐi ỉi ịi ĵj ķk " +
		"ĺl ļl ľl ŀl łl ñn ńn ņn ňn ŉn " +
		"òo óo ôo õo öo øo ōo ŏo őo ǒo ọo ỏo ốo ồo ổo ỗo ộo ớo ờo ởo ỡo ợo ơo " +
		"ŕr ŗr řr śs ŝs şs šs șs ſs ţt ťt ŧt țt " +
		"ùu úu ûu üu ũu ūu ŭu ůu űu ųu ǔu ưu ụu ủu ứu ừu ửu ữu ựu " +
		"ŵw ýy ÿy ŷy ỳy ỹy źz żz žz ẑz")

// ligatures are folded to several letters.
var ligatures = map[rune]string{'æ': "ae", 'œ': "oe", 'ß': "ss", 'þ': "th", 'ĳ': "ij"}

// buildFold turns "àa áa …" into a map from the first rune of each pair to
// the second.
func buildFold(pairs string) map[rune]rune {
	m := make(map[rune]rune)
	for _, f := range strings.Fields(pairs) {
		r, n := utf8.DecodeRuneInString(f)
		m[r], _ = utf8.DecodeRuneInString(f[n:])
	}
	return m
}

// isApostrophe reports whether r is one of the marks written for the
// Ukrainian apostrophe or the Russian soft sign in Latin text.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '’', '‘', 'ʼ', 'ʹ', 'ʻ', '´', '′', 'ʽ', 'ˈ':
		return true
	}
	return false
}

// Normalize folds a name into the form the gazetteer indexes: lower case,
// ё→е and ґ→г, Latin diacritics removed (č→c, ł→l, ß→ss), combining marks
// composed where Cyrillic needs them (и + breve → й, і + diaeresis → ї) and
// dropped elsewhere, apostrophes removed, every other character that is not
// a letter or digit turned into a space, and spaces collapsed and trimmed:
// "Кам’янське" becomes "камянське", "Kam'yans'ke" and "KAMYANSKE" become
// "kamyanske", "Rostov-na-Donu" becomes "rostov na donu".
func Normalize(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	var last rune
	for i, r := range s {
		lr, kind := classify(r)
		switch kind {
		case charMark:
			if c, ok := composeCyrillic(last, r); ok {
				_, n := utf8.DecodeLastRune(b)
				b = utf8.AppendRune(b[:len(b)-n], c)
				last = c
			}
			continue
		case charApostrophe:
			continue
		case charQuote:
			if isQuoteInWord(s, i, r, last, space) {
				continue
			}
			space = len(b) > 0
			continue
		case charOther:
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		if kind == charPlain {
			b = utf8.AppendRune(b, lr)
			last = lr
			continue
		}
		var f strings.Builder
		last = foldRune(&f, lr)
		b = append(b, f.String()...)
	}
	return string(b)
}

// Kinds of characters for Normalize.
const (
	charPlain      = iota // a letter or digit written as it is (after lower-casing)
	charFold              // a letter that may need folding
	charMark              // a combining mark
	charApostrophe        // an apostrophe, dropped
	charQuote             // a double quote: an apostrophe inside a word
	charOther             // anything else: a word break
)

// classify lower-cases r and says how Normalize treats it, with fast paths
// for ASCII and the basic Cyrillic block.
func classify(r rune) (rune, int) {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return r, charPlain
	case r >= 'A' && r <= 'Z':
		return r + 32, charPlain
	case r >= 'а' && r <= 'я' && r != 'ё':
		return r, charPlain
	case r >= 'А' && r <= 'Я':
		return r + 32, charPlain
	case r == '"' || r == '”' || r == '“' || r == 'ʺ' || r == '″':
		return r, charQuote
	case isApostrophe(r):
		return r, charApostrophe
	case r < 0x80:
		return r, charOther
	case r >= 0x300 && r <= 0x36f:
		return r, charMark
	}
	lr := unicode.ToLower(r)
	if !unicode.IsLetter(lr) && !unicode.IsDigit(lr) {
		return lr, charOther
	}
	return lr, charFold
}

// foldRune writes the folded form of a lower-case letter or digit and
// returns the last rune written.
func foldRune(b *strings.Builder, r rune) rune {
	if r < utf8.RuneSelf {
		b.WriteByte(byte(r))
		return r
	}
	switch {
	case r == 'ё':
		r = 'е'
	case r == 'ґ':
		r = 'г'
	case r >= 0x400 && r <= 0x4ff, r >= 0x2000:
	default:
		return foldLatin(b, r)
	}
	b.WriteRune(r)
	return r
}

// foldLatin writes a lower-case letter of the Latin-1 and Latin Extended
// blocks without its diacritics.
func foldLatin(b *strings.Builder, r rune) rune {
	if f, ok := latinFold[r]; ok {
		r = f
	} else if l, ok := ligatures[r]; ok {
		b.WriteString(l)
		return rune(l[len(l)-1])
	}
	b.WriteRune(r)
	return r
}

// isQuoteInWord reports whether r, at byte i of s, is a double quote
// between two letters, which some transliterations write for the
// apostrophe or the hard sign ("Znam\"yanka"). last is the previous letter
// written and space whether a space is pending.
func isQuoteInWord(s string, i int, r, last rune, space bool) bool {
	if space || last == 0 || !unicode.IsLetter(last) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
	return unicode.IsLetter(next)
}

// composeCyrillic composes a lower-case Cyrillic base letter with a
// combining mark where the result is a letter of its own.
func composeCyrillic(base, mark rune) (rune, bool) {
	switch {
	case base == 'и' && mark == 0x306:
		return 'й', true
	case base == 'і' && mark == 0x308:
		return 'ї', true
	case base == 'у' && mark == 0x306:
		return 'ў', true
	}
	return 0, false
}
