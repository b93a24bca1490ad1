package extract

// number is a figure written in a sentence: tokens [t0, t1) and its value.
type number struct {
	t0, t1 int
	val    int
}

// notCountAfter lists words after which a number is not a count of
// people or weapons: units, ages, times, dates.
var notCountAfter = map[string]bool{
	"year": true, "years": true, "yr": true, "old": true, "hours": true, "hour": true, "minutes": true,
	"minute": true, "days": true, "day": true, "weeks": true, "week": true, "months": true, "month": true,
	"km": true, "kilometres": true, "kilometers": true, "miles": true, "mile": true, "metres": true,
	"meters": true, "m": true, "percent": true, "per": true, "tonnes": true, "tons": true, "am": true,
	"pm": true, "a": true, "gmt": true, "utc": true, "bn": true, "billion": true, "million": true,
	"kg": true, "mm": true, "storey": true, "storeys": true, "floor": true, "floors": true,
	"років": true, "роки": true, "рік": true, "році": true, "року": true, "рр": true, "год": true,
	"годин": true, "хвилин": true, "км": true, "лет": true, "года": true, "году": true, "часов": true,
	"тис": true, "тыс": true, "млн": true, "th": true, "st": true, "nd": true, "rd": true,
	"річний": true, "річна": true, "річного": true, "річної": true, "річну": true, "річні": true, "річних": true,
	"летний": true, "летняя": true, "летнего": true, "летней": true, "летнюю": true, "летние": true, "летних": true,
}

// numbers finds the figures of a sentence: digits ("1,200") and number
// words, composed ("twenty-one", "two hundred"). Years, times, ages,
// distances and dates are left out.
func (v *sview) numbers() []number {
	var out []number
	for i := v.from; i < v.to; i++ {
		n, j, ok := v.numberAt(i)
		if !ok {
			continue
		}
		if v.notCount(i, j, n) {
			i = j - 1
			continue
		}
		out = append(out, number{i, j, n})
		i = j - 1
	}
	return out
}

// numberAt reads a number starting at token i: its value and end.
func (v *sview) numberAt(i int) (int, int, bool) {
	t := &v.d.toks[i]
	if t.kind == tNum {
		return int(t.num), i + 1, true
	}
	h, tm, ok := v.at(i, kNum)
	if !ok {
		return 0, 0, false
	}
	val, j := tm.n, int(h.t1)
	for j < v.to {
		h2, t2, ok := v.at(j, kNum)
		if !ok {
			break
		}
		switch {
		case t2.n == 100 || t2.n == 1000:
			val *= t2.n
		case val >= 20 && val%10 == 0 && val < 100 && t2.n < 10:
			val += t2.n
		case val%100 == 0 && val >= 100 && t2.n < 100:
			val += t2.n
		default:
			return val, j, true
		}
		j = int(h2.t1)
	}
	return val, j, true
}

// notCount reports whether the number at [i, j) is a year, a time, an age,
// a date or a measure rather than a count.
func (v *sview) notCount(i, j, n int) bool {
	if n >= 1900 && n <= 2100 && v.d.toks[i].kind == tNum {
		return true
	}
	if j < v.to && v.d.toks[j].kind == tWord && notCountAfter[v.d.tokText(j)] {
		return true
	}
	if j < v.to && (v.punct(j, ':') || v.punct(j, '%')) {
		return true
	}
	if i > v.from && (v.punct(i-1, ':') || v.punct(i-1, '$') || v.punct(i-1, '#')) {
		return true
	}
	if _, _, ok := v.at(j, kMonth); ok {
		return true
	}
	if _, _, ok := v.endingAt(i, kMonth); ok {
		return true
	}
	return v.word(i-1, "no", "number", "day", "№", "page", "at", "від", "до", "з", "по", "с")
}

// casualties are the figures a sentence states.
type casualties struct {
	killed, injured *int
	civilian        bool
	group           bool // a figure counts one group ("40 soldiers"), not all victims
}

// one reports whether the figures count a single victim.
func (c casualties) one() bool {
	n := 0
	if c.killed != nil {
		n += *c.killed
	}
	if c.injured != nil {
		n += *c.injured
	}
	return n == 1
}

// groupNouns count one group of victims: a later figure of a group does
// not replace an earlier total of people.
var groupNouns = map[string]bool{
	"soldiers": true, "civilians": true, "children": true, "women": true, "men": true, "servicemen": true,
	"fighters": true, "troops": true, "officers": true, "workers": true, "employees": true, "rescuers": true,
	"firefighters": true, "police": true, "prisoners": true, "military": true, "servicemembers": true,
}

