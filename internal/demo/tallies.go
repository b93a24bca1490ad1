package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// uaTally is one night's tally of the Ukrainian Air Force: what Russia
// launched between 18:00 and 08:00 and what was shot down or jammed.
type uaTally struct {
	morning  string // "08-12": the morning it was published
	drones   int    // Shahed-type and decoy drones launched
	downed   int    // of which shot down or jammed
	missiles string // "class:model:launched:downed,…"
	note     string // a sentence added to the text
}

// ruTally is one night's tally of the Russian Ministry of Defence: drones
// it says were intercepted, by region.
type ruTally struct {
	morning string // "08-12"
	regions string // "bry:12,kur:9": region key and count, see ruRegions
	when    string // the window as the ministry gives it; "" the night
	note    string
}

var uaTallies = []uaTally{
	{morning: "08-01", drones: 309, downed: 288, missiles: "cruise_missile:Kh-101:8:6,ballistic_missile:Iskander-M:2:0"},
	{morning: "08-02", drones: 112, downed: 89, missiles: "cruise_missile:Kalibr:6:4,cruise_missile:Kh-101:8:7,hypersonic_missile:Kh-47M2 Kinzhal:2:0"},
	{morning: "08-03", drones: 76, downed: 61, missiles: "ballistic_missile:Iskander-M:2:0"},
	{morning: "08-04", drones: 58, downed: 47},
	{morning: "08-05", drones: 83, downed: 70},
	{morning: "08-06", drones: 61, downed: 50},
	{morning: "08-07", drones: 94, downed: 76, missiles: "ballistic_missile:Iskander-M:1:0"},
	{morning: "08-08", drones: 72, downed: 58},
	{morning: "08-09", drones: 104, downed: 86, missiles: "cruise_missile:Kh-101:4:3"},
	{morning: "08-10", drones: 97, downed: 81, missiles: "cruise_missile:Kh-59:4:2"},
	{morning: "08-11", drones: 55, downed: 44},
	{morning: "08-12", drones: 86, downed: 69, missiles: "ballistic_missile:Iskander-M:2:0"},
	{morning: "08-13", drones: 65, downed: 52, missiles: "ballistic_missile:Iskander-M:3:1"},
	{morning: "08-14", drones: 70, downed: 57},
	{morning: "08-15", drones: 49, downed: 40},
	{morning: "08-16", drones: 143, downed: 118, missiles: "ballistic_missile:Iskander-M:2:0,cruise_missile:Kh-101:6:4"},
	{morning: "08-17", drones: 88, downed: 74},
	{morning: "08-18", drones: 168, downed: 142, missiles: "cruise_missile:Kh-101:6:4",
		note: "Після 00:00, коли мало набути чинності перемир'я в повітрі, противник випустив ще 23 ударні БпЛА; дві крилаті ракети, запущені до півночі, досягли цілей у Києві після 00:00."},
	{morning: "08-21", drones: 7, downed: 5, note: "Це порушення перемир'я в повітрі."},
	{morning: "08-30", drones: 9, downed: 7, note: "Це порушення перемир'я в повітрі."},
	{morning: "09-01", drones: 12, downed: 11, note: "Це порушення перемир'я в повітрі."},
	{morning: "09-05", drones: 18, downed: 13, note: "Це порушення перемир'я в повітрі."},
	{morning: "09-07", drones: 6, downed: 5, missiles: "hypersonic_missile:Kh-47M2 Kinzhal:1:0", note: "Це порушення перемир'я в повітрі."},
	{morning: "09-08", drones: 14, downed: 11, note: "Це порушення перемир'я в повітрі."},
	{morning: "09-10", drones: 122, downed: 97, missiles: "ballistic_missile:Iskander-M:2:0,cruise_missile:Kh-101:5:3",
		note: "Це наймасованіша атака від початку перемир'я в повітрі."},
}

