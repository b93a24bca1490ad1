package extract

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Mr. Trump met Gen. Smith. They spoke.", []string{"Mr. Trump met Gen. Smith.", "They spoke."}},
		{"The U.S. Army said so. Then it left.", []string{"The U.S. Army said so.", "Then it left."}},
		{"It hit at 7 a.m. The mayor said 2.5 tonnes fell.", []string{"It hit at 7 a.m.", "The mayor said 2.5 tonnes fell."}},
		{"He lives at No. 5 Main St. in Kyiv.", []string{"He lives at No. 5 Main St. in Kyiv."}},
		{"J. R. Smith wrote it. “We were hit.” She left.", []string{"J. R. Smith wrote it.", "“We were hit.”", "She left."}},
		{"Headline without stop\n\nBody text here.", []string{"Headline without stop", "Body text here."}},
		{"Удар по м. Харків. Загинула людина.", []string{"Удар по м. Харків.", "Загинула людина."}},
	}
	for _, tc := range tests {
		d := tokenize(tc.text)
		var got []string
		for _, s := range d.sentences() {
			got = append(got, d.sentenceText(s))
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%q: (-want +got)\n%s", tc.text, diff)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"Kryvyi Rih":          "kryvy rih",
		"Kryvyy Rih":          "kryvy rih",
		"Odesa's port":        "odesa s port",
		"Слов’янськ":          "словянськ",
		"Lysychans'k":         "lysychansk",
		"Kh-101":              "kh 101",
		"1,200 drones":        "1200 drones",
		"ЗАПОРІЖЖЯ, Ґалаґан":  "запоріжжя , галаган",
		"Zaporizhzhia – city": "zaporizhzhia - city",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInflection(t *testing.T) {
	for name, want := range map[string]string{
		"харків": "харкові", "київ": "києві", "одеса": "одесі", "тернопіль": "тернополі",
		"запоріжжя": "запоріжжі", "суми": "сумах", "хмельницький": "хмельницькому",
	} {
		if !contains(inflectUK(name), want) {
			t.Errorf("inflectUK(%q) lacks %q: %v", name, want, inflectUK(name))
		}
	}
	for name, want := range map[string]string{"харьков": "харькове", "одесса": "одессе", "белгород": "белгороде", "курск": "курске"} {
		if !contains(inflectRU(name), want) {
			t.Errorf("inflectRU(%q) lacks %q: %v", name, want, inflectRU(name))
		}
	}
}

// TestSpotChecks are precision spot checks written after reading samples
// of real headlines (VIINA, shared/data/incidents/viina) and news: our
// own short texts of the same shapes, with what must and must not come
// out. want is admin1/place/killed/injured/attacker of each report.
func TestSpotChecks(t *testing.T) {
	pub := time.Date(2025, 8, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want []string
	}{
		{"Унаслідок атаки РФ на Київ постраждали троє людей.", []string{"Kyiv City/Kyiv/-/3/RU"}},
		{"На Дніпропетровщині внаслідок удару дрона загинула одна людина, ще двоє поранені.", []string{"Dnipropetrovsk//1/2/unknown"}},
		{"Ворог обстріляв Херсон: поранено 5 людей.", []string{"Kherson/Kherson/-/5/RU"}},
		{"У Харкові пролунали вибухи.", []string{"Kharkiv/Kharkiv/-/-/unknown"}},
		{"Запоріжжя кинуло мільйон гривень на боротьбу із сараною.", nil},
		{"Полтавщина посіла перше місце за площами баштанних культур.", nil},
		{"Зеленський провів нараду з командувачами у Києві.", nil},
		{"Ночью беспилотники атаковали Белгородскую область, пострадали два человека.", []string{"Belgorod//-/2/unknown"}},
		{"В Курске обломки беспилотника повредили жилой дом.", []string{"Kursk/Kursk/-/-/unknown"}},
		{"Губернатор Курской области провел совещание по отопительному сезону.", nil},
		{"Russia could strike Kharkiv again, the mayor warned.", nil},
		{"Kharkiv's mayor met EU officials to discuss reconstruction.", nil},
		{"A Ukrainian drone attack on Belgorod on Thursday killed two people, the governor said.", []string{"Belgorod/Belgorod/2/-/UA"}},
		{"Росіяни вдарили дроном по Херсону: поранено чоловіка, згоріло авто.", []string{"Kherson/Kherson/-/1/RU"}},
		{"Россия ударила ракетами по Краматорску: есть погибшие и раненые.", []string{"Donetsk/Kramatorsk/-/-/RU"}},
		{"З початку доби на фронті зафіксували 151 бій: найактивніше ворог атакує на Покровському напрямку.", nil},
		{"На Запоріжжі ворог атакував дроном авто, поранено 89-річну жінку.", []string{"Zaporizhzhia/Zaporizhzhia/-/1/RU"}},
		{"Росіяни вбили 24-річного чоловіка на Херсонщині.", []string{"Kherson//1/-/RU"}},
		{"Russian troops captured Izium after weeks of fighting.", nil},
		{"На Київщині загинув 9-річний хлопчик: на нього покотився мікроавтобус без водія.", nil},
		{"Two people died in a car crash in Kharkiv on Monday.", nil},
		{"Ще 5 вбитих та 10 поранених цивільних – на Донеччині та Херсонщині.", []string{"Donetsk//5/10/unknown", "Kherson//5/10/unknown"}},
		{"Ukrainian air defences destroyed a missile fired at the Kharkiv region, the governor said.", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, r := range goldenEx.Extract(tc.text, Options{Published: pub}) {
			got = append(got, r.Location.Admin1+"/"+r.Location.Place+"/"+intStr(r.Casualties.Killed)+"/"+intStr(r.Casualties.Injured)+"/"+r.AttributedTo)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s\n(-want +got)\n%s", tc.text, diff)
		}
	}
}
