package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tWord  tokKind = iota // letters (and digits) of one word
	tNum                  // an integer written in digits ("1,200" → 1200)
	tPunct                // one punctuation character
)

// token is one word, number or punctuation mark of a text. Its normalised
// form lies at norm[ns:ne] of the document; its original text at
// text[os:oe].
type token struct {
	ns, ne int32
	os, oe int32
	num    int32   // value of a tNum (saturated), or -1
	kind   tokKind //
	upper  bool    // the original word begins with an upper-case letter
	nl     uint8   // line breaks between the previous token and this one (0, 1, 2 = paragraph)
	joined bool    // glued to the previous token by a hyphen or apostrophe
}

// doc is a tokenised text: the original, its normalised form (tokens
// joined by single spaces, lower case, accents and variant letters folded)
// and the tokens.
type doc struct {
	text string
	norm []byte
	toks []token
}

// maxNum caps numbers read from digits; larger figures are not casualties.
const maxNum = 1 << 30

// tokenize normalises text and splits it into tokens.
func tokenize(text string) *doc {
	d := &doc{}
	d.tokenize(text)
	return d
}

// tokenize normalises text into d, reusing d's buffers.
func (d *doc) tokenize(text string) {
	d.text = text
	if n := len(text) + len(text)/8; cap(d.norm) < n {
		d.norm = make([]byte, 0, n)
	}
	if n := len(text)/5 + 1; cap(d.toks) < n {
		d.toks = make([]token, 0, n)
	}
	d.norm, d.toks = d.norm[:0], d.toks[:0]
	nl := 0
	join := false // the next word is glued to the previous by a joiner
	for i := 0; i < len(text); {
		c := text[i]
		afterWord := len(d.toks) > 0 && d.toks[len(d.toks)-1].oe == int32(i) && d.toks[len(d.toks)-1].kind != tPunct
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				nl++
				i++
				continue
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				i++
				continue
			case isASCIIAlnum(c):
				i = d.word(text, i, nl, join)
				nl, join = 0, false
				continue
			case (c == '-' || c == '\'') && afterWord && i+1 < len(text) && startsWord(text[i+1:]):
				i++ // a hyphen or apostrophe inside a word splits it into words
				join = true
				continue
			}
			d.punct(i, i+1, nl, asciiPunct(c))
			nl, join = 0, false
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			i++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			i = d.word(text, i, nl, join)
			nl, join = 0, false
		case isJoiner(r) && afterWord && i+n < len(text) && startsWord(text[i+n:]):
			i += n
			join = true
		case r == '\u2028' || r == '\u2029' || r == '\u0085':
			nl += 2
			i += n
		case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r):
			i += n
		default:
			d.punct(i, i+n, nl, foldPunct(r))
			nl, join = 0, false
			i += n
		}
	}
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isJoiner reports whether r joins two parts of one word (hyphens and
// apostrophes of every kind).
func isJoiner(r rune) bool {
	switch r {
	case '-', '\'', '\u2019', '\u2018', '\u02bc', '\u2010', '\u2011', '`', '\u00b4':
		return true
	}
	return false
}

// startsWord reports whether s begins with a letter or digit.
func startsWord(s string) bool {
	if s == "" {
		return false
	}
	if s[0] < utf8.RuneSelf {
		return isASCIIAlnum(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// word reads one word or number starting at text[i] and returns the index
// after it. A number may hold thousands separators ("1,200") and a decimal
// part ("15.2"); a decimal is kept as a word so that it never counts.
func (d *doc) word(text string, i, nl int, glue bool) int {
	start := i
	ns := len(d.norm)
	upper := false
	allDigits := true
	val := int64(0)
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= '0' && c <= '9':
				if allDigits && val < maxNum {
					val = val*10 + int64(c-'0')
				}
				d.norm = append(d.norm, c)
				i++
				if allDigits && i+3 < len(text) && text[i] == ',' && isDigits(text[i+1:i+4]) && (i+4 == len(text) || !isASCIIAlnum(text[i+4])) {
					i++ // thousands separator
				} else if allDigits && i+1 < len(text) && text[i] == '.' && text[i+1] >= '0' && text[i+1] <= '9' {
					allDigits = false // decimal number
					d.norm = append(d.norm, '.')
					i++
				}
				continue
			case c >= 'A' && c <= 'Z':
				if i == start {
					upper = true
				}
				d.norm = append(d.norm, c+'a'-'A')
				allDigits = false
				i++
				continue
			case c >= 'a' && c <= 'z':
				d.norm = append(d.norm, c)
				allDigits = false
				i++
				continue
			case (c == '\'' || c == '`') && i > start && inWordApostrophe(text, i+1):
				i++ // Слов'янськ, Lysychans'k: the apostrophe belongs to the word
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if (r == '\u2019' || r == '\u02bc' || r == '\u2018') && i > start && inWordApostrophe(text, i+n) {
			i += n
			continue
		}
		if unicode.Is(unicode.Mn, r) || r == '\u00ad' || r == '\u200b' {
			i += n // combining marks (stress accents), soft hyphens
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		if i == start && unicode.IsUpper(r) {
			upper = true
		}
		allDigits = false
		d.norm = utf8.AppendRune(d.norm, foldRune(r))
		i += n
	}
	d.norm = foldLatinEnding(d.norm, ns)
	t := token{ns: int32(ns), ne: int32(len(d.norm)), os: int32(start), oe: int32(i), num: -1, upper: upper, nl: clampNL(nl), joined: glue}
	if allDigits {
		t.kind = tNum
		if val > maxNum {
			val = maxNum
		}
		t.num = int32(val)
	}
	d.norm = append(d.norm, ' ')
	d.toks = append(d.toks, t)
	return i
}

// inWordApostrophe reports whether an apostrophe followed by text[j:] is
// inside a word: a letter follows, and it is not an English possessive or
// contraction ("Odesa's", "didn't").
func inWordApostrophe(text string, j int) bool {
	if !startsWord(text[j:]) || text[j] >= '0' && text[j] <= '9' {
		return false
	}
	k := j
	for k < len(text) && k-j < 3 && isASCIIAlnum(text[k]) {
		k++
	}
	if k == len(text) || !startsWord(text[k:]) {
		switch strings.ToLower(text[j:k]) {
		case "s", "t", "ll", "re", "ve", "d", "m":
			return false
		}
	}
	return true
}

// foldLatinEnding folds the word-final spellings that transliterations of
// one name mix ("Kryvyi", "Kryvyy", "Kryvy"; "Khmelnytskyi", "Khmelnytsky")
// to "y", in the word norm[start:].
func foldLatinEnding(norm []byte, start int) []byte {
	n := len(norm)
	if n-start < 4 {
		return norm
	}
	a, b := norm[n-2], norm[n-1]
	if (a == 'y' || a == 'i') && (b == 'y' || b == 'i') && norm[n-3] >= 'a' && norm[n-3] <= 'z' {
		norm[n-2] = 'y'
		return norm[:n-1]
	}
	return norm
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func clampNL(n int) uint8 {
	if n > 2 {
		return 2
	}
	return uint8(n)
}

// punct appends one punctuation token whose normalised form is c.
func (d *doc) punct(os, oe, nl int, c byte) {
	ns := len(d.norm)
	d.norm = append(d.norm, c, ' ')
	d.toks = append(d.toks, token{ns: int32(ns), ne: int32(ns + 1), os: int32(os), oe: int32(oe), num: -1, kind: tPunct, nl: clampNL(nl)})
}

func asciiPunct(c byte) byte {
	if c == '`' {
		return '\''
	}
	return c
}

// foldPunct maps typographic punctuation to its ASCII equivalent.
func foldPunct(r rune) byte {
	switch r {
	case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u201f':
		return '"'
	case '\u2018', '\u2019', '\u02bc', '\u201a', '\u00b4':
		return '\''
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	case '\u2026':
		return '.'
	case '\u3002', '\uff0e':
		return '.'
	}
	return '#'
}

// foldRune lower-cases r and folds letter variants that spellings of one
// name mix: Latin accents, Russian ё, Ukrainian ґ.
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	if r < 0xc0 {
		return r
	}
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ą', 'ā', 'ă':
		return 'a'
	case 'ç', 'č', 'ć':
		return 'c'
	case 'è', 'é', 'ê', 'ë', 'ę', 'ě', 'ē':
		return 'e'
	case 'ì', 'í', 'î', 'ï', 'ī', 'ı':
		return 'i'
	case 'ñ', 'ń', 'ň':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ő', 'ø', 'ō':
		return 'o'
	case 'ù', 'ú', 'û', 'ü', 'ů', 'ű', 'ū':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	case 'ł':
		return 'l'
	case 'š', 'ś':
		return 's'
	case 'ž', 'ź', 'ż':
		return 'z'
	case 'ř':
		return 'r'
	case 'ď':
		return 'd'
	case 'ť':
		return 't'
	case 'ё':
		return 'е'
	case 'ґ':
		return 'г'
	}
	return r
}

// normalize returns the normalised form of a phrase: its tokens' normal
// forms joined by single spaces. Lexicon terms and place names are
// normalised with it, so they match text tokenised by tokenize.
func normalize(s string) string {
	d := tokenize(s)
	if len(d.norm) == 0 {
		return ""
	}
	return string(d.norm[:len(d.norm)-1])
}

// tokText returns the normalised form of token i.
func (d *doc) tokText(i int) string {
	t := &d.toks[i]
	return string(d.norm[t.ns:t.ne])
}

// is reports whether token i's normalised form is s.
func (d *doc) is(i int, s string) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := &d.toks[i]
	return string(d.norm[t.ns:t.ne]) == s
}

// tokenAt returns the index of the token whose normalised form starts at
// norm offset ns, by binary search.
func (d *doc) tokenAt(ns int32) int {
	lo, hi := 0, len(d.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if d.toks[m].ns < ns {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