var ruTallies = []ruTally{
	{morning: "08-01", regions: "bry:12,kur:9,bel:6,vor:4"},
	{morning: "08-02", regions: "bel:8,kur:5"},
	{morning: "08-03", regions: "krd:14,crim:8,sea:5"},
	{morning: "08-04", regions: "ros:18,bel:5"},
	{morning: "08-06", regions: "bry:22,kur:11,orl:3"},
	{morning: "08-07", regions: "bel:9,kur:4"},
	{morning: "08-09", regions: "sar:10,vor:6,vol:4"},
	{morning: "08-10", regions: "lip:9,vor:5,tam:3"},
	{morning: "08-11", regions: "crim:17,sea:9"},
	{morning: "08-12", regions: "vor:7,bel:4"},
	{morning: "08-13", regions: "ros:12,vor:7,bel:4"},
	{morning: "08-14", regions: "vol:11,ros:6,bel:3"},
	{morning: "08-15", regions: "kur:8,bry:5"},
	{morning: "08-16", regions: "rya:13,mos:6,tul:4"},
	{morning: "08-17", regions: "bry:10,bel:7"},
	{morning: "08-18", regions: "bry:16,bel:11,kur:5", when: "win:08-17 20:00/08-18 00:00",
		note: "Все беспилотники уничтожены до 00:00 18 августа, то есть до вступления в силу перемирия."},
	{morning: "08-20", regions: "kur:1", note: "Беспилотник пытался атаковать Курскую АЭС."},
	{morning: "08-26", regions: "krd:6,sea:2", note: "Киевский режим нарушает договорённость о перемирии."},
	{morning: "08-28", regions: "mos:3,kal:2", note: "Киевский режим нарушает договорённость о перемирии."},
	{morning: "09-01", regions: "sar:8,vor:2", note: "Киевский режим нарушает договорённость о перемирии."},
	{morning: "09-02", regions: "sam:5,ulk:2", note: "Киевский режим нарушает договорённость о перемирии."},
	{morning: "09-03", regions: "orl:4,bry:2", note: "Киевский режим нарушает договорённость о перемирии."},
	{morning: "09-05", regions: "crim:5,sea:3", note: "Киевский режим нарушает договорённость о перемирии."},
	{morning: "09-07", regions: "bry:7", note: "Киевский режим нарушает договорённость о перемирии."},
}

// ruRegions gives, for each region key of ruTallies, where the ministry
// says the drones were brought down.
var ruRegions = map[string]string{
	"bry": "над территорией Брянской области", "kur": "над территорией Курской области",
	"bel": "над территорией Белгородской области", "vor": "над территорией Воронежской области",
	"orl": "над территорией Орловской области", "ros": "над территорией Ростовской области",
	"krd": "над территорией Краснодарского края", "crim": "над территорией Республики Крым",
	"sea": "над акваторией Чёрного моря", "sar": "над территорией Саратовской области",
	"vol": "над территорией Волгоградской области", "lip": "над территорией Липецкой области",
	"tam": "над территорией Тамбовской области", "rya": "над территорией Рязанской области",
	"mos": "над территорией Московского региона", "tul": "над территорией Тульской области",
	"sam": "над территорией Самарской области", "kal": "над территорией Калужской области",
	"ulk": "над территорией Ульяновской области",
}

// tallyReports renders both parties' tallies.
func tallyReports() []truce.Report {
	var out []truce.Report
	for _, t := range uaTallies {
		out = append(out, t.report())
	}
	for _, t := range ruTallies {
		out = append(out, t.report())
	}
	return out
}

func (t uaTally) report() truce.Report {
	s := sources["uaf"]
	day := clock(t.morning + " 00:00")
	ref := fmt.Sprintf("uaf/%s/night-tally", day.Format("2006-01-02"))
	ws := []truce.Weapon{{Class: "drone.long_range", Model: "Shahed-136/Gerbera", Count: intp(t.drones)}}
	launched, downed := t.drones, t.downed
	phrases := []string{fmt.Sprintf("%d ударними БпЛА типу Shahed, «Гербера» та дронами-імітаторами", t.drones)}
	for _, m := range splitList(t.missiles) {
		f := strings.Split(m, ":")
		if len(f) != 4 {
			panic("demo: bad tally missile " + m)
		}
		n, d := *count(f[2]), *count(f[3])
		ws = append(ws, truce.Weapon{Class: f[0], Model: f[1], Count: intp(n)})
		launched += n
		downed += d
		phrases = append(phrases, ukMissile(f[1], n))
	}
	text := fmt.Sprintf("У ніч на %s (з 18:00 %s) противник атакував %s. Станом на 08:30 протиповітряною обороною збито або подавлено %d %s. Кількість влучань — %d.",
		ukDate(day), ukDate(day.AddDate(0, 0, -1)), strings.Join(phrases, ", а також "),
		downed, plural(downed, "ціль", "цілі", "цілей"), launched-downed)
	if t.note != "" {
		text += " " + t.note
	}
	return truce.Report{
		Source:       truce.Source{Type: s.typ, Name: s.name, Party: s.party, Ref: ref, Reliability: s.rel},
		Kind:         truce.KindStrike,
		Occurred:     truce.Window{From: day.Add(-6 * time.Hour), To: day.Add(8 * time.Hour)},
		ReportedAt:   timep(day.Add(8*time.Hour + 40*time.Minute + time.Duration(frac(ref, "rep")*40)*time.Minute)),
		Location:     truce.Location{Country: "UA"},
		Weapons:      ws,
		AttributedTo: "RU",
		Aggregate:    true,
		Counts:       &truce.Counts{Launched: intp(launched), Intercepted: intp(downed), Hit: intp(launched - downed)},
		Language:     "uk",
		Text:         text,
	}
}

