package extract

import "strings"

// Known sites: plants, ports, bridges, air bases and other installations
// that news names without their town ("the Azovstal steelworks", "Snake
// Island", "the Zaporizhzhia nuclear power plant"). Each is a fact of
// geography: the settlement it lies in (empty for a site outside any, such
// as an island), its region and country, what kind of target it is, and
// the names it goes by in English, Ukrainian and Russian. A report at a
// site gives the settlement as location.place (the site itself where it
// has none) and the site's name as target.name.
const siteTable = `
Zaporizhzhia nuclear power plant|Enerhodar|Zaporizhzhia|UA|energy.nuclear|Zaporizhzhia nuclear power plant,Zaporizhzhia nuclear power station,Zaporizhzhia nuclear plant,Zaporizhzhia power plant,Zaporizhzhia NPP,Zaporizhia nuclear power plant,Zaporizhia nuclear plant,Zaporizhia power plant,Zaporizhzhya nuclear power plant,Zaporozhye nuclear power plant,Zaporozhye nuclear plant,Zaporozhye NPP,ЗАЕС,Запорізька АЕС,Запорізької АЕС,Запорізькій АЕС,ЗАЭС,Запорожская АЭС,Запорожской АЭС
Chornobyl nuclear power plant|Chornobyl|Kyiv|UA|energy.nuclear|Chornobyl nuclear power plant,Chernobyl nuclear power plant,Chornobyl nuclear plant,Chernobyl nuclear plant,Chornobyl nuclear site,Chernobyl nuclear site,Chornobyl NPP,Chernobyl NPP,Chornobyl exclusion zone,Chernobyl exclusion zone,Чорнобильська АЕС,Чорнобильської АЕС,Чернобыльская АЭС,Чернобыльской АЭС
South Ukraine nuclear power plant|Pivdennoukrainsk|Mykolaiv|UA|energy.nuclear|South Ukraine nuclear power plant,South Ukrainian nuclear power plant,Pivdennoukrainsk nuclear power plant,Yuzhnoukrainsk nuclear power plant,South Ukraine nuclear plant,Pivdennoukrainsk nuclear plant,Південноукраїнська АЕС,Південноукраїнської АЕС,Южноукраинская АЭС,Южноукраинской АЭС
Rivne nuclear power plant|Varash|Rivne|UA|energy.nuclear|Rivne nuclear power plant,Rivne nuclear plant,Rivne NPP,Рівненська АЕС,Рівненської АЕС,Ровенская АЭС,Ровенской АЭС
Khmelnytskyi nuclear power plant|Netishyn|Khmelnytskyi|UA|energy.nuclear|Khmelnytskyi nuclear power plant,Khmelnytsky nuclear power plant,Khmelnytskyi nuclear plant,Хмельницька АЕС,Хмельницької АЕС,Хмельницкая АЭС,Хмельницкой АЭС
Kursk nuclear power plant|Kurchatov|Kursk|RU|energy.nuclear|Kursk nuclear power plant,Kursk nuclear plant,Kursk NPP,Курська АЕС,Курської АЕС,Курская АЭС,Курской АЭС
Novovoronezh nuclear power plant|Novovoronezh|Voronezh|RU|energy.nuclear|Novovoronezh nuclear power plant,Novovoronezh nuclear plant,Нововоронезька АЕС,Нововоронежская АЭС
Kakhovka dam|Nova Kakhovka|Kherson|UA|energy.hydro|Kakhovka dam,Kakhovka hydroelectric power plant,Kakhovka hydroelectric plant,Kakhovka hydroelectric dam,Kakhovka hydropower plant,Kakhovka HPP,Каховська ГЕС,Каховської ГЕС,Каховская ГЭС,Каховской ГЭС
Dnipro hydroelectric power plant|Zaporizhzhia|Zaporizhzhia|UA|energy.hydro|Dnipro hydroelectric power plant,Dnipro hydroelectric plant,Dnipro dam,DniproHES,Dnipro HPP,Dnieper hydroelectric station,Dnieper dam,ДніпроГЕС,ДнепроГЭС
Burshtyn power plant|Burshtyn|Ivano-Frankivsk|UA|energy.power_generation|Burshtyn power plant,Burshtyn thermal power plant,Burshtyn TPP,Бурштинська ТЕС,Бурштинської ТЕС,Бурштынская ТЭС
Ladyzhyn power plant|Ladyzhyn|Vinnytsia|UA|energy.power_generation|Ladyzhyn power plant,Ladyzhyn thermal power plant,Ladyzhyn TPP,Ладижинська ТЕС,Ладижинської ТЕС
Trypillia power plant|Ukrainka|Kyiv|UA|energy.power_generation|Trypillia power plant,Trypilska power plant,Trypillia thermal power plant,Trypilska TPP,Трипільська ТЕС,Трипільської ТЕС
Zmiiv power plant|Slobozhanske|Kharkiv|UA|energy.power_generation|Zmiiv power plant,Zmiivska power plant,Zmiiv thermal power plant,Zmiivska TPP,Зміївська ТЕС,Зміївської ТЕС
Kremenchuk oil refinery|Kremenchuk|Poltava|UA|energy.refinery|Kremenchuk oil refinery,Kremenchuk refinery,Кременчуцький НПЗ
Azovstal steelworks|Mariupol|Donetsk|UA|industrial|Azovstal,Azovstal steelworks,Azovstal steel plant,Azovstal steel works,Azovstal plant,Azovstal iron and steel works,Azovstal complex,Азовсталь,Азовсталі,Азовсталью,Азовстали
Illich steel plant|Mariupol|Donetsk|UA|industrial|Illich steel plant,Illich steelworks,Illich iron and steel works,Ilyich steel plant,Ilyich steelworks,завод Ілліча,завод Ильича
Azot chemical plant|Sievierodonetsk|Luhansk|UA|industrial|Azot chemical plant,Azot plant,Azot,Азот
Antonov airport|Hostomel|Kyiv|UA|infrastructure.transport|Antonov airport,Antonov airfield,Antonov military airfield,Hostomel airport,Hostomel airfield,Hostomel airbase,аеропорт Гостомель,аэропорт Гостомель
Kanatove airfield|Kanatove|Kirovohrad|UA|military|Kanatove airfield,Kanatovo airfield,Kanatove air base,Kanatovo air base,аеродром Канатове,аэродром Канатово
Starokostiantyniv air base|Starokostiantyniv|Khmelnytskyi|UA|military|Starokostiantyniv air base,Starokostiantyniv airbase,Starokostiantyniv airfield,Starokonstantinov air base,аеродром Старокостянтинів
Myrhorod air base|Myrhorod|Poltava|UA|military|Myrhorod air base,Myrhorod airbase,Myrhorod airfield,Mirgorod air base
Vasylkiv air base|Vasylkiv|Kyiv|UA|military|Vasylkiv air base,Vasylkiv airbase,Vasylkiv airfield,Vasilkov air base
Kulbakino air base|Mykolaiv|Mykolaiv|UA|military|Kulbakino air base,Kulbakino airbase,Kulbakino airfield
Yavoriv training ground|Starychi|Lviv|UA|military|Yavoriv training ground,Yavoriv military base,Yavoriv base,Yavoriv range,International Peacekeeping and Security Centre,Яворівський полігон,Яворовский полигон
Olenivka prison|Olenivka|Donetsk|UA|government|Olenivka prison,Olenivka penal colony,Olenivka detention centre,Olenivka detention center,Olenivka prison camp,колонія в Оленівці,колония в Еленовке
Snake Island||Odesa|UA|military|Snake Island,Zmiinyi Island,Zmiinyi,Zmeinyi Island,острів Зміїний,острові Зміїний,острова Зміїний,остров Змеиный,острове Змеиный
Kinburn Spit||Mykolaiv|UA|military|Kinburn Spit,Kinburn peninsula,Кінбурнська коса,Кінбурнській косі,Кинбурнская коса
Crimean bridge|Kerch|Crimea|UA|infrastructure.transport|Crimean bridge,Kerch bridge,Kerch Strait bridge,Crimea bridge,Кримський міст,Кримському мосту,Кримського мосту,Крымский мост,Крымском мосту,Крымского моста
Antonivskyi bridge|Kherson|Kherson|UA|infrastructure.transport|Antonivskyi bridge,Antonivsky bridge,Antonivskiy bridge,Antonovsky bridge,Антонівський міст,Антонівському мосту,Антонівського мосту,Антоновский мост,Антоновском мосту,Антоновского моста
Saky air base|Saky|Crimea|UA|military|Saky air base,Saky airbase,Saky airfield,Saki air base,Saki airbase,Novofedorivka air base,Novofedorivka airbase,аеродром Саки,аэродром Саки
Belbek air base|Sevastopol|Sevastopol|UA|military|Belbek air base,Belbek airbase,Belbek airfield,Belbek,аеродром Бельбек,аэродром Бельбек
Black Sea fleet headquarters|Sevastopol|Sevastopol|UA|military|Black Sea fleet headquarters,Black Sea fleet HQ,headquarters of the Black Sea fleet,штаб Чорноморського флоту,штаб Черноморского флота
Engels air base|Engels|Saratov|RU|military|Engels air base,Engels airbase,Engels airfield,Engels-2,аеродром Енгельс,аэродром Энгельс
Millerovo air base|Millerovo|Rostov|RU|military|Millerovo air base,Millerovo airbase,Millerovo airfield,аеродром Міллерово,аэродром Миллерово
Morozovsk air base|Morozovsk|Rostov|RU|military|Morozovsk air base,Morozovsk airbase,Morozovsk airfield,аеродром Морозовськ,аэродром Морозовск
Yeysk air base|Yeysk|Krasnodar Krai|RU|military|Yeysk air base,Yeysk airbase,Yeysk airfield,аэродром Ейск
Shaykovka air base|Shaykovka|Kaluga|RU|military|Shaykovka air base,Shaykovka airbase,Shaykovka airfield,аэродром Шайковка
Tuapse oil refinery|Tuapse|Krasnodar Krai|RU|energy.refinery|Tuapse oil refinery,Tuapse refinery,Туапсинський НПЗ,Туапсинский НПЗ
Novoshakhtinsk oil refinery|Novoshakhtinsk|Rostov|RU|energy.refinery|Novoshakhtinsk oil refinery,Novoshakhtinsk refinery,Новошахтинський НПЗ,Новошахтинский НПЗ
Port of Odesa|Odesa|Odesa|UA|infrastructure.port|Port of Odesa,Odesa sea port,Odesa seaport,Odesa sea trade port,Port of Odessa,Odessa sea port,Одеський морський порт,Одесский морской порт
Pivdennyi port|Yuzhne|Odesa|UA|infrastructure.port|Pivdennyi port,Port of Pivdennyi,Yuzhny port,порт Південний,порт Южный
`

// site is a parsed line of siteTable.
type site struct {
	name, town, admin1, country, target string
	forms                               []string
}

// sites parses siteTable once.
var sites = func() []site {
	var out []site
	for _, line := range strings.Split(strings.TrimSpace(siteTable), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 6 {
			panic("extract: bad site line: " + line)
		}
		out = append(out, site{name: f[0], town: f[1], admin1: f[2], country: f[3], target: f[4], forms: strings.Split(f[5], ",")})
	}
	return out
}()

// siteTowns holds "town|region" of every settlement that hosts a known
// site: where a name fits several places, the one with a famous site is
// the likelier.
var siteTowns = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range sites {
		if s.town != "" {
			m[s.town+"|"+s.admin1] = true
		}
	}
	return m
}()

// addSites enters the known sites into the place table. A site is a
// strong place (no locative cue needed) that may follow "the".
func addSites(t *placeTable) {
	for i := range sites {
		s := &sites[i]
		name := s.town
		if name == "" {
			name = s.name
		}
		t.add(place{name: name, admin1: s.admin1, country: s.country, pop: sitePop, site: i + 1}, s.forms...)
	}
}

// sitePop ranks a site as a strong place.
const sitePop = 1 << 20