// skipLeft lists words that may stand between a number and a passive
// casualty word: "six people were killed", "two more injured".
var skipLeft = map[string]bool{
	"were": true, "was": true, "have": true, "has": true, "had": true, "been": true, "are": true,
	"is": true, "be": true, "reportedly": true, "also": true, "later": true, "all": true, "being": true,
	"more": true, "others": true, "other": true, "of": true, "them": true, "whom": true, "those": true,
	"confirmed": true, "civilian": true, "wounded": false, "badly": true, "seriously": true,
	"critically": true, "severely": true, "slightly": true, "fatally": true, "ще": true, "було": true,
	"були": true, "було ще": true, "еще": true, "были": true, "был": true, "была": true, "ще одна": true,
	"people": true, "were reported": true,
}

// skipRight lists words that may stand between an active casualty word
// and its number: "killing at least 23", "the death toll rose to 34".
var skipRight = map[string]bool{
	"at": true, "least": true, "more": true, "than": true, "over": true, "nearly": true, "almost": true,
	"about": true, "around": true, "some": true, "up": true, "to": true, "rose": true, "has": true,
	"had": true, "risen": true, "climbed": true, "reached": true, "stands": true, "stood": true,
	"of": true, "is": true, "was": true, "now": true, "total": true, "a": true, "the": true,
	"increased": true, "jumped": true, "grew": true, "hit": true, "another": false, "were": true,
	"щонайменше": true, "щонайменш": true, "понад": true, "близько": true, "ще": true, "щонайменше ще": true,
	"не": true, "менше": true, "менее": true, "меньшей": true, "мере": true, "по": true, "более": true,
	"около": true, "еще": true, "зросла": true, "зросло": true, "до": true, "возросло": true,
	"увеличилось": true, "выросло": true, "було": true, "стало": true, "составило": true,
}

// casualties reads the killed and injured figures of a sentence (see
// casualty.go's doc for the orders understood); nums are the sentence's
// numbers.
func (v *sview) casualties(nums []number) casualties {
	var c casualties
	used := map[int]bool{}
	v.each(kNoCas, func(h hit, t term) {
		zero := 0
		c.killed, c.injured = intp(zero), intp(zero)
	})
	for _, h := range v.hits {
		for _, t := range v.e.pats[h.pat] {
			if t.kind != kKill && t.kind != kInjure {
				continue
			}
			n, ok := v.casualtyFigure(h, t, nums, used)
			if !ok {
				continue
			}
			if t.kind == kKill {
				c.killed = intp(n)
			} else {
				c.injured = intp(n)
			}
			c.group = c.group || v.groupCounted(nums, n)
		}
	}
	v.each(kPerson, func(h hit, t term) {
		if v.word(int(h.t0), "civilian", "civilians", "children", "child", "residents", "pensioners", "цивільних", "мирних", "дітей", "мирных", "детей") {
			c.civilian = true
		}
	})
	return c
}

func intp(n int) *int { return &n }

// groupCounted reports whether the figure n of the sentence counts a group
// ("40 soldiers", "10 civilians").
func (v *sview) groupCounted(nums []number, n int) bool {
	for _, x := range nums {
		if x.val == n && x.t1 < v.to && (groupNouns[v.d.tokText(x.t1)] || x.t1+1 < v.to && groupNouns[v.d.tokText(x.t1+1)]) {
			return true
		}
	}
	return false
}

// casualtyFigure finds the number a casualty word h speaks of: before it
// for passive and noun forms, after it for active forms and tolls.
func (v *sview) casualtyFigure(h hit, t term, nums []number, used map[int]bool) (int, bool) {
	if t.val != "t" {
		if n, ok := v.personSum(int(h.t0), nums, used); ok {
			return n, true
		}
		if n, ok := v.leftFigure(int(h.t0), nums, used); ok {
			return n, true
		}
		if t.val == "n" {
			return 0, false
		}
	}
	return v.rightFigure(int(h.t1), nums, used)
}

// personSum reads a subject of several counted persons that ends before
// token k: "one serviceman and two guards were killed" (3), "a
// 21-year-old woman and a 57-year-old woman died" (2).
func (v *sview) personSum(k int, nums []number, used map[int]bool) (int, bool) {
	i := k - 1
	for i >= v.from && skipLeft[v.d.tokText(i)] && !v.covered(i, kPerson) {
		i--
	}
	total, groups := 0, 0
	var starts []int
	for i >= v.from && v.covered(i, kPerson) {
		n, at, ok := v.personCount(i, nums)
		if !ok || used[at] {
			break
		}
		total += n
		groups++
		starts = append(starts, at)
		i = at - 1
		if !v.word(i, "and") && !v.punct(i, ',') {
			break
		}
		i--
	}
	if groups < 2 {
		return 0, false
	}
	for _, s := range starts {
		used[s] = true
	}
	return total, true
}

