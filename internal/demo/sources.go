package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// source is one reporting source of the scenario. The monitors, sensors and
// both parties' offices are the kinds a mission deals with; the news outlets
// are invented (their addresses use the reserved .example domain) so that no
// real outlet is credited with words written for this scenario.
type source struct {
	name  string
	typ   truce.SourceType
	party string // the party it speaks for (type party)
	side  string // RU or UA where the source reports from one side's view
	rel   string // Admiralty reliability
	lang  string // language of its text
	ref   string // news: the site's address; others: the prefix of its refs
	acc   float64
	delay time.Duration // usual time from the event to publication
	sens  string        // sensors: acoustic or thermal
}

func monitor(name, rel, ref string) *source {
	return &source{name: name, typ: truce.SourceMonitor, rel: rel, lang: "en", ref: ref, acc: 250, delay: 3 * time.Hour}
}

func party(name, code, lang, ref string) *source {
	return &source{name: name, typ: truce.SourceParty, party: code, side: code, rel: "C", lang: lang, ref: ref, delay: 90 * time.Minute}
}

func news(name, side, rel, lang, site string) *source {
	return &source{name: name, typ: truce.SourceNews, side: side, rel: rel, lang: lang, ref: "https://" + site, delay: 2 * time.Hour}
}

func other(name, side, lang, ref string) *source {
	return &source{name: name, typ: truce.SourceOther, side: side, rel: "B", lang: lang, ref: ref, delay: 4 * time.Hour}
}

func public(name, side, lang, ref string) *source {
	return &source{name: name, typ: truce.SourcePublic, side: side, rel: "F", lang: lang, ref: ref, acc: 100, delay: 25 * time.Minute}
}

func sensor(name, sens, rel, ref string, acc float64, delay time.Duration) *source {
	return &source{name: name, typ: truce.SourceSensor, rel: rel, lang: "en", ref: ref, acc: acc, delay: delay, sens: sens}
}

