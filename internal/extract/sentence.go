package extract

// span is a half-open range of token indices.
type span struct{ from, to int }

// maxSentence caps a sentence's tokens: a run-on text without full stops
// is cut into pieces this long so analysis stays linear.
const maxSentence = 160

// titleAbbrev lists abbreviations after which a full stop never ends a
// sentence (titles, "No. 5", Cyrillic "обл.", "вул.", "м." …).
var titleAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "cpt": true, "maj": true, "prof": true, "st": true, "rev": true,
	"sen": true, "rep": true, "gov": true, "pres": true, "adm": true, "cpl": true, "pvt": true,
	"jr": true, "sr": true, "mt": true, "ft": true, "gens": true, "brig": true, "cmdr": true,
	"vs": true, "approx": true, "dept": true, "univ": true, "corp": true, "inc": true, "ltd": true,
	"co": true, "lt-gen": true, "maj-gen": true, "rt": true, "hon": true, "ave": true,
	// Ukrainian and Russian
	"обл": true, "вул": true, "ул": true, "м": true, "с": true, "смт": true, "пгт": true,
	"г": true, "пос": true, "р": true, "н": true, "тис": true, "тыс": true, "млн": true,
	"млрд": true, "ст": true, "им": true, "ім": true, "пр": true, "просп": true, "див": true,
	"т": true, "д": true, "п": true, "км": true, "ген": true, "о": true,
}

// numAbbrev lists abbreviations that do not end a sentence when a number
// follows ("No. 5", "Jan. 6", "p. 12").
var numAbbrev = map[string]bool{
	"no": true, "nos": true, "vol": true, "p": true, "pp": true, "fig": true, "art": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "nr": true, "№": true,
}

// sentences splits the document's tokens into sentences. A sentence ends
// at ". ! ?" (with closing quotes and brackets kept) unless the stop
// belongs to an abbreviation, an initial or a number, and at every
// paragraph break; a single line break ends one before a capital.
func (d *doc) sentences() []span { return d.appendSentences(nil) }

// appendSentences appends the document's sentences to out.
func (d *doc) appendSentences(out []span) []span {
	start := 0
	emit := func(end int) {
		if end > start {
			out = append(out, span{start, end})
		}
		start = end
	}
	for i := 0; i < len(d.toks); i++ {
		t := &d.toks[i]
		if i > start && (t.nl >= 2 || t.nl == 1 && d.lineBreakEnds(i)) {
			emit(i)
		}
		if i-start >= maxSentence {
			emit(i)
		}
		if t.kind != tPunct || !isStop(d.norm[t.ns]) {
			continue
		}
		j := i + 1
		for j < len(d.toks) && d.toks[j].kind == tPunct && d.toks[j].os == d.toks[j-1].oe && (isStop(d.norm[d.toks[j].ns]) || isCloser(d.norm[d.toks[j].ns])) {
			j++
		}
		if d.norm[t.ns] == '.' && j == i+1 && d.abbreviation(i) {
			continue
		}
		if j < len(d.toks) && d.toks[j].nl == 0 && d.toks[j].kind == tWord && !d.toks[j].upper && !isCaseless(d, j) {
			continue // "… said the U.N. official": a lower-case word goes on
		}
		emit(j)
		i = j - 1
	}
	emit(len(d.toks))
	return out
}

func isStop(c byte) bool   { return c == '.' || c == '!' || c == '?' }
func isCloser(c byte) bool { return c == '"' || c == ')' || c == '\'' || c == ']' }

// isCaseless reports whether token j is written in a script without case
// or starts with a digit-like word, where lower case says nothing.
func isCaseless(d *doc, j int) bool {
	b := d.text[d.toks[j].os]
	return b >= '0' && b <= '9'
}

// lineBreakEnds reports whether a single line break before token i ends a
// sentence: it does unless a lower-case word continues a wrapped line.
func (d *doc) lineBreakEnds(i int) bool {
	t := &d.toks[i]
	if t.kind == tWord && !t.upper {
		p := &d.toks[i-1]
		return p.kind == tPunct && isStop(d.norm[p.ns])
	}
	return true
}

// abbreviation reports whether the full stop at token i belongs to an
// abbreviation, an initial or a number rather than ending a sentence.
func (d *doc) abbreviation(i int) bool {
	if i == 0 {
		return false
	}
	p := &d.toks[i-1]
	if p.kind == tPunct || p.oe != d.toks[i].os {
		return false // the stop is not glued to a word
	}
	w := string(d.norm[p.ns:p.ne])
	next := i + 1
	nextUpper := next < len(d.toks) && d.toks[next].upper
	nextNum := next < len(d.toks) && d.toks[next].kind == tNum
	switch {
	case titleAbbrev[w]:
		return true
	case numAbbrev[w]:
		return nextNum
	case (w == "m" || w == "a" || w == "p") && i >= 2 && d.toks[i-2].kind == tPunct && d.norm[d.toks[i-2].ns] == '.':
		return !nextUpper // "a.m." ends a sentence before a capital
	case p.kind == tWord && p.ne-p.ns <= 2 && isSingleLetter(d, p):
		// An initial ("J. Smith") or a dotted acronym ("U.S.", "e.g.").
		return true
	}
	return false
}

// isSingleLetter reports whether token p is one letter of any script.
func isSingleLetter(d *doc, p *token) bool {
	n := 0
	for range string(d.norm[p.ns:p.ne]) {
		n++
	}
	return n == 1
}

// sentenceText returns the original text of a sentence.
func (d *doc) sentenceText(s span) string {
	if s.to <= s.from {
		return ""
	}
	return d.text[d.toks[s.from].os:d.toks[s.to-1].oe]
}
