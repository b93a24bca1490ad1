package gazetteer

import "testing"

// TestTransliterate checks KMU-2010 transliteration against examples of the resolution and place names.
func TestTransliterate(t *testing.T) {
	tests := []struct{ in, want string }{
		// Examples of the KMU-2010 resolution and of place names.
		{"Алушта", "Alushta"}, {"Борщагівка", "Borshchahivka"}, {"Вишгород", "Vyshhorod"},
		{"Гадяч", "Hadiach"}, {"Згорани", "Zghorany"}, {"Розгон", "Rozghon"},
		{"Ґалаґан", "Galagan"}, {"Дон", "Don"}, {"Рівне", "Rivne"},
		{"Єнакієве", "Yenakiieve"}, {"Наєнко", "Naienko"}, {"Житомир", "Zhytomyr"},
		{"Закарпаття", "Zakarpattia"}, {"Медвин", "Medvyn"}, {"Іршава", "Irshava"},
		{"Їжакевич", "Yizhakevych"}, {"Кадиївка", "Kadyivka"}, {"Йосипівка", "Yosypivka"},
		{"Стрий", "Stryi"}, {"Олексій", "Oleksii"}, {"Київ", "Kyiv"},
		{"Лебедин", "Lebedyn"}, {"Миколаїв", "Mykolaiv"}, {"Ніжин", "Nizhyn"},
		{"Одеса", "Odesa"}, {"Полтава", "Poltava"}, {"Ромни", "Romny"},
		{"Суми", "Sumy"}, {"Тетерів", "Teteriv"}, {"Ужгород", "Uzhhorod"},
		{"Фастів", "Fastiv"}, {"Харків", "Kharkiv"}, {"Біла Церква", "Bila Tserkva"},
		{"Чернівці", "Chernivtsi"}, {"Шостка", "Shostka"}, {"Гоща", "Hoshcha"},
		{"Русь", "Rus"}, {"Юрій", "Yurii"}, {"Крюківка", "Kriukivka"},
		{"Яготин", "Yahotyn"}, {"Ічня", "Ichnia"}, {"Знам'янка", "Znamianka"},
		{"Знам’янка", "Znamianka"}, {"Запоріжжя", "Zaporizhzhia"}, {"Кривий Ріг", "Kryvyi Rih"},
		{"Дніпропетровська область", "Dnipropetrovska oblast"}, {"Кропивницький", "Kropyvnytskyi"},
		{"Кам'янське", "Kamianske"}, {"Горішні Плавні", "Horishni Plavni"},
		{"Івано-Франківськ", "Ivano-Frankivsk"}, {"Часів Яр", "Chasiv Yar"},
		{"Південноукраїнськ", "Pivdennoukrainsk"}, {"Сєвєродонецьк", "Sievierodonetsk"},
		// Capitals and text that is not Ukrainian.
		{"ЩАСТЯ", "SHCHASTIA"}, {"ЗГУРІВКА", "ZGHURIVKA"}, {"Київ 2025", "Kyiv 2025"},
		{"Dnipro", "Dnipro"}, {"", ""},
	}
	for _, tt := range tests {
		if got := Transliterate(tt.in); got != tt.want {
			t.Errorf("Transliterate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTransliterateRU checks the two Russian transliteration styles.
func TestTransliterateRU(t *testing.T) {
	tests := []struct {
		in         string
		plain, bgn string
	}{
		{"Кривой Рог", "krivoy rog", "krivoy rog"},
		{"Запорожье", "zaporozhe", "zaporozhye"},
		{"Николаев", "nikolaev", "nikolayev"},
		{"Харьков", "kharkov", "kharkov"},
		{"Киев", "kiev", "kiyev"},
		{"Артёмовск", "artemovsk", "artyomovsk"},
		{"Днепр", "dnepr", "dnepr"},
		{"Луганск", "lugansk", "lugansk"},
		{"Ерёмовка", "eremovka", "yeryomovka"},
	}
	for _, tt := range tests {
		if got := transliterateRU(tt.in, false); got != tt.plain {
			t.Errorf("transliterateRU(%q, plain) = %q, want %q", tt.in, got, tt.plain)
		}
		if got := transliterateRU(tt.in, true); got != tt.bgn {
			t.Errorf("transliterateRU(%q, bgn) = %q, want %q", tt.in, got, tt.bgn)
		}
	}
}

// TestNormalize checks the folding of names.
func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Дніпро", "дніпро"}, {"  Kryvyi   Rih ", "kryvyi rih"},
		{"Кам’янське", "камянське"}, {"Kam'yans'ke", "kamyanske"}, {"KAMʼYANSʼKE", "kamyanske"},
		{"Rostov-na-Donu", "rostov na donu"}, {"Днепропетровская обл.", "днепропетровская обл"},
		{"Артёмовск", "артемовск"}, {"Ґорґани", "горгани"}, {"Zaporizhzhya", "zaporizhzhya"},
		{"Kraków", "krakow"}, {"Łódź", "lodz"}, {"Straße", "strasse"}, {"Orël", "orel"},
		{"Dnipro (city)", "dnipro city"}, {"Kyiv, Ukraine", "kyiv ukraine"},
		{"Киі\u0308в", "київ"}, {"Краи\u0306", "край"}, {"Е\u0308лка", "елка"},
		{"Tol’yatti", "tolyatti"}, {`Znam"yanka`, "znamyanka"}, {`"Odesa" port`, "odesa port"}, {"“Odesa”", "odesa"}, {"", ""}, {"...", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
