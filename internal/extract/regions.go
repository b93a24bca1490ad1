package extract

import "strings"

// region is a first-level region (Ukrainian oblast, Russian oblast, krai
// or republic, Crimea, the two cities with regional status) with the name
// forms the extractor looks for, and the settlement that is its centre.
type region struct {
	admin1, country string
	en              []string // English names of the region ("Kharkiv", "Kharkov"); with "region"/"oblast" they name the region
	bareEn          []string // English names that alone mean the region, not a city ("Crimea", "Dnipropetrovsk")
	ukAdj, ruAdj    string   // adjective stems: "харківськ" + "а область", "харьковск" + "ая область"
	ukColl, ruColl  []string // colloquial region nouns: "харківщин" + "а/и/і/у/ою"
	ukBare, ruBare  []string // nouns that name the region itself ("Крим", "Кубань")
	centre          []string // English names of the centre city
	centreUK        string   // Ukrainian name of the centre
	centreRU        string   // Russian name of the centre
}

// regionTable holds one line per region:
// admin1|country|en names|uk adj|ru adj|uk coll|ru coll|centre en|centre uk|centre ru
// Lists are comma-separated. A leading "=" on the en names marks a bare
// name as the region. The names are facts of geography written here, not
// copied from any source.
const regionTable = `
Cherkasy|UA|Cherkasy,Cherkassy|черкаськ|черкасск|черкащин|черкасщин|Cherkasy,Cherkassy|Черкаси|Черкассы
Chernihiv|UA|Chernihiv,Chernigov|чернігівськ|черниговск|чернігівщин|черниговщин|Chernihiv,Chernigov|Чернігів|Чернигов
Chernivtsi|UA|Chernivtsi,Chernovtsy,=Bukovina|чернівецьк|черновицк|буковин|буковин|Chernivtsi,Chernovtsy|Чернівці|Черновцы
Crimea|UA|=Crimea,Crimean peninsula|кримськ|крымск|||Simferopol|Сімферополь|Симферополь
Dnipropetrovsk|UA|=Dnipropetrovsk,=Dnepropetrovsk,=Dnipropetrovska|дніпропетровськ|днепропетровск|дніпропетровщин,дніпрощин|днепропетровщин|Dnipro,Dnepr|Дніпро|Днепр
Donetsk|UA|Donetsk|донецьк|донецк|донеччин|донетчин|Donetsk|Донецьк|Донецк
Ivano-Frankivsk|UA|Ivano-Frankivsk,Ivano-Frankovsk|івано-франківськ|ивано-франковск|прикарпатт,франківщин|прикарпать|Ivano-Frankivsk,Ivano-Frankovsk|Івано-Франківськ|Ивано-Франковск
Kharkiv|UA|Kharkiv,Kharkov|харківськ|харьковск|харківщин,слобожанщин|харьковщин|Kharkiv,Kharkov|Харків|Харьков
Kherson|UA|Kherson|херсонськ|херсонск|херсонщин|херсонщин|Kherson|Херсон|Херсон
Khmelnytskyi|UA|Khmelnytskyi,Khmelnytskyy,Khmelnytsky,Khmelnitsky,Khmelnitskiy|хмельницьк|хмельницк|хмельниччин|хмельнитчин|Khmelnytskyi,Khmelnytskyy,Khmelnytsky,Khmelnitsky|Хмельницький|Хмельницкий
Kirovohrad|UA|=Kirovohrad,=Kirovograd,Kropyvnytskyi|кіровоградськ|кировоградск|кіровоградщин|кировоградщин|Kropyvnytskyi,Kropyvnytskyy,Kropyvnytsky|Кропивницький|Кропивницкий
Kyiv|UA|Kyiv,Kiev|київськ|киевск|київщин|киевщин|||
Kyiv City|UA||||||Kyiv,Kiev|Київ|Киев
Luhansk|UA|Luhansk,Lugansk|луганськ|луганск|луганщин|луганщин|Luhansk,Lugansk|Луганськ|Луганск
Lviv|UA|Lviv,Lvov|львівськ|львовск|львівщин|львовщин|Lviv,Lvov|Львів|Львов
Mykolaiv|UA|Mykolaiv,Mykolayiv,Nikolaev,Nikolayev|миколаївськ|николаевск|миколаївщин|николаевщин|Mykolaiv,Mykolayiv,Nikolaev,Nikolayev|Миколаїв|Николаев
Odesa|UA|Odesa,Odessa|одеськ|одесск|одещин|одесщин|Odesa,Odessa|Одеса|Одесса
Poltava|UA|Poltava|полтавськ|полтавск|полтавщин|полтавщин|Poltava|Полтава|Полтава
Rivne|UA|Rivne,Rovno|рівненськ|ровенск|рівненщин|ровенщин|Rivne,Rovno|Рівне|Ровно
Sevastopol|UA||||||Sevastopol|Севастополь|Севастополь
Sumy|UA|Sumy|сумськ|сумск|сумщин|сумщин|Sumy|Суми|Сумы
Ternopil|UA|Ternopil,Ternopol|тернопільськ|тернопольск|тернопільщин|тернопольщин|Ternopil,Ternopol|Тернопіль|Тернополь
Vinnytsia|UA|Vinnytsia,Vinnytsya,Vinnitsa|вінницьк|винницк|вінниччин|винничин|Vinnytsia,Vinnytsya,Vinnitsa|Вінниця|Винница
Volyn|UA|=Volyn,=Volhynia|волинськ|волынск|волин|волын|Lutsk|Луцьк|Луцк
Zakarpattia|UA|=Zakarpattia,=Transcarpathia,=Zakarpattya|закарпатськ|закарпатск|закарпатт|закарпать|Uzhhorod,Uzhgorod|Ужгород|Ужгород
Zaporizhzhia|UA|Zaporizhzhia,Zaporizhia,Zaporizhzhya,Zaporozhye|запорізьк|запорожск|запоріжж|запорожь|Zaporizhzhia,Zaporizhia,Zaporizhzhya,Zaporozhye|Запоріжжя|Запорожье
Zhytomyr|UA|Zhytomyr,Zhitomir|житомирськ|житомирск|житомирщин|житомирщин|Zhytomyr,Zhitomir|Житомир|Житомир
Belgorod|RU|Belgorod|бєлгородськ|белгородск|бєлгородщин|белгородчин,белгородщин|Belgorod|Бєлгород|Белгород
Bryansk|RU|Bryansk|брянськ|брянск|брянщин|брянщин|Bryansk|Брянськ|Брянск
Kursk|RU|Kursk|курськ|курск|курщин|курщин|Kursk|Курськ|Курск
Voronezh|RU|Voronezh|воронезьк|воронежск|воронежчин|воронежчин|Voronezh|Воронеж|Воронеж
Rostov|RU|Rostov|ростовськ|ростовск|ростовщин|ростовщин|Rostov-on-Don,Rostov|Ростов-на-Дону|Ростов-на-Дону
Krasnodar Krai|RU|Krasnodar,=Kuban|краснодарськ|краснодарск|кубан|кубан|Krasnodar|Краснодар|Краснодар
Moscow|RU|Moscow|московськ|московск|підмосков|подмосков|Moscow|Москва|Москва
Oryol|RU|Oryol,Orel|орловськ|орловск|орловщин|орловщин|Oryol,Orel|Орел|Орел
Lipetsk|RU|Lipetsk|липецьк|липецк|липеччин|липетчин|Lipetsk|Липецьк|Липецк
Tula|RU|Tula|тульськ|тульск|тульщин|тульщин|Tula|Тула|Тула
Kaluga|RU|Kaluga|калузьк|калужск|калужчин|калужчин|Kaluga|Калуга|Калуга
Smolensk|RU|Smolensk|смоленськ|смоленск|смоленщин|смоленщин|Smolensk|Смоленськ|Смоленск
Tambov|RU|Tambov|тамбовськ|тамбовск|тамбовщин|тамбовщин|Tambov|Тамбов|Тамбов
Ryazan|RU|Ryazan|рязанськ|рязанск|рязанщин|рязанщин|Ryazan|Рязань|Рязань
Saratov|RU|Saratov|саратовськ|саратовск|саратовщин|саратовщин|Saratov,Engels|Саратов|Саратов
Volgograd|RU|Volgograd|волгоградськ|волгоградск|волгоградщин|волгоградщин|Volgograd|Волгоград|Волгоград
Astrakhan|RU|Astrakhan|астраханськ|астраханск|астраханщин|астраханщин|Astrakhan|Астрахань|Астрахань
Leningrad|RU|=Leningrad|ленінградськ|ленинградск|ленінградщин|ленинградщин|St Petersburg,Saint Petersburg,St. Petersburg|Санкт-Петербург|Санкт-Петербург
Nizhny Novgorod|RU|Nizhny Novgorod|нижньогородськ|нижегородск|||Nizhny Novgorod|Нижній Новгород|Нижний Новгород
Yaroslavl|RU|Yaroslavl|ярославськ|ярославск|ярославщин|ярославщин|Yaroslavl|Ярославль|Ярославль
Tver|RU|Tver|тверськ|тверск|||Tver|Твер|Тверь
Pskov|RU|Pskov|псковськ|псковск|псковщин|псковщин|Pskov|Псков|Псков
Samara|RU|Samara|самарськ|самарск|самарщин|самарщин|Samara|Самара|Самара
Penza|RU|Penza|пензенськ|пензенск|пензенщин|пензенщин|Penza|Пенза|Пенза
Stavropol Krai|RU|Stavropol|ставропольськ|ставропольск|ставропольщин|ставропольщин|Stavropol|Ставрополь|Ставрополь
Tatarstan|RU|=Tatarstan|татарстанськ|татарстанск|||Kazan,Yelabuga,Alabuga|Казань|Казань
Bashkortostan|RU|=Bashkortostan,=Bashkiria|башкирськ|башкирск|башкир|башкир|Ufa|Уфа|Уфа
`

