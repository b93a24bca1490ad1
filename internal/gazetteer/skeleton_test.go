package gazetteer

import "testing"

// TestSkeleton checks which spellings the skeleton merges and which it keeps apart.
func TestSkeleton(t *testing.T) {
	same := [][]string{
		{"Kryvyi Rih", "Kryvy Rih", "Kryvyy Rih", "Kryvyj Rih"},
		{"Zaporizhzhia", "Zaporizhia", "Zaporizhzhya"},
		{"Zaporozhye", "Zaporozhe"},
		{"Kiev", "Kiyev"},
		{"Sievierodonetsk", "Severodonetsk", "Syeverodonetsk", "Sjeverodonetsk"},
		{"Khmelnytskyi", "Khmelnitsky", "Khmelnitskiy", "Khmelnytsky"},
		{"Luhansk", "Lugansk"},
		{"Horishni Plavni", "Gorishni Plavni"},
		{"Serhiivka", "Serhiyivka", "Sergiyivka"},
		{"Krasnoarmeisk", "Krasnoarmeysk"},
		{"Mykolaiv", "Mykolayiv"},
		{"Кривий Ріг", "Крывый Рiг"},
		{"Сєвєродонецьк", "Северодонецк"},
	}
	for _, group := range same {
		want := Skeleton(Normalize(group[0]))
		for _, s := range group[1:] {
			if got := Skeleton(Normalize(s)); got != want {
				t.Errorf("Skeleton(%q) = %q, want %q as for %q", s, got, want, group[0])
			}
		}
	}
	differ := [][2]string{{"Dnipro", "Dnepr"}, {"Kharkiv", "Kherson"}, {"Sumy", "Samy"}}
	for _, d := range differ {
		if Skeleton(Normalize(d[0])) == Skeleton(Normalize(d[1])) {
			t.Errorf("skeleton merges %q and %q", d[0], d[1])
		}
	}
}