// personCount reads the count of the person noun at token i: a number or
// "a", "an", "one" before it, over a few modifiers ("57-year-old"). It
// returns the count and the token where it stands.
func (v *sview) personCount(i int, nums []number) (int, int, bool) {
	for k := i - 1; k >= v.from && k >= i-5; k-- {
		if n, ok := numberEndingAt(nums, k+1); ok {
			return n.val, n.t0, true
		}
		if v.word(k, "a", "an") {
			return 1, k, true
		}
		t := &v.d.toks[k]
		if t.kind == tPunct || v.word(k, "and") || v.covered(k, kPerson) || v.covered(k, kKill) || v.covered(k, kInjure) || v.covered(k, kAttack) {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// leftFigure scans left from token k for a number, over auxiliaries,
// person nouns and a comma-delimited "including …" aside.
func (v *sview) leftFigure(k int, nums []number, used map[int]bool) (int, bool) {
	steps := 0
	for i := k - 1; i >= v.from && steps < 6; i-- {
		if n, ok := numberEndingAt(nums, i+1); ok {
			if used[n.t0] {
				return 0, false
			}
			used[n.t0] = true
			return n.val, true
		}
		switch {
		case v.punct(i, ',') || v.punct(i, ')') || v.punct(i, '-'):
			j, ok := v.asideStart(i)
			if !ok {
				return 0, false
			}
			i = j
			continue
		case v.word(i, "another", "ще одна", "ещё"):
			return 1, true
		case v.word(i, "a", "an") && steps > 0:
			return 1, true
		case singularPerson[v.d.tokText(i)] && steps == 0:
			return 1, true // "дівчинка загинула"
		case v.covered(i, kPerson) || skipLeft[v.d.tokText(i)]:
		default:
			return 0, false
		}
		steps++
	}
	return 0, false
}

// asideStart, at the closing comma or bracket of an aside ("…, including
// nine children, were killed"), returns the token before its opening.
func (v *sview) asideStart(close int) (int, bool) {
	for i := close - 1; i > v.from && i > close-10; i-- {
		if v.punct(i, ',') || v.punct(i, '(') || v.punct(i, '-') {
			if v.word(i+1, "including", "among", "mostly", "most", "many", "all", "of", "серед", "у", "в", "из", "з", "зокрема", "среди", "в том числе", "у тому числі") {
				return i, true
			}
			return 0, false
		}
	}
	return 0, false
}

// rightFigure scans right from token k for a number over modifiers.
func (v *sview) rightFigure(k int, nums []number, used map[int]bool) (int, bool) {
	for i, steps := k, 0; i < v.to && steps < 6; i, steps = i+1, steps+1 {
		for _, n := range nums {
			if n.t0 == i {
				if used[n.t0] {
					return 0, false
				}
				used[n.t0] = true
				return n.val, true
			}
		}
		switch {
		case v.word(i, "another", "ще"):
			if v.word(i, "another") {
				return 1, true
			}
		case v.word(i, "a", "an") && v.covered(i+1, kPerson):
			return 1, true
		case singularPerson[v.d.tokText(i)]:
			return 1, true // "загинула 12-річна дівчинка"
		case skipRight[v.d.tokText(i)] || v.word(i, "and", "і", "та", "и") || v.covered(i, kInjure) || v.covered(i, kKill) || v.age(i):
		default:
			return 0, false
		}
	}
	return 0, false
}

// singularPerson are Ukrainian and Russian nouns of one person, which
// count one victim without a number ("поранено жінку").
var singularPerson = map[string]bool{
	"людина": true, "людину": true, "особа": true, "дитина": true, "дитину": true, "підліток": true,
	"підлітка": true, "жінка": true, "жінку": true, "чоловік": true, "чоловіка": true, "дівчинка": true,
	"дівчинку": true, "хлопчик": true, "хлопчика": true, "пенсіонер": true, "пенсіонерка": true,
	"пенсіонерку": true, "мешканець": true, "мешканка": true, "ребенок": true, "ребенка": true,
	"подросток": true, "подростка": true, "женщина": true, "женщину": true, "мужчина": true,
	"мужчину": true, "девочка": true, "девочку": true, "мальчик": true, "мальчика": true,
	"пенсионер": true, "пенсионерка": true, "пенсионерку": true, "жительница": true,
}

// age reports whether token i is part of an age ("12-річна", "89-летняя",
// "57-year-old").
func (v *sview) age(i int) bool {
	if v.d.toks[i].kind == tNum {
		return i+1 < v.to && v.d.toks[i+1].joined && notCountAfter[v.d.tokText(i+1)]
	}
	return v.d.toks[i].joined && (notCountAfter[v.d.tokText(i)] || v.word(i, "old") && v.word(i-1, "year"))
}

func numberEndingAt(nums []number, end int) (number, bool) {
	for _, n := range nums {
		if n.t1 == end {
			return n, true
		}
	}
	return number{}, false
}
