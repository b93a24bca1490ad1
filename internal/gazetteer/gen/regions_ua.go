package main

// regionFact is one first-level region, as hand-written facts: names in
// three scripts, codes that sources use for it, and (for regions without a
// polygon in the data) a centroid and a radius that holds the region.
type regionFact struct {
	ISO     string // ISO 3166-2
	Name    string // canonical name stored in location.admin1
	Country string
	Kind    string // oblast, krai, republic, city or autonomous republic
	NameUK  string // official Ukrainian name
	NameRU  string // official Russian name
	GN      string // GeoNames admin1 code, "" when the cities file has none
	Postal  string // admin1_name in the GeoNames postal file (Ukraine)
	Parent  string // ISO of the region around it (Kyiv City → UA-32)
	// Names are further names of the region in any script; each means the
	// region on its own and takes the kind's suffixes ("Kharkov",
	// "Kharkov oblast"). For a city they are its bare names.
	Names []string
	// Stems take the kind's prefixes and suffixes only (city: "Kyiv" gives
	// "Kyiv City" and "місто Київ" but not "Kyiv").
	Stems []string
	// Centroid and radius for regions not drawn in the polygon file.
	Lat, Lon, RadiusKM float64
}

// uaRegions are Ukraine's 24 oblasts, Crimea, Kyiv City and Sevastopol.
// Canonical names are the KMU-2010 stems without "Oblast"; GeoNames codes
// are those of its admin1CodesASCII list; the DPR/LPR names of the occupation
// authorities are kept as names of the oblasts they claim.
var uaRegions = []regionFact{
	{ISO: "UA-05", Name: "Vinnytsia", Kind: "oblast", NameUK: "Вінницька область", NameRU: "Винницкая область", GN: "23", Postal: "Vinnytska",
		Names: []string{"Vinnytsia", "Vinnytsya", "Vinnitsa", "Vinnitsia", "Вінниця", "Винница", "Вінниччина", "Винничина"}},
	{ISO: "UA-07", Name: "Volyn", Kind: "oblast", NameUK: "Волинська область", NameRU: "Волынская область", GN: "24", Postal: "Volynska",
		Names: []string{"Volyn", "Volhynia", "Volyn'", "Волинь", "Волынь"}},
	{ISO: "UA-09", Name: "Luhansk", Kind: "oblast", NameUK: "Луганська область", NameRU: "Луганская область", GN: "14", Postal: "Luhanska",
		Names: []string{"Luhansk", "Lugansk", "Луганськ", "Луганск", "Луганщина", "LPR", "LNR", "ЛНР", "Luhansk People's Republic",
			"Lugansk People's Republic", "Луганская Народная Республика", "Луганська народна республіка"}},
	{ISO: "UA-12", Name: "Dnipropetrovsk", Kind: "oblast", NameUK: "Дніпропетровська область", NameRU: "Днепропетровская область", GN: "04", Postal: "Dnipropetrovska",
		Names: []string{"Dnipropetrovsk", "Dnepropetrovsk", "Dnipropetrovs'k", "Дніпропетровськ", "Днепропетровск", "Дніпропетровщина", "Днепропетровщина",
			"Dnipro", "Dnepr", "Дніпро", "Днепр", "Dnipro region", "Dnipro oblast"}},
	{ISO: "UA-14", Name: "Donetsk", Kind: "oblast", NameUK: "Донецька область", NameRU: "Донецкая область", GN: "05", Postal: "Donetska",
		Names: []string{"Donetsk", "Donets'k", "Донецьк", "Донецк", "Донеччина", "Донетчина", "DPR", "DNR", "ДНР",
			"Donetsk People's Republic", "Донецкая Народная Республика", "Донецька народна республіка"}},
	{ISO: "UA-18", Name: "Zhytomyr", Kind: "oblast", NameUK: "Житомирська область", NameRU: "Житомирская область", GN: "27", Postal: "Zhytomyrska",
		Names: []string{"Zhytomyr", "Zhitomir", "Житомир", "Житомирщина"}},
	{ISO: "UA-21", Name: "Zakarpattia", Kind: "oblast", NameUK: "Закарпатська область", NameRU: "Закарпатская область", GN: "25", Postal: "Zakarpatska",
		Names: []string{"Zakarpattia", "Zakarpattya", "Zakarpatye", "Transcarpathia", "Transcarpathian", "Закарпаття", "Закарпатье"}},
	{ISO: "UA-23", Name: "Zaporizhzhia", Kind: "oblast", NameUK: "Запорізька область", NameRU: "Запорожская область", GN: "26", Postal: "Zaporizka",
		Names: []string{"Zaporizhzhia", "Zaporizhia", "Zaporizhzhya", "Zaporizhzhe", "Zaporozhye", "Zaporozhe", "Zaporozh'ye", "Запоріжжя", "Запорожье", "Запоріжчина"}},
	{ISO: "UA-26", Name: "Ivano-Frankivsk", Kind: "oblast", NameUK: "Івано-Франківська область", NameRU: "Ивано-Франковская область", GN: "06", Postal: "Ivano-Frankivska",
		Names: []string{"Ivano-Frankivsk", "Ivano-Frankovsk", "Івано-Франківськ", "Ивано-Франковск", "Прикарпаття", "Прикарпатье", "Івано-Франківщина", "Prykarpattia"}},
	{ISO: "UA-32", Name: "Kyiv", Kind: "oblast", NameUK: "Київська область", NameRU: "Киевская область", GN: "13", Postal: "Kyivska",
		Names: []string{"Kyiv", "Kiev", "Kyyiv", "Київ", "Киев", "Київщина", "Киевщина"}},
	{ISO: "UA-35", Name: "Kirovohrad", Kind: "oblast", NameUK: "Кіровоградська область", NameRU: "Кировоградская область", GN: "10", Postal: "Kirovohradska",
		Names: []string{"Kirovohrad", "Kirovograd", "Кіровоград", "Кировоград", "Кіровоградщина", "Кировоградщина",
			"Kropyvnytskyi", "Kropyvnytskyy", "Kropivnitsky", "Кропивницький", "Кропивницкий"}},
	{ISO: "UA-43", Name: "Crimea", Kind: "autonomous republic", NameUK: "Автономна Республіка Крим", NameRU: "Автономная Республика Крым", GN: "11",
		Names: []string{"Crimea", "Krym", "Krim", "Крим", "Крым", "Crimean peninsula", "Кримський півострів", "Крымский полуостров",
			"AR Crimea", "ARC", "АРК", "АР Крим", "АР Крым", "Autonomous Republic of Crimea", "Republic of Crimea", "Республика Крым", "Республіка Крим"}},
	{ISO: "UA-46", Name: "Lviv", Kind: "oblast", NameUK: "Львівська область", NameRU: "Львовская область", GN: "15", Postal: "Lvivska",
		Names: []string{"Lviv", "Lvov", "L'viv", "Lwow", "Lemberg", "Львів", "Львов", "Львівщина", "Львовщина"}},
	{ISO: "UA-48", Name: "Mykolaiv", Kind: "oblast", NameUK: "Миколаївська область", NameRU: "Николаевская область", GN: "16", Postal: "Mykolaivska",
		Names: []string{"Mykolaiv", "Mykolayiv", "Nikolaev", "Nikolayev", "Миколаїв", "Николаев", "Миколаївщина", "Николаевщина"}},
	{ISO: "UA-51", Name: "Odesa", Kind: "oblast", NameUK: "Одеська область", NameRU: "Одесская область", GN: "17", Postal: "Odeska",
		Names: []string{"Odesa", "Odessa", "Одеса", "Одесса", "Одещина", "Одесщина"}},
	{ISO: "UA-53", Name: "Poltava", Kind: "oblast", NameUK: "Полтавська область", NameRU: "Полтавская область", GN: "18", Postal: "Poltavska",
		Names: []string{"Poltava", "Полтава", "Полтавщина"}},
	{ISO: "UA-56", Name: "Rivne", Kind: "oblast", NameUK: "Рівненська область", NameRU: "Ровенская область", GN: "19", Postal: "Rivnenska",
		Names: []string{"Rivne", "Rovno", "Рівне", "Ровно", "Рівненщина", "Ровенщина", "Ровненская область"}},
	{ISO: "UA-59", Name: "Sumy", Kind: "oblast", NameUK: "Сумська область", NameRU: "Сумская область", GN: "21", Postal: "Sumska",
		Names: []string{"Sumy", "Суми", "Сумы", "Сумщина"}},
	{ISO: "UA-61", Name: "Ternopil", Kind: "oblast", NameUK: "Тернопільська область", NameRU: "Тернопольская область", GN: "22", Postal: "Ternopilska",
		Names: []string{"Ternopil", "Ternopol", "Тернопіль", "Тернополь", "Тернопільщина", "Тернопольщина"}},
	{ISO: "UA-63", Name: "Kharkiv", Kind: "oblast", NameUK: "Харківська область", NameRU: "Харьковская область", GN: "07", Postal: "Kharkivska",
		Names: []string{"Kharkiv", "Kharkov", "Харків", "Харьков", "Харківщина", "Харьковщина"}},
	{ISO: "UA-65", Name: "Kherson", Kind: "oblast", NameUK: "Херсонська область", NameRU: "Херсонская область", GN: "08", Postal: "Khersonska",
		Names: []string{"Kherson", "Херсон", "Херсонщина"}},
	{ISO: "UA-68", Name: "Khmelnytskyi", Kind: "oblast", NameUK: "Хмельницька область", NameRU: "Хмельницкая область", GN: "09", Postal: "Khmelnytska",
		Names: []string{"Khmelnytskyi", "Khmelnytskyy", "Khmelnytsky", "Khmelnitsky", "Khmelnitskiy", "Хмельницький", "Хмельницкий", "Хмельниччина", "Хмельнитчина"}},
	{ISO: "UA-71", Name: "Cherkasy", Kind: "oblast", NameUK: "Черкаська область", NameRU: "Черкасская область", GN: "01", Postal: "Cherkaska",
		Names: []string{"Cherkasy", "Cherkassy", "Черкаси", "Черкассы", "Черкащина", "Черкасщина"}},
	{ISO: "UA-74", Name: "Chernihiv", Kind: "oblast", NameUK: "Чернігівська область", NameRU: "Черниговская область", GN: "02", Postal: "Chernihivska",
		Names: []string{"Chernihiv", "Chernigov", "Чернігів", "Чернигов", "Чернігівщина", "Черниговщина"}},
	{ISO: "UA-77", Name: "Chernivtsi", Kind: "oblast", NameUK: "Чернівецька область", NameRU: "Черновицкая область", GN: "03", Postal: "Chernivetska",
		Names: []string{"Chernivtsi", "Chernovtsy", "Чернівці", "Черновцы", "Bukovina", "Bukovyna", "Буковина"}},
	{ISO: "UA-30", Name: "Kyiv City", Kind: "city", NameUK: "Київ", NameRU: "Киев", GN: "12", Postal: "Kyiv", Parent: "UA-32",
		Names: []string{"Kyiv City", "City of Kyiv", "Kiev City", "City of Kiev", "місто Київ", "город Киев", "м Київ", "г Киев"},
		Stems: []string{"Kyiv", "Kiev", "Київ", "Киев"}},
	{ISO: "UA-40", Name: "Sevastopol", Kind: "city", NameUK: "Севастополь", NameRU: "Севастополь", GN: "20", Parent: "UA-43",
		Names: []string{"Sevastopol", "Sevastopol'", "Sebastopol", "Севастополь"},
		Stems: []string{"Sevastopol", "Севастополь"}},
}

