package main

// placeFact is a settlement the sources lack or misname, written by hand.
type placeFact struct {
	ID                   string
	Name, NameUK, NameRU string
	ISO, Admin2          string
	Lat, Lon, UncKM      float64
	Population           int // 0: not known
	Also                 []string
}

// placeFacts are settlements missing from the GeoNames extracts, or present
// only among same-named postal villages, that reports name: Samara lies east
// of the cities file's box; Sudzha and Graivoron are below its 15,000
// people; Olenivka (Donetsk) is in an area the postal file leaves out;
// Serhiivka is the resort of Bilhorod-Dnistrovskyi raion struck in July 2022.
var placeFacts = []placeFact{
	{ID: "fact:samara", Name: "Samara", NameUK: "Самара", NameRU: "Самара", ISO: "RU-SAM",
		Lat: 53.2001, Lon: 50.15, UncKM: 12, Population: 1164685, Also: []string{"Kuybyshev", "Kuibyshev", "Куйбышев"}},
	{ID: "fact:sudzha", Name: "Sudzha", NameUK: "Суджа", NameRU: "Суджа", ISO: "RU-KRS",
		Lat: 51.1919, Lon: 35.2708, UncKM: 3, Also: []string{"Sudja", "Sudscha"}},
	{ID: "fact:graivoron", Name: "Graivoron", NameUK: "Грайворон", NameRU: "Грайворон", ISO: "RU-BEL",
		Lat: 50.4833, Lon: 35.6667, UncKM: 3, Also: []string{"Grayvoron", "Hraivoron"}},
	{ID: "fact:serhiivka-odesa", Name: "Serhiivka", NameUK: "Сергіївка", NameRU: "Сергеевка", ISO: "UA-51",
		Admin2: "Bilhorod-Dnistrovskyi", Lat: 46.028, Lon: 30.377, UncKM: 3, Also: []string{"Serhiyivka", "Sergeyevka"}},
	{ID: "fact:olenivka-donetsk", Name: "Olenivka", NameUK: "Оленівка", NameRU: "Еленовка", ISO: "UA-14",
		Admin2: "Volnovaskyi", Lat: 47.8400, Lon: 37.6800, UncKM: 3, Also: []string{"Yelenovka", "Elenovka"}},
}

// excludedGN are GeoNames records left out, with the reason.
var excludedGN = map[int]string{
	824987: "a second record of Belgorod (the urban okrug) with a wrong population",
	501215: "a second record of Rossosh, 120 km from the town (50.20N 39.57E)",
	831165: "a second record of Zarechny (Penza), 90 km from the town (53.20N 45.19E)",
	857689: "a second record of Vnukovo, a district of Moscow City",
}

// uncertaintyKM overrides the radius a town's population gives, for towns
// much longer than they are wide.
var uncertaintyKM = map[int]float64{
	703845: 25, // Kryvyi Rih stretches some 65 km along the Inhulets
}

// englishNames override the Latin names of Russian towns whose GeoNames
// ASCII form is not the usual English one.
var englishNames = map[int]string{
	501175: "Rostov-on-Don",
	520555: "Nizhny Novgorod",
	515012: "Oryol",
}

// cyrillicNames override the Ukrainian and Russian names chosen among
// GeoNames' alternate names where the choice goes wrong or finds nothing.
var cyrillicNames = map[int][2]string{
	// Ukraine: towns lacking the Ukrainian or Russian form, or given a
	// Bulgarian, Romanian or mixed one.
	710719: {"Чернівці", "Черновцы"}, 694423: {"Севастополь", "Севастополь"},
	691999: {"Сєвєродонецьк", "Северодонецк"}, 712451: {"Бердянськ", "Бердянск"},
	713716: {"Алчевськ", "Алчевск"}, 688148: {"Єнакієве", "Енакиево"},
	700019: {"Нижньогірський", "Нижнегорский"}, 694382: {"Шахтарськ", "Шахтерск"},
	693457: {"Сміла", "Смела"}, 706466: {"Харцизьк", "Харцызск"},
	616743: {"Дружківка", "Дружковка"}, 693381: {"Сніжне", "Снежное"},
	707292: {"Ізюм", "Изюм"}, 711369: {"Брянка", "Брянка"},
	692087: {"Світловодськ", "Светловодск"}, 701075: {"Миргород", "Миргород"},
	707565: {"Ірпінь", "Ирпень"}, 690412: {"Васильків", "Васильков"},
	710374: {"Чугуїв", "Чугуев"}, 713122: {"Авдіївка", "Авдеевка"},
	707758: {"Глухів", "Глухов"}, 711515: {"Боярка", "Боярка"},
	709782: {"Долинська", "Долинская"}, 698782: {"Обухів", "Обухов"},
	712926: {"Балаклія", "Балаклея"}, 697650: {"Перевальськ", "Перевальск"},
	686919: {"Знам'янка", "Знаменка"}, 686875: {"Золотоноша", "Золотоноша"},
	706900: {"Канів", "Канев"}, 700829: {"Молодогвардійськ", "Молодогвардейск"},
	709835: {"Докучаєвськ", "Докучаевск"}, 689198: {"Волноваха", "Волноваха"},
	704138: {"Кремінна", "Кременная"}, 692832: {"Старобільськ", "Старобельск"},
	713504: {"Амвросіївка", "Амвросиевка"}, 686803: {"Звенигородка", "Звенигородка"},
	712587: {"Білогірськ", "Белогорск"}, 707679: {"Іловайськ", "Иловайск"},
	710548: {"Червонопартизанськ", "Червонопартизанск"}, 705183: {"Комсомольське", "Комсомольское"},
	698625: {"Олександрія", "Александрия"}, 702563: {"Лутугине", "Лутугино"},
	704143: {"Кременець", "Кременец"}, 688373: {"Ясинувата", "Ясиноватая"},
	696566: {"Попасна", "Попасная"}, 703646: {"Курахове", "Курахово"},
	709900: {"Добропілля", "Доброполье"}, 710229: {"Дебальцеве", "Дебальцево"},
	// Russia: GeoNames has few Ukrainian forms; these are the towns near the
	// border and the large cities reports name most.
	524901: {"Москва", "Москва"}, 578072: {"Бєлгород", "Белгород"},
	538560: {"Курськ", "Курск"}, 571476: {"Брянськ", "Брянск"},
	472045: {"Воронеж", "Воронеж"}, 501175: {"Ростов-на-Дону", "Ростов-на-Дону"},
	484907: {"Таганрог", "Таганрог"}, 517963: {"Новошахтинськ", "Новошахтинск"},
	542420: {"Краснодар", "Краснодар"}, 518255: {"Новоросійськ", "Новороссийск"},
	491687: {"Смоленськ", "Смоленск"}, 563708: {"Дзержинськ", "Дзержинск"},
	520555: {"Нижній Новгород", "Нижний Новгород"}, 487928: {"Старий Оскол", "Старый Оскол"},
	695019: {"Рильськ", "Рыльск"},
}
