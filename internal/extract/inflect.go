package extract

import "strings"

// Inflected forms of Ukrainian and Russian place names. Text names places
// in every case ("у Харкові", "в Харькове", "на Дніпропетровщині"); the
// automaton matches whole normalised words, so each name is entered with
// the case forms its ending implies. The rules cover the regular
// declensions of settlement names; irregular ones are listed.

// irregular holds case forms that the ending rules do not produce.
var irregular = map[string][]string{
	"кривий ріг":      {"кривого рогу", "кривому розі", "кривим рогом", "кривому рогу"},
	"кривой рог":      {"кривого рога", "кривом роге", "кривым рогом", "кривому рогу"},
	"біла церква":     {"білої церкви", "білій церкві", "білу церкву"},
	"белая церковь":   {"белой церкви", "белую церковь"},
	"нова каховка":    {"нової каховки", "новій каховці", "нову каховку"},
	"новая каховка":   {"новой каховки", "новой каховке", "новую каховку"},
	"ростов-на-дону":  {"ростові-на-дону", "ростова-на-дону", "ростове-на-дону"},
	"старий оскол":    {"старого осколу", "старому осколі"},
	"старый оскол":    {"старого оскола", "старом осколе"},
	"санкт-петербург": {"санкт-петербурзі", "санкт-петербурга", "санкт-петербурге"},
}

// irregularNorm is irregular with normalised keys and forms.
var irregularNorm = func() map[string][]string {
	m := map[string][]string{}
	for k, fs := range irregular {
		for _, f := range fs {
			m[normalize(k)] = append(m[normalize(k)], normalize(f))
		}
	}
	return m
}()

// inflectUK returns the Ukrainian case forms of a settlement name
// (normalised, lower case), the name itself first.
func inflectUK(n string) []string {
	out := []string{n}
	if f, ok := irregularNorm[n]; ok {
		return append(out, f...)
	}
	if i := strings.LastIndexByte(n, ' '); i >= 0 {
		return lastWord(n[:i+1], n[i+1:], inflectUK) // "івано франківськ"
	}
	switch {
	case strings.HasSuffix(n, "ів"):
		out = addEndings(out, strings.TrimSuffix(n, "ів")+"ов", "а", "у", "і", "ом")
	case strings.HasSuffix(n, "їв"):
		out = addEndings(out, strings.TrimSuffix(n, "їв")+"єв", "а", "у", "і", "ом")
	case strings.HasSuffix(n, "ий"), strings.HasSuffix(n, "ій"):
		out = addEndings(out, n[:len(n)-len("ий")], "ого", "ому", "им")
	case strings.HasSuffix(n, "ь"):
		stem := strings.TrimSuffix(n, "ь")
		out = addEndings(out, stem, "я", "і", "ю", "ем")
		if alt := swapLastI(stem); alt != stem {
			out = addEndings(out, alt, "я", "і", "ю", "ем")
		}
	case strings.HasSuffix(n, "а"):
		out = addEndings(out, strings.TrimSuffix(n, "а"), "и", "і", "у", "ою")
	case strings.HasSuffix(n, "я"):
		out = addEndings(out, strings.TrimSuffix(n, "я"), "і", "ї", "ю", "ею", "ям")
	case strings.HasSuffix(n, "и"), strings.HasSuffix(n, "і"):
		stem := n[:len(n)-len("и")]
		out = addEndings(out, stem, "ах", "ам", "ами", "ів", "")
	case strings.HasSuffix(n, "е"):
		out = addEndings(out, strings.TrimSuffix(n, "е"), "ого", "ому", "им")
	case strings.HasSuffix(n, "о"):
		out = addEndings(out, strings.TrimSuffix(n, "о"), "а", "і", "у", "ом")
	default:
		stem := n
		if alt := swapLastI(stem); alt != stem { // Ріг → Рогу is irregular; Ізюм keeps і
			out = addEndings(out, alt, "а", "у", "і", "ом")
		}
		out = addEndings(out, stem, "а", "у", "і", "ом", "ові")
	}
	return out
}