// regionBare adds nouns that name a region in Ukrainian and Russian.
var regionBare = map[string][2][]string{
	"Crimea":         {{"крим"}, {"крым"}},
	"Krasnodar Krai": {{"кубань"}, {"кубань"}},
	"Volyn":          {{"волинь"}, {"волынь"}},
}

// regions parses regionTable once.
var regions = parseRegions(regionTable)

func parseRegions(table string) []region {
	var out []region
	for _, line := range strings.Split(strings.TrimSpace(table), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 10 {
			panic("extract: bad region line: " + line)
		}
		r := region{admin1: f[0], country: f[1], ukAdj: f[3], ruAdj: f[4],
			ukColl: list(f[5]), ruColl: list(f[6]), centre: list(f[7]), centreUK: f[8], centreRU: f[9]}
		for _, n := range list(f[2]) {
			if strings.HasPrefix(n, "=") {
				n = n[1:]
				r.bareEn = append(r.bareEn, n)
			}
			r.en = append(r.en, n)
		}
		if b, ok := regionBare[r.admin1]; ok {
			r.ukBare, r.ruBare = b[0], b[1]
		}
		out = append(out, r)
	}
	return out
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// regionByAdmin1 finds a region of the table by its canonical name.
func regionByAdmin1(name string) *region {
	for i := range regions {
		if strings.EqualFold(regions[i].admin1, name) {
			return &regions[i]
		}
	}
	return nil
}
