package demo

import "fmt"

// place is a settlement of the scenario: its names in English, Ukrainian
// and Russian (with another English spelling and the Russian name from
// before the 2016 renaming where there is one), its first-level region, and
// the coordinates of its centre. These are facts of geography.
type place struct {
	en, enAlt, uk, ru, ruOld string
	admin1, country          string
	lat, lon                 float64
	extent                   float64 // rough radius of the built-up area, km
	small                    bool    // not a town of 15,000 or more: reports that name it give coordinates too
	occ                      bool    // under Russian occupation in 2025
}

// name returns the place's name as a source writing in lang spells it;
// spelling "alt" picks the other English spelling, "old" the old Russian
// name.
func (p *place) name(lang, spelling string) string {
	n := p.en
	switch lang {
	case "uk":
		n = p.uk
	case "ru":
		n = p.ru
		if spelling == "old" && p.ruOld != "" {
			n = p.ruOld
		}
	default:
		if spelling == "alt" && p.enAlt != "" {
			n = p.enAlt
		}
	}
	return n
}

func placeOf(e *event) *place {
	p, ok := places[e.place]
	if !ok {
		panic(fmt.Sprintf("demo: event %s: unknown place %q", e.id, e.place))
	}
	return p
}

// places holds every settlement the scenario names, by key.
var places = map[string]*place{
	// Ukraine, government-controlled.
	"kyiv":           {"Kyiv", "Kiev", "Київ", "Киев", "", "Kyiv City", "UA", 50.4501, 30.5234, 12, false, false},
	"brovary":        {"Brovary", "", "Бровари", "Бровары", "", "Kyiv", "UA", 50.5181, 30.8067, 3, false, false},
	"bilatserkva":    {"Bila Tserkva", "Belaya Tserkov", "Біла Церква", "Белая Церковь", "", "Kyiv", "UA", 49.8094, 30.1121, 4, false, false},
	"kharkiv":        {"Kharkiv", "Kharkov", "Харків", "Харьков", "", "Kharkiv", "UA", 49.9935, 36.2304, 9, false, false},
	"chuhuiv":        {"Chuhuiv", "Chuguev", "Чугуїв", "Чугуев", "", "Kharkiv", "UA", 49.8359, 36.6880, 2.5, false, false},
	"kupiansk":       {"Kupiansk", "Kupyansk", "Куп'янськ", "Купянск", "", "Kharkiv", "UA", 49.7106, 37.6156, 3, true, false},
	"kozachalopan":   {"Kozacha Lopan", "Kazachya Lopan", "Козача Лопань", "Казачья Лопань", "", "Kharkiv", "UA", 50.3321, 36.1982, 1.5, true, false},
	"dnipro":         {"Dnipro", "Dnepr", "Дніпро", "Днепр", "Днепропетровск", "Dnipropetrovsk", "UA", 48.4647, 35.0462, 9, false, false},
	"kryvyirih":      {"Kryvyi Rih", "Krivoy Rog", "Кривий Ріг", "Кривой Рог", "", "Dnipropetrovsk", "UA", 47.9105, 33.3918, 10, false, false},
	"kamianske":      {"Kamianske", "Kamenskoye", "Кам'янське", "Каменское", "Днепродзержинск", "Dnipropetrovsk", "UA", 48.5113, 34.6021, 5, false, false},
	"pavlohrad":      {"Pavlohrad", "Pavlograd", "Павлоград", "Павлоград", "", "Dnipropetrovsk", "UA", 48.5334, 35.8705, 3, false, false},
	"nikopol":        {"Nikopol", "", "Нікополь", "Никополь", "", "Dnipropetrovsk", "UA", 47.5712, 34.3964, 3.5, false, false},
	"synelnykove":    {"Synelnykove", "Sinelnikovo", "Синельникове", "Синельниково", "", "Dnipropetrovsk", "UA", 48.3204, 35.5179, 2.5, false, false},
	"mezhova":        {"Mezhova", "Mezhevaya", "Межова", "Межевая", "", "Dnipropetrovsk", "UA", 48.2532, 36.7347, 1.5, true, false},
	"zaporizhzhia":   {"Zaporizhzhia", "Zaporozhye", "Запоріжжя", "Запорожье", "", "Zaporizhzhia", "UA", 47.8388, 35.1396, 8, false, false},
	"orikhiv":        {"Orikhiv", "Orekhov", "Оріхів", "Орехов", "", "Zaporizhzhia", "UA", 47.5673, 35.7858, 2, false, false},
	"huliaipole":     {"Huliaipole", "Gulyaipole", "Гуляйполе", "Гуляйполе", "", "Zaporizhzhia", "UA", 47.6639, 36.2563, 2, false, false},
	"odesa":          {"Odesa", "Odessa", "Одеса", "Одесса", "", "Odesa", "UA", 46.4825, 30.7233, 8, false, false},
	"izmail":         {"Izmail", "Izmayil", "Ізмаїл", "Измаил", "", "Odesa", "UA", 45.3493, 28.8408, 3, false, false},
	"bilhorod":       {"Bilhorod-Dnistrovskyi", "Belgorod-Dnestrovsky", "Білгород-Дністровський", "Белгород-Днестровский", "", "Odesa", "UA", 46.1952, 30.3494, 3, false, false},
	"chornomorsk":    {"Chornomorsk", "", "Чорноморськ", "Черноморск", "Ильичёвск", "Odesa", "UA", 46.3050, 30.6548, 3, false, false},
	"mykolaiv":       {"Mykolaiv", "Nikolaev", "Миколаїв", "Николаев", "", "Mykolaiv", "UA", 46.9750, 31.9946, 7, false, false},
	"kherson":        {"Kherson", "", "Херсон", "Херсон", "", "Kherson", "UA", 46.6354, 32.6169, 6, false, false},
	"sumy":           {"Sumy", "", "Суми", "Сумы", "", "Sumy", "UA", 50.9077, 34.7981, 5, false, false},
	"konotop":        {"Konotop", "", "Конотоп", "Конотоп", "", "Sumy", "UA", 51.2403, 33.2026, 3, false, false},
	"okhtyrka":       {"Okhtyrka", "Akhtyrka", "Охтирка", "Ахтырка", "", "Sumy", "UA", 50.3104, 34.8988, 3, false, false},
	"bilopillia":     {"Bilopillia", "Belopolye", "Білопілля", "Белополье", "", "Sumy", "UA", 51.1502, 34.3129, 2, false, false},
	"yunakivka":      {"Yunakivka", "Yunakovka", "Юнаківка", "Юнаковка", "", "Sumy", "UA", 51.1221, 35.0406, 1.5, true, false},
	"velpysarivka":   {"Velyka Pysarivka", "Velikaya Pisarevka", "Велика Писарівка", "Великая Писаревка", "", "Sumy", "UA", 50.4243, 35.4799, 1.5, true, false},
	"chernihiv":      {"Chernihiv", "Chernigov", "Чернігів", "Чернигов", "", "Chernihiv", "UA", 51.4982, 31.2893, 5, false, false},
	"poltava":        {"Poltava", "", "Полтава", "Полтава", "", "Poltava", "UA", 49.5937, 34.5407, 5, false, false},
	"kremenchuk":     {"Kremenchuk", "Kremenchug", "Кременчук", "Кременчуг", "", "Poltava", "UA", 49.0972, 33.4197, 5, false, false},
	"kramatorsk":     {"Kramatorsk", "", "Краматорськ", "Краматорск", "", "Donetsk", "UA", 48.7231, 37.5563, 4, false, false},
	"sloviansk":      {"Sloviansk", "Slavyansk", "Слов'янськ", "Славянск", "", "Donetsk", "UA", 48.8667, 37.6167, 4, false, false},
	"druzhkivka":     {"Druzhkivka", "Druzhkovka", "Дружківка", "Дружковка", "", "Donetsk", "UA", 48.6301, 37.5526, 3, false, false},
	"kostiantynivka": {"Kostiantynivka", "Konstantinovka", "Костянтинівка", "Константиновка", "", "Donetsk", "UA", 48.5277, 37.7069, 3, false, false},
	"pokrovsk":       {"Pokrovsk", "", "Покровськ", "Покровск", "Красноармейск", "Donetsk", "UA", 48.2820, 37.1759, 3, false, false},
	"lviv":           {"Lviv", "Lvov", "Львів", "Львов", "", "Lviv", "UA", 49.8397, 24.0297, 6, false, false},
	"burshtyn":       {"Burshtyn", "", "Бурштин", "Бурштын", "", "Ivano-Frankivsk", "UA", 49.2587, 24.6278, 1.5, true, false},
	"starokost":      {"Starokostiantyniv", "Starokonstantinov", "Старокостянтинів", "Староконстантинов", "", "Khmelnytskyi", "UA", 49.7576, 27.2034, 3, false, false},

	// Ukraine, under Russian occupation.
	"donetsk":    {"Donetsk", "", "Донецьк", "Донецк", "", "Donetsk", "UA", 48.0159, 37.8029, 8, false, true},
	"horlivka":   {"Horlivka", "Gorlovka", "Горлівка", "Горловка", "", "Donetsk", "UA", 48.3036, 38.0507, 5, false, true},
	"luhansk":    {"Luhansk", "Lugansk", "Луганськ", "Луганск", "", "Luhansk", "UA", 48.5671, 39.3171, 6, false, true},
	"melitopol":  {"Melitopol", "", "Мелітополь", "Мелитополь", "", "Zaporizhzhia", "UA", 46.8489, 35.3653, 4, false, true},
	"enerhodar":  {"Enerhodar", "Energodar", "Енергодар", "Энергодар", "", "Zaporizhzhia", "UA", 47.4987, 34.6574, 2.5, false, true},
	"sevastopol": {"Sevastopol", "", "Севастополь", "Севастополь", "", "Sevastopol", "UA", 44.6167, 33.5254, 6, false, true},
	"saky":       {"Saky", "Saki", "Саки", "Саки", "", "Crimea", "UA", 45.1336, 33.5994, 2.5, false, true},
	"feodosia":   {"Feodosia", "Feodosiya", "Феодосія", "Феодосия", "", "Crimea", "UA", 45.0368, 35.3779, 3, false, true},

	// Russia.
	"belgorod":    {"Belgorod", "", "Бєлгород", "Белгород", "", "Belgorod", "RU", 50.5954, 36.5873, 6, false, false},
	"shebekino":   {"Shebekino", "", "Шебекине", "Шебекино", "", "Belgorod", "RU", 50.4097, 36.9136, 3, false, false},
	"grayvoron":   {"Grayvoron", "Graivoron", "Грайворон", "Грайворон", "", "Belgorod", "RU", 50.4786, 35.6775, 1.5, true, false},
	"kursk":       {"Kursk", "", "Курськ", "Курск", "", "Kursk", "RU", 51.7373, 36.1874, 6, false, false},
	"rylsk":       {"Rylsk", "Rylsk", "Рильськ", "Рыльск", "", "Kursk", "RU", 51.5655, 34.6822, 2, false, false},
	"lgov":        {"Lgov", "", "Льгов", "Льгов", "", "Kursk", "RU", 51.6590, 35.2640, 2, true, false},
	"kurchatov":   {"Kurchatov", "", "Курчатов", "Курчатов", "", "Kursk", "RU", 51.6601, 35.6521, 2.5, false, false},
	"sudzha":      {"Sudzha", "", "Суджа", "Суджа", "", "Kursk", "RU", 51.1917, 35.2708, 1.5, true, false},
	"bryansk":     {"Bryansk", "", "Брянськ", "Брянск", "", "Bryansk", "RU", 53.2521, 34.3717, 7, false, false},
	"unecha":      {"Unecha", "", "Унеча", "Унеча", "", "Bryansk", "RU", 52.8459, 32.6739, 2.5, false, false},
	"novozybkov":  {"Novozybkov", "", "Новозибков", "Новозыбков", "", "Bryansk", "RU", 52.5396, 31.9275, 2.5, false, false},
	"voronezh":    {"Voronezh", "", "Воронеж", "Воронеж", "", "Voronezh", "RU", 51.6720, 39.1843, 9, false, false},
	"ostrogozhsk": {"Ostrogozhsk", "", "Острогозьк", "Острогожск", "", "Voronezh", "RU", 50.8664, 39.0756, 2.5, false, false},
	"millerovo":   {"Millerovo", "", "Міллерово", "Миллерово", "", "Rostov", "RU", 48.9227, 40.3967, 3, false, false},
	"taganrog":    {"Taganrog", "", "Таганрог", "Таганрог", "", "Rostov", "RU", 47.2362, 38.8969, 5, false, false},
	"novoross":    {"Novorossiysk", "", "Новоросійськ", "Новороссийск", "", "Krasnodar Krai", "RU", 44.7244, 37.7675, 5, false, false},
	"tuapse":      {"Tuapse", "", "Туапсе", "Туапсе", "", "Krasnodar Krai", "RU", 44.1053, 39.0802, 2.5, false, false},
	"afipsky":     {"Afipsky", "Afipskiy", "Афіпський", "Афипский", "", "Krasnodar Krai", "RU", 44.9021, 38.8439, 2, false, false},
	"volgograd":   {"Volgograd", "", "Волгоград", "Волгоград", "", "Volgograd", "RU", 48.7194, 44.5018, 10, false, false},
	"saratov":     {"Saratov", "", "Саратов", "Саратов", "", "Saratov", "RU", 51.5406, 46.0086, 7, false, false},
	"engels":      {"Engels", "", "Енгельс", "Энгельс", "", "Saratov", "RU", 51.4839, 46.1053, 4, false, false},
	"syzran":      {"Syzran", "", "Сизрань", "Сызрань", "", "Samara", "RU", 53.1585, 48.4681, 4, false, false},
	"ryazan":      {"Ryazan", "", "Рязань", "Рязань", "", "Ryazan", "RU", 54.6269, 39.6916, 6, false, false},
	"oryol":       {"Oryol", "Orel", "Орел", "Орёл", "", "Oryol", "RU", 52.9651, 36.0785, 5, false, false},
	"lipetsk":     {"Lipetsk", "", "Липецьк", "Липецк", "", "Lipetsk", "RU", 52.6031, 39.5708, 6, false, false},
	"moscow":      {"Moscow", "", "Москва", "Москва", "", "Moscow City", "RU", 55.7522, 37.6156, 15, false, false},
}