// sources are the scenario's sources by key.
var sources = map[string]*source{
	// The mission's own teams, on both sides of the border.
	"p14":    monitor("Patrol 14", "A", "P14"),
	"p7":     monitor("Patrol 7", "A", "P07"),
	"p9":     monitor("Patrol 9", "A", "P09"),
	"p22":    monitor("Patrol 22", "B", "P22"),
	"p31":    monitor("Patrol 31", "B", "P31"),
	"smmdn":  monitor("SMM team Dnipro", "A", "SMM-DNI"),
	"smmod":  monitor("SMM team Odesa", "A", "SMM-ODE"),
	"mtkyiv": monitor("Mobile team Kyiv", "A", "MT-KYI"),
	"mtkhe":  monitor("Mobile team Kherson", "B", "MT-KHE"),
	"mtbel":  monitor("Monitoring team Belgorod", "B", "MT-BEL"),
	"mtkur":  monitor("Monitoring team Kursk", "B", "MT-KUR"),
	"mtbry":  monitor("Monitoring team Bryansk", "B", "MT-BRY"),
	"mtros":  monitor("Monitoring team Rostov", "B", "MT-ROS"),
	"nsen":   monitor("Nuclear safety team Enerhodar", "A", "NST-ENE"),

	// Automated detection.
	"acN3":  sensor("acoustic array N3", "acoustic", "B", "AA-N3", 1500, 5*time.Minute),
	"acN7":  sensor("acoustic array N7", "acoustic", "B", "AA-N7", 1500, 5*time.Minute),
	"acD1":  sensor("acoustic array D1", "acoustic", "B", "AA-D1", 1500, 5*time.Minute),
	"acS2":  sensor("acoustic array S2", "acoustic", "B", "AA-S2", 1500, 5*time.Minute),
	"firms": sensor("FIRMS thermal anomaly", "thermal", "C", "FIRMS", 375, 3*time.Hour),

	// Ukraine's official sources.
	"uaf":     party("Ukrainian Air Force", "UA", "uk", "uaf"),
	"uags":    party("General Staff of the Armed Forces of Ukraine", "UA", "uk", "uags"),
	"uamfa":   party("Ministry of Foreign Affairs of Ukraine", "UA", "en", "uamfa"),
	"kyivcma": party("Kyiv City Military Administration", "UA", "uk", "kcma"),
	"kyivrma": party("Kyiv Regional Military Administration", "UA", "uk", "koda"),
	"khrma":   party("Kharkiv Regional Military Administration", "UA", "uk", "khova"),
	"dnrma":   party("Dnipropetrovsk Regional Military Administration", "UA", "uk", "dnova"),
	"zprma":   party("Zaporizhzhia Regional Military Administration", "UA", "uk", "zpova"),
	"odrma":   party("Odesa Regional Military Administration", "UA", "uk", "odova"),
	"sumrma":  party("Sumy Regional Military Administration", "UA", "uk", "sumova"),
	"kherma":  party("Kherson Regional Military Administration", "UA", "uk", "khersonova"),
	"donrma":  party("Donetsk Regional Military Administration", "UA", "uk", "dnovua"),
	"chrma":   party("Chernihiv Regional Military Administration", "UA", "uk", "chova"),
	"plrma":   party("Poltava Regional Military Administration", "UA", "uk", "plova"),
	"mkrma":   party("Mykolaiv Regional Military Administration", "UA", "uk", "mkova"),
	"lvrma":   party("Lviv Regional Military Administration", "UA", "uk", "lvova"),
	"ifrma":   party("Ivano-Frankivsk Regional Military Administration", "UA", "uk", "ifova"),
	"kr":      party("Kryvyi Rih City Defence Council", "UA", "uk", "krrada"),

	// Russia's official sources, and the administrations it installed.
	"rumod":   party("Russian Ministry of Defence", "RU", "ru", "mil"),
	"rumfa":   party("Russian Ministry of Foreign Affairs", "RU", "ru", "mid"),
	"belgov":  party("Belgorod Region Governor", "RU", "ru", "belgov"),
	"kurgov":  party("Kursk Region Governor", "RU", "ru", "kurgov"),
	"brygov":  party("Bryansk Region Governor", "RU", "ru", "brygov"),
	"vorgov":  party("Voronezh Region Governor", "RU", "ru", "vorgov"),
	"rosgov":  party("Rostov Region Governor", "RU", "ru", "rosgov"),
	"sargov":  party("Saratov Region Governor", "RU", "ru", "sargov"),
	"samgov":  party("Samara Region Governor", "RU", "ru", "samgov"),
	"volggov": party("Volgograd Region Governor", "RU", "ru", "volgov"),
	"ryagov":  party("Ryazan Region Governor", "RU", "ru", "ryagov"),
	"orgov":   party("Oryol Region Governor", "RU", "ru", "orgov"),
	"lipgov":  party("Lipetsk Region Governor", "RU", "ru", "lipgov"),
	"mosmay":  party("Moscow Mayor", "RU", "ru", "mosmay"),
	"krdhq":   party("Krasnodar Krai Operational HQ", "RU", "ru", "krdhq"),
	"crimhd":  party("Head of Crimea (Russian-installed)", "RU", "ru", "crimhd"),
	"sevgov":  party("Governor of Sevastopol (Russian-installed)", "RU", "ru", "sevgov"),
	"donadm":  party("Donetsk administration (Russian-installed)", "RU", "ru", "donadm"),
	"znpp":    party("ZNPP administration (Russian-installed)", "RU", "ru", "znpp"),

	// Operators of energy infrastructure.
	"ukrenergo": other("Ukrenergo", "UA", "uk", "ukrenergo"),
	"ukrhydro":  other("Ukrhydroenergo", "UA", "uk", "uhe"),
	"energoat":  other("Energoatom", "UA", "uk", "energoatom"),
	"naftogaz":  other("Naftogaz of Ukraine", "UA", "uk", "naftogaz"),
	"dtek":      other("DTEK", "UA", "en", "dtek"),

	// News outlets (invented).
	"bsw":    news("Black Sea Wire", "", "B", "en", "blackseawire.example"),
	"kl":     news("Kyiv Ledger", "UA", "B", "en", "kyivledger.example"),
	"fd":     news("Frontline Dispatch", "", "C", "en", "frontline-dispatch.example"),
	"dc":     news("Dnipro Courier", "UA", "B", "uk", "dniprocourier.example"),
	"sko":    news("Slobidskyi Krai Online", "UA", "C", "uk", "slobkrai.example"),
	"uh":     news("Ukrainska Hvylia", "UA", "B", "uk", "hvylia.example"),
	"pivden": news("Pivden Info", "UA", "C", "uk", "pivden-info.example"),
	"zpn":    news("Zaporizhzhia Today", "UA", "C", "uk", "zp-today.example"),
	"dnepr":  news("Dnepr Operativny", "UA", "C", "ru", "dnepr-oper.example"),
	"khon":   news("Kharkov Online", "UA", "C", "ru", "kharkov-online.example"),
	"nv":     news("Novaya Volna", "", "B", "ru", "novayavolna.example"),
	"vch":    news("Vesti Chernozemya", "RU", "C", "ru", "vesti-chr.example"),
	"rl":     news("Rossiyskaya Lenta", "RU", "D", "ru", "roslenta.example"),
	"yug":    news("Yug Express", "RU", "C", "ru", "yug-express.example"),
	"ds":     news("Donbass Segodnya", "RU", "D", "ru", "donbass-segodnya.example"),

	// Members of the public, through the mission's hotline.
	"pubru": public("Public hotline (Russian-language)", "", "ru", "HL-RU"),
	"pubuk": public("Public hotline (Ukrainian-language)", "", "uk", "HL-UK"),
}