func (t ruTally) report() truce.Report {
	s := sources["rumod"]
	day := clock(t.morning + " 00:00")
	ref := fmt.Sprintf("mil/%s/night-tally", day.Format("2006-01-02"))
	from, to := day.Add(-4*time.Hour), day.Add(7*time.Hour)
	if t.when != "" {
		from, to, _ = window(t.when, from, ref)
	}
	total := 0
	var parts []string
	for _, item := range splitList(t.regions) {
		k, n, _ := strings.Cut(item, ":")
		where, ok := ruRegions[k]
		if !ok {
			panic("demo: unknown tally region " + k)
		}
		c := *count(n)
		total += c
		parts = append(parts, fmt.Sprintf("%d — %s", c, where))
	}
	verb := plural(total, "перехвачен и уничтожен %d украинский беспилотный летательный аппарат",
		"перехвачены и уничтожены %d украинских беспилотных летательных аппарата",
		"перехвачены и уничтожены %d украинских беспилотных летательных аппаратов")
	text := "В течение прошедшей ночи дежурными средствами ПВО " + fmt.Sprintf(verb, total) +
		" самолётного типа: " + strings.Join(parts, ", ") + "."
	if t.note != "" {
		text += " " + t.note
	}
	return truce.Report{
		Source:       truce.Source{Type: s.typ, Name: s.name, Party: s.party, Ref: ref, Reliability: s.rel},
		Kind:         truce.KindStrike,
		Occurred:     truce.Window{From: from, To: to},
		ReportedAt:   timep(day.Add(7*time.Hour + 10*time.Minute + time.Duration(frac(ref, "rep")*50)*time.Minute)),
		Location:     truce.Location{Country: "RU"},
		Weapons:      []truce.Weapon{{Class: "drone.long_range", Count: intp(total)}},
		AttributedTo: "UA",
		Aggregate:    true,
		Counts:       &truce.Counts{Intercepted: intp(total)},
		Language:     "ru",
		Text:         text,
	}
}

// ukMissile names n missiles of a model in the instrumental case, as the
// Air Force writes "атакував … 2 балістичними ракетами Іскандер-М".
func ukMissile(model string, n int) string {
	kinds := map[string][2]string{
		"Iskander-M":      {"балістичною ракетою Іскандер-М", "балістичними ракетами Іскандер-М"},
		"Kh-101":          {"крилатою ракетою Х-101", "крилатими ракетами Х-101"},
		"Kalibr":          {"крилатою ракетою «Калібр»", "крилатими ракетами «Калібр»"},
		"Kh-59":           {"керованою авіаційною ракетою Х-59", "керованими авіаційними ракетами Х-59"},
		"Kh-47M2 Kinzhal": {"аеробалістичною ракетою Х-47М2 «Кинджал»", "аеробалістичними ракетами Х-47М2 «Кинджал»"},
	}
	k, ok := kinds[model]
	if !ok {
		panic("demo: no Ukrainian name for missile " + model)
	}
	if n%10 == 1 && n%100 != 11 {
		return fmt.Sprintf("%d %s", n, k[0])
	}
	return fmt.Sprintf("%d %s", n, k[1])
}

// plural picks the Ukrainian or Russian noun form for n: one (1, 21…),
// few (2–4, 22–24…) or many.
func plural(n int, one, few, many string) string {
	switch {
	case n%10 == 1 && n%100 != 11:
		return one
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return few
	}
	return many
}

var ukMonths = map[time.Month]string{time.July: "липня", time.August: "серпня", time.September: "вересня"}

func ukDate(d time.Time) string {
	m, ok := ukMonths[d.Month()]
	if !ok {
		panic("demo: no Ukrainian month name for " + d.Month().String())
	}
	return fmt.Sprintf("%d %s", d.Day(), m)
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
