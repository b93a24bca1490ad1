package main

// ruRegions are the Russian regions of the GeoNames cities file (lat 43–57.5,
// lon 27–50), keyed by GeoNames' admin1 code, plus a few farther regions that
// reports of long-range strikes name. Centroids and radii are rounded
// approximations that hold the whole region; the build widens a radius when
// a town of the region lies outside it.
var ruRegions = []regionFact{
	{ISO: "RU-AD", Name: "Adygea", Kind: "republic", NameRU: "Республика Адыгея", NameUK: "Республіка Адигея", GN: "01", Names: []string{"Adygeya", "Adygea", "Адыгея", "Адигея"}, Lat: 44.7, Lon: 40.1, RadiusKM: 120},
	{ISO: "RU-AST", Name: "Astrakhan", Kind: "oblast", NameRU: "Астраханская область", NameUK: "Астраханська область", GN: "07", Names: []string{"Astrakhan", "Астрахань"}, Lat: 47.1, Lon: 47.0, RadiusKM: 250},
	{ISO: "RU-BEL", Name: "Belgorod", Kind: "oblast", NameRU: "Белгородская область", NameUK: "Бєлгородська область", GN: "09", Names: []string{"Belgorod", "Bilhorod", "Белгород", "Бєлгород", "Белгородчина", "Бєлгородщина"}, Lat: 50.7, Lon: 37.4, RadiusKM: 160},
	{ISO: "RU-BRY", Name: "Bryansk", Kind: "oblast", NameRU: "Брянская область", NameUK: "Брянська область", GN: "10", Names: []string{"Bryansk", "Briansk", "Брянск", "Брянськ", "Брянщина"}, Lat: 52.9, Lon: 33.4, RadiusKM: 190},
	{ISO: "RU-CE", Name: "Chechnya", Kind: "republic", NameRU: "Чеченская Республика", NameUK: "Чеченська Республіка", GN: "12", Names: []string{"Chechnya", "Chechen Republic", "Чечня", "Ичкерия"}, Lat: 43.4, Lon: 45.7, RadiusKM: 130},
	{ISO: "RU-CU", Name: "Chuvashia", Kind: "republic", NameRU: "Чувашская Республика", NameUK: "Чуваська Республіка", GN: "16", Names: []string{"Chuvashia", "Chuvash Republic", "Чувашия", "Чувашія"}, Lat: 55.5, Lon: 47.1, RadiusKM: 140},
	{ISO: "RU-DA", Name: "Dagestan", Kind: "republic", NameRU: "Республика Дагестан", NameUK: "Республіка Дагестан", GN: "17", Names: []string{"Dagestan", "Daghestan", "Дагестан"}, Lat: 42.8, Lon: 46.9, RadiusKM: 320},
	{ISO: "RU-IN", Name: "Ingushetia", Kind: "republic", NameRU: "Республика Ингушетия", NameUK: "Республіка Інгушетія", GN: "19", Names: []string{"Ingushetia", "Ингушетия", "Інгушетія"}, Lat: 43.2, Lon: 44.9, RadiusKM: 80},
	{ISO: "RU-IVA", Name: "Ivanovo", Kind: "oblast", NameRU: "Ивановская область", NameUK: "Іванівська область", GN: "21", Names: []string{"Ivanovo", "Иваново", "Іваново"}, Lat: 57.0, Lon: 41.5, RadiusKM: 140},
	{ISO: "RU-KB", Name: "Kabardino-Balkaria", Kind: "republic", NameRU: "Кабардино-Балкарская Республика", NameUK: "Кабардино-Балкарська Республіка", GN: "22", Names: []string{"Kabardino-Balkaria", "Kabardino-Balkar Republic", "Кабардино-Балкария", "Кабардино-Балкарія"}, Lat: 43.5, Lon: 43.4, RadiusKM: 110},
	{ISO: "RU-KL", Name: "Kalmykia", Kind: "republic", NameRU: "Республика Калмыкия", NameUK: "Республіка Калмикія", GN: "24", Names: []string{"Kalmykia", "Калмыкия", "Калмикія"}, Lat: 46.3, Lon: 45.3, RadiusKM: 260},
	{ISO: "RU-KLU", Name: "Kaluga", Kind: "oblast", NameRU: "Калужская область", NameUK: "Калузька область", GN: "25", Names: []string{"Kaluga", "Калуга"}, Lat: 54.4, Lon: 35.4, RadiusKM: 170},
	{ISO: "RU-KC", Name: "Karachay-Cherkessia", Kind: "republic", NameRU: "Карачаево-Черкесская Республика", NameUK: "Карачаєво-Черкеська Республіка", GN: "27", Names: []string{"Karachay-Cherkessia", "Karachay-Cherkess Republic", "Карачаево-Черкесия", "Карачаєво-Черкесія"}, Lat: 43.8, Lon: 41.8, RadiusKM: 120},
	{ISO: "RU-KIR", Name: "Kirov", Kind: "oblast", NameRU: "Кировская область", NameUK: "Кіровська область", GN: "33", Names: []string{"Kirov", "Киров", "Кіров", "Vyatka"}, Lat: 58.4, Lon: 49.6, RadiusKM: 420},
	{ISO: "RU-KOS", Name: "Kostroma", Kind: "oblast", NameRU: "Костромская область", NameUK: "Костромська область", GN: "37", Names: []string{"Kostroma", "Кострома"}, Lat: 58.5, Lon: 43.6, RadiusKM: 320},
	{ISO: "RU-KDA", Name: "Krasnodar Krai", Kind: "krai", NameRU: "Краснодарский край", NameUK: "Краснодарський край", GN: "38", Names: []string{"Krasnodar Krai", "Krasnodar Territory", "Krasnodar", "Краснодар", "Kuban", "Кубань"}, Lat: 45.3, Lon: 39.0, RadiusKM: 320},
	{ISO: "RU-KRS", Name: "Kursk", Kind: "oblast", NameRU: "Курская область", NameUK: "Курська область", GN: "41", Names: []string{"Kursk", "Курск", "Курськ", "Курщина"}, Lat: 51.7, Lon: 36.2, RadiusKM: 180},
	{ISO: "RU-LIP", Name: "Lipetsk", Kind: "oblast", NameRU: "Липецкая область", NameUK: "Липецька область", GN: "43", Names: []string{"Lipetsk", "Липецк", "Липецьк"}, Lat: 52.6, Lon: 39.2, RadiusKM: 160},
	{ISO: "RU-ME", Name: "Mari El", Kind: "republic", NameRU: "Республика Марий Эл", NameUK: "Республіка Марій Ел", GN: "45", Names: []string{"Mari El", "Марий Эл", "Марій Ел"}, Lat: 56.6, Lon: 47.9, RadiusKM: 160},
	{ISO: "RU-MO", Name: "Mordovia", Kind: "republic", NameRU: "Республика Мордовия", NameUK: "Республіка Мордовія", GN: "46", Names: []string{"Mordovia", "Мордовия", "Мордовія"}, Lat: 54.4, Lon: 44.6, RadiusKM: 180},
	{ISO: "RU-MOS", Name: "Moscow", Kind: "oblast", NameRU: "Московская область", NameUK: "Московська область", GN: "47", Names: []string{"Moscow", "Moskva", "Москва", "Подмосковье", "Підмосков'я", "Podmoskovye"}, Lat: 55.6, Lon: 37.9, RadiusKM: 210},
	{ISO: "RU-MOW", Name: "Moscow City", Kind: "city", NameRU: "Москва", NameUK: "Москва", GN: "48", Parent: "RU-MOS", Names: []string{"Moscow City", "City of Moscow"}, Stems: []string{"Moscow", "Moskva", "Москва"}, Lat: 55.7558, Lon: 37.6173, RadiusKM: 70},
	{ISO: "RU-NIZ", Name: "Nizhny Novgorod", Kind: "oblast", NameRU: "Нижегородская область", NameUK: "Нижньогородська область", GN: "51", Names: []string{"Nizhny Novgorod", "Nizhniy Novgorod", "Нижний Новгород", "Нижній Новгород"}, Lat: 56.3, Lon: 44.3, RadiusKM: 320},
	{ISO: "RU-ORL", Name: "Oryol", Kind: "oblast", NameRU: "Орловская область", NameUK: "Орловська область", GN: "56", Names: []string{"Oryol", "Orel", "Orlov", "Орёл", "Орел", "Орловщина"}, Lat: 52.8, Lon: 36.5, RadiusKM: 160},
	{ISO: "RU-PNZ", Name: "Penza", Kind: "oblast", NameRU: "Пензенская область", NameUK: "Пензенська область", GN: "57", Names: []string{"Penza", "Пенза"}, Lat: 53.2, Lon: 44.6, RadiusKM: 190},
	{ISO: "RU-PSK", Name: "Pskov", Kind: "oblast", NameRU: "Псковская область", NameUK: "Псковська область", GN: "60", Names: []string{"Pskov", "Псков"}, Lat: 57.4, Lon: 29.4, RadiusKM: 260},
	{ISO: "RU-ROS", Name: "Rostov", Kind: "oblast", NameRU: "Ростовская область", NameUK: "Ростовська область", GN: "61", Names: []string{"Rostov", "Ростов", "Ростовщина"}, Lat: 47.7, Lon: 41.3, RadiusKM: 320},
	{ISO: "RU-RYA", Name: "Ryazan", Kind: "oblast", NameRU: "Рязанская область", NameUK: "Рязанська область", GN: "62", Names: []string{"Ryazan", "Рязань"}, Lat: 54.4, Lon: 40.7, RadiusKM: 190},
	{ISO: "RU-SAM", Name: "Samara", Kind: "oblast", NameRU: "Самарская область", NameUK: "Самарська область", GN: "65", Names: []string{"Samara", "Самара"}, Lat: 53.3, Lon: 50.5, RadiusKM: 230},
	{ISO: "RU-SAR", Name: "Saratov", Kind: "oblast", NameRU: "Саратовская область", NameUK: "Саратовська область", GN: "67", Names: []string{"Saratov", "Саратов"}, Lat: 51.6, Lon: 46.6, RadiusKM: 320},
	{ISO: "RU-SE", Name: "North Ossetia", Kind: "republic", NameRU: "Республика Северная Осетия — Алания", NameUK: "Республіка Північна Осетія — Аланія", GN: "68", Names: []string{"North Ossetia", "North Ossetia-Alania", "Alania", "Северная Осетия", "Північна Осетія"}, Lat: 43.1, Lon: 44.3, RadiusKM: 90},
	{ISO: "RU-SMO", Name: "Smolensk", Kind: "oblast", NameRU: "Смоленская область", NameUK: "Смоленська область", GN: "69", Names: []string{"Smolensk", "Смоленск", "Смоленськ"}, Lat: 54.9, Lon: 32.8, RadiusKM: 210},
	{ISO: "RU-STA", Name: "Stavropol Krai", Kind: "krai", NameRU: "Ставропольский край", NameUK: "Ставропольський край", GN: "70", Names: []string{"Stavropol Krai", "Stavropol Territory", "Stavropol", "Ставрополь", "Ставрополье"}, Lat: 45.0, Lon: 43.3, RadiusKM: 260},
	{ISO: "RU-TAM", Name: "Tambov", Kind: "oblast", NameRU: "Тамбовская область", NameUK: "Тамбовська область", GN: "72", Names: []string{"Tambov", "Тамбов"}, Lat: 52.7, Lon: 41.5, RadiusKM: 170},
	{ISO: "RU-TA", Name: "Tatarstan", Kind: "republic", NameRU: "Республика Татарстан", NameUK: "Республіка Татарстан", GN: "73", Names: []string{"Tatarstan", "Татарстан"}, Lat: 55.4, Lon: 50.9, RadiusKM: 260},
	{ISO: "RU-TUL", Name: "Tula", Kind: "oblast", NameRU: "Тульская область", NameUK: "Тульська область", GN: "76", Names: []string{"Tula", "Тула"}, Lat: 53.9, Lon: 37.5, RadiusKM: 160},
	{ISO: "RU-TVE", Name: "Tver", Kind: "oblast", NameRU: "Тверская область", NameUK: "Тверська область", GN: "77", Names: []string{"Tver", "Тверь"}, Lat: 57.1, Lon: 34.8, RadiusKM: 290},
	{ISO: "RU-ULY", Name: "Ulyanovsk", Kind: "oblast", NameRU: "Ульяновская область", NameUK: "Ульяновська область", GN: "81", Names: []string{"Ulyanovsk", "Ульяновск", "Ульяновськ"}, Lat: 53.9, Lon: 47.9, RadiusKM: 190},
	{ISO: "RU-VLA", Name: "Vladimir", Kind: "oblast", NameRU: "Владимирская область", NameUK: "Владимирська область", GN: "83", Names: []string{"Vladimir", "Владимир"}, Lat: 56.1, Lon: 40.6, RadiusKM: 160},
	{ISO: "RU-VGG", Name: "Volgograd", Kind: "oblast", NameRU: "Волгоградская область", NameUK: "Волгоградська область", GN: "84", Names: []string{"Volgograd", "Волгоград"}, Lat: 49.5, Lon: 44.3, RadiusKM: 340},
	{ISO: "RU-VOR", Name: "Voronezh", Kind: "oblast", NameRU: "Воронежская область", NameUK: "Воронезька область", GN: "86", Names: []string{"Voronezh", "Воронеж", "Воронежчина"}, Lat: 50.9, Lon: 40.0, RadiusKM: 230},
	{ISO: "RU-YAR", Name: "Yaroslavl", Kind: "oblast", NameRU: "Ярославская область", NameUK: "Ярославська область", GN: "88", Names: []string{"Yaroslavl", "Ярославль"}, Lat: 57.7, Lon: 39.3, RadiusKM: 210},
	// Regions beyond the cities file, named in reports of long-range strikes.
	{ISO: "RU-SPE", Name: "Saint Petersburg", Kind: "city", NameRU: "Санкт-Петербург", NameUK: "Санкт-Петербург", Parent: "RU-LEN", Names: []string{"Saint Petersburg", "St Petersburg", "St. Petersburg", "Sankt-Peterburg", "Санкт-Петербург", "Петербург"}, Stems: []string{"Saint Petersburg", "St Petersburg"}, Lat: 59.94, Lon: 30.31, RadiusKM: 50},
	{ISO: "RU-LEN", Name: "Leningrad", Kind: "oblast", NameRU: "Ленинградская область", NameUK: "Ленінградська область", Names: []string{"Leningrad", "Ленинград", "Ленінград"}, Lat: 59.85, Lon: 31.7, RadiusKM: 350},
	{ISO: "RU-NGR", Name: "Novgorod", Kind: "oblast", NameRU: "Новгородская область", NameUK: "Новгородська область", Names: []string{"Novgorod", "Veliky Novgorod", "Великий Новгород"}, Lat: 58.3, Lon: 32.5, RadiusKM: 260},
	{ISO: "RU-MUR", Name: "Murmansk", Kind: "oblast", NameRU: "Мурманская область", NameUK: "Мурманська область", Names: []string{"Murmansk", "Мурманск", "Мурманськ"}, Lat: 68.0, Lon: 34.0, RadiusKM: 450},
	{ISO: "RU-BA", Name: "Bashkortostan", Kind: "republic", NameRU: "Республика Башкортостан", NameUK: "Республіка Башкортостан", Names: []string{"Bashkortostan", "Bashkiria", "Башкортостан", "Башкирия", "Башкирія"}, Lat: 54.5, Lon: 56.5, RadiusKM: 400},
	{ISO: "RU-ORE", Name: "Orenburg", Kind: "oblast", NameRU: "Оренбургская область", NameUK: "Оренбурзька область", Names: []string{"Orenburg", "Оренбург"}, Lat: 52.0, Lon: 55.5, RadiusKM: 450},
	{ISO: "RU-PER", Name: "Perm Krai", Kind: "krai", NameRU: "Пермский край", NameUK: "Пермський край", Names: []string{"Perm Krai", "Perm Territory", "Perm", "Пермь"}, Lat: 59.0, Lon: 56.5, RadiusKM: 420},
	{ISO: "RU-UD", Name: "Udmurtia", Kind: "republic", NameRU: "Удмуртская Республика", NameUK: "Удмуртська Республіка", Names: []string{"Udmurtia", "Udmurt Republic", "Удмуртия", "Удмуртія"}, Lat: 57.2, Lon: 52.8, RadiusKM: 230},
}

// countryFact is a country the gazetteer can name, with a centroid and a
// radius that holds it (Ukraine's are computed from the oblast polygons).
type countryFact struct {
	Code, Name, NameUK, NameRU string
	Names                      []string
	Lat, Lon, RadiusKM         float64
}

// countries are the two countries of the data.
var countries = []countryFact{
	{Code: "UA", Name: "Ukraine", NameUK: "Україна", NameRU: "Украина",
		Names: []string{"UKR", "Ukraina", "Ukrayina"}},
	{Code: "RU", Name: "Russia", NameUK: "Росія", NameRU: "Россия",
		Names: []string{"RUS", "Russian Federation", "Rossiya", "Rosiia", "РФ", "Российская Федерация", "Російська Федерація"},
		Lat:   61.5, Lon: 90.0, RadiusKM: 4500},
}