// refFor returns the stable ref of the report a tell becomes.
func (s *source) refFor(e *event, t *tell) string {
	at := clock(e.at)
	id := e.id
	if t.n > 1 {
		id = fmt.Sprintf("%s-%d", id, t.n)
	}
	switch s.typ {
	case truce.SourceNews:
		return fmt.Sprintf("%s/%s/%s", s.ref, at.Format("2006/01/02"), id)
	case truce.SourceMonitor, truce.SourcePublic, truce.SourceSensor:
		return fmt.Sprintf("%s-%s-%s", s.ref, at.Format("20060102"), id)
	}
	return fmt.Sprintf("%s/%s/%s", s.ref, at.Format("2006-01-02"), id)
}

// defaultWhen is the window a source gives when the tell does not say.
func (s *source) defaultWhen(at time.Time) string {
	night := at.Hour() >= 22 || at.Hour() < 6
	switch s.typ {
	case truce.SourceMonitor:
		return "mon"
	case truce.SourceSensor:
		if s.sens == "thermal" {
			return "lag"
		}
		return "="
	case truce.SourcePublic:
		return "~5m"
	case truce.SourceParty:
		if night {
			return "~20m"
		}
		return "~10m"
	}
	if night {
		return "night"
	}
	return "~30m"
}

// defaultLoc is how a source places an event when the tell does not say.
func (s *source) defaultLoc() string {
	switch s.typ {
	case truce.SourceMonitor, truce.SourceSensor, truce.SourcePublic:
		return "pt"
	case truce.SourceOther:
		return "region"
	}
	return "place"
}

func (s *source) langOr(def string) string {
	if s.lang != "" {
		return s.lang
	}
	return def
}

// defaultText writes what a monitor or sensor logs when the table gives no
// words: a short technical note built from the report's own fields.
func defaultText(r *truce.Report, s *source, p *place, ref string) string {
	switch {
	case s.typ == truce.SourceSensor && s.sens == "thermal":
		sats := []string{"NOAA-20", "NOAA-21", "Suomi NPP"}
		sat := sats[int(frac(ref, "sat")*3)]
		conf := "nominal"
		if frac(ref, "conf") > 0.5 {
			conf = "high"
		}
		return fmt.Sprintf("VIIRS 375 m thermal anomaly (%s), FRP %.1f MW, confidence %s.", sat, 5+frac(ref, "frp")*90, conf)
	case s.typ == truce.SourceSensor:
		n := 3 + int(frac(ref, "st")*4)
		return fmt.Sprintf("Impulsive acoustic event detected by %d of 6 stations; location ellipse %.1f km.", n, 0.8+frac(ref, "el")*1.4)
	case s.typ == truce.SourceMonitor:
		return monitorNote(r, p)
	}
	return ""
}

// monitorNote is a monitor's default site note.
func monitorNote(r *truce.Report, p *place) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Site visit near %s: %s", p.en, strings.ReplaceAll(string(r.Kind), "_", " "))
	for i, w := range r.Weapons {
		sep := ", "
		if i == 0 {
			sep = "; weapon: "
		}
		b.WriteString(sep + strings.ReplaceAll(w.Class, "_", " "))
		if w.Model != "" {
			b.WriteString(" (" + w.Model + " type)")
		}
	}
	if r.Target != nil {
		b.WriteString("; target: " + strings.ReplaceAll(r.Target.Class, "_", " "))
		if r.Target.Name != "" {
			b.WriteString(", " + r.Target.Name)
		}
	}
	c := r.Casualties
	if c.Killed != nil || c.Injured != nil {
		fmt.Fprintf(&b, "; local authorities report %s killed, %s injured", num(c.Killed), num(c.Injured))
	}
	b.WriteString(".")
	return b.String()
}

func num(n *int) string {
	if n == nil {
		return "an unknown number"
	}
	return fmt.Sprint(*n)
}