// kyivCityOutline is a coarse outline of the city of Kyiv (lon, lat), drawn
// by hand from its districts' extent because the oblast polygons of the
// data contain the city: good to two or three kilometres, enough to tell
// Kyiv from Brovary, Irpin, Vyshhorod or Boryspil.
var kyivCityOutline = [][2]float64{
	{30.36, 50.565}, {30.47, 50.570}, {30.60, 50.575}, {30.70, 50.540},
	{30.74, 50.480}, {30.78, 50.420}, {30.74, 50.370}, {30.66, 50.300},
	{30.58, 50.230}, {30.50, 50.300}, {30.43, 50.350}, {30.34, 50.380},
	{30.30, 50.440}, {30.27, 50.490}, {30.30, 50.530}, {30.36, 50.565},
}

// sevastopolOutline is a coarse outline of the city of Sevastopol (lon,
// lat) with its coastal waters, drawn by hand: the Crimea polygon of the data
// covers most of the city's land. It runs from the Chersonese cape north to
// Andriivka, inland east of Inkerman and the Baidar valley, and along the
// south coast to short of Foros.
var sevastopolOutline = [][2]float64{
	{33.36, 44.58}, {33.52, 44.87}, {33.62, 44.87}, {33.72, 44.78},
	{33.85, 44.62}, {33.80, 44.45}, {33.76, 44.38}, {33.55, 44.45},
	{33.36, 44.50}, {33.36, 44.58},
}