// inflectRU returns the Russian case forms of a settlement name.
func inflectRU(n string) []string {
	out := []string{n}
	if f, ok := irregularNorm[n]; ok {
		return append(out, f...)
	}
	if i := strings.LastIndexByte(n, ' '); i >= 0 {
		return lastWord(n[:i+1], n[i+1:], inflectRU)
	}
	switch {
	case strings.HasSuffix(n, "ий"), strings.HasSuffix(n, "ый"):
		out = addEndings(out, n[:len(n)-len("ий")], "ого", "ому", "ом", "им")
	case strings.HasSuffix(n, "ье"):
		out = addEndings(out, strings.TrimSuffix(n, "е"), "я", "ю", "ем")
	case strings.HasSuffix(n, "ь"):
		out = addEndings(out, strings.TrimSuffix(n, "ь"), "я", "ю", "е", "ем")
	case strings.HasSuffix(n, "а"):
		stem := strings.TrimSuffix(n, "а")
		gen := "ы"
		if endsVelar(stem) {
			gen = "и"
		}
		out = addEndings(out, stem, gen, "е", "у", "ой")
	case strings.HasSuffix(n, "я"):
		out = addEndings(out, strings.TrimSuffix(n, "я"), "и", "е", "ю", "ей")
	case strings.HasSuffix(n, "ы"), strings.HasSuffix(n, "и"):
		out = addEndings(out, n[:len(n)-len("ы")], "ах", "ам", "ами", "")
	case strings.HasSuffix(n, "о"), strings.HasSuffix(n, "е"):
		out = addEndings(out, n[:len(n)-len("о")], "а", "е", "у", "ом")
	default:
		out = addEndings(out, n, "а", "у", "е", "ом")
	}
	return out
}

// lastWord inflects only the last word of a multi-word name.
func lastWord(prefix, last string, inflect func(string) []string) []string {
	fs := inflect(last)
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = prefix + f
	}
	return out
}

func addEndings(out []string, stem string, ends ...string) []string {
	for _, e := range ends {
		if f := stem + e; f != "" && f != out[0] {
			out = append(out, f)
		}
	}
	return out
}

// endsVelar reports whether a Russian stem ends in г к х ж ш ч щ, after
// which the genitive ending is и, not ы.
func endsVelar(stem string) bool {
	for _, c := range []string{"г", "к", "х", "ж", "ш", "ч", "щ"} {
		if strings.HasSuffix(stem, c) {
			return true
		}
	}
	return false
}

// swapLastI turns the Ukrainian і of a closed last syllable into о
// (Тернопіль → Тернопол-), the alternation that case endings reopen.
func swapLastI(stem string) string {
	rs := []rune(stem)
	for i := len(rs) - 1; i >= 0 && i >= len(rs)-3; i-- {
		if rs[i] == 'і' && i > 0 {
			rs[i] = 'о'
			return string(rs)
		}
	}
	return stem
}

// regionFormsUK returns the Ukrainian forms naming a region from its
// adjective stem ("харківськ") and colloquial stems ("харківщин").
func regionFormsUK(adj string, coll []string) []string {
	var out []string
	if adj != "" {
		for _, f := range []string{"а область", "ої області", "ій області", "у область", "ою областю", "а обл", "ої обл", "ій обл", "у обл"} {
			out = append(out, adj+f)
		}
	}
	for _, c := range coll {
		if strings.HasSuffix(c, "щин") || strings.HasSuffix(c, "чин") || strings.HasSuffix(c, "ин") && !strings.HasSuffix(c, "олин") {
			out = append(out, c+"а", c+"и", c+"і", c+"у", c+"ою")
		} else {
			out = append(out, c+"я", c+"і", c+"ю", c+"ям", c+"ь", c+"и", c+"а", c+"у")
		}
	}
	return out
}

// regionFormsRU returns the Russian forms naming a region.
func regionFormsRU(adj string, coll []string) []string {
	var out []string
	if adj != "" {
		for _, f := range []string{"ая область", "ой области", "ую область", "ой обл", "ая обл", "ую обл", "ий край", "ого края", "ом крае"} {
			out = append(out, adj+f)
		}
	}
	for _, c := range coll {
		if strings.HasSuffix(c, "щин") || strings.HasSuffix(c, "чин") {
			out = append(out, c+"а", c+"ы", c+"е", c+"у", c+"ой")
		} else {
			out = append(out, c+"ье", c+"ья", c+"ью", c+"ь", c+"и", c+"а", c+"е", c+"у")
		}
	}
	return out
}
