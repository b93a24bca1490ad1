package web

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/truce-monitor/truce"
)

func loadTestCatalogues(t *testing.T) catalogues {
	t.Helper()
	cs, err := loadCatalogues()
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// baseKey strips a plural form from a key.
func baseKey(k string) (string, string) {
	for _, f := range []string{"one", "few", "many", "other"} {
		if b, ok := strings.CutSuffix(k, "."+f); ok {
			return b, f
		}
	}
	return k, ""
}

// TestCataloguesHaveTheSameKeys checks that every message is in all three
// languages, each plural message with every form its language needs.
func TestCataloguesHaveTheSameKeys(t *testing.T) {
	cs := loadTestCatalogues(t)
	plural := pluralBases(cs)
	forms := map[string]map[string][]string{} // lang → message → plural forms
	for code, l := range cs {
		forms[code] = map[string][]string{}
		for k := range l.msgs {
			b, f := baseKey(k)
			if !plural[b] {
				b, f = k, ""
			}
			forms[code][b] = append(forms[code][b], f)
		}
	}
	for b := range forms["en"] {
		for _, code := range Languages {
			fs, ok := forms[code][b]
			if !ok {
				t.Errorf("%s: no %q", code, b)
				continue
			}
			if !plural[b] {
				continue
			}
			for _, want := range pluralForms[code] {
				if !slices.Contains(fs, want) {
					t.Errorf("%s: %q lacks the plural form %q", code, b, want)
				}
			}
			if len(fs) != len(pluralForms[code]) {
				t.Errorf("%s: %q has the forms %v, want %v", code, b, fs, pluralForms[code])
			}
		}
	}
	for _, code := range Languages {
		for b := range forms[code] {
			if _, ok := forms["en"][b]; !ok {
				t.Errorf("%s has %q, which English lacks", code, b)
			}
		}
	}
	if len(plural) < 5 {
		t.Errorf("only %d plural messages found", len(plural))
	}
}

// pluralBases are the messages that count: English gives their "one" form.
func pluralBases(cs catalogues) map[string]bool {
	out := map[string]bool{}
	for k := range cs["en"].msgs {
		if b, f := baseKey(k); f == "one" {
			out[b] = true
		}
	}
	return out
}

// verbs are the fmt verbs and placeholders of a message, in order.
var verbs = regexp.MustCompile(`%[sdg]|\{n\}`)

// TestCataloguesAgreeOnVerbs checks that each language's message takes the
// same arguments as the English one.
func TestCataloguesAgreeOnVerbs(t *testing.T) {
	cs := loadTestCatalogues(t)
	for k, en := range cs["en"].msgs {
		b, _ := baseKey(k)
		want := strings.Join(verbs.FindAllString(en, -1), " ")
		for _, code := range []string{"uk", "ru"} {
			for ck, msg := range cs[code].msgs {
				if cb, _ := baseKey(ck); cb != b {
					continue
				}
				if got := strings.Join(verbs.FindAllString(msg, -1), " "); got != want {
					t.Errorf("%s %s: verbs %q, English %q has %q", code, ck, got, k, want)
				}
			}
		}
	}
}

// latinWord finds a word of Latin letters.
var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z_.'-]*`)

// latinAllowed are the Latin words a Ukrainian or Russian text may hold:
// names, brands and formats, never interface words.
var latinAllowed = map[string]bool{
	"Truce": true, "truce": true, "truce_": true, "OpenStreetMap": true, "DeepStateMap.Live": true,
	"cookie": true, "s": true, "d": true, "g": true, "n": true, // the %s, %d, %g and {n} placeholders
	"uk-UA": true, "ru-RU": true, "uk": true, "ru": true, "UA": true, "RU": true,
}

// TestNoEnglishInUkrainianAndRussian checks that the Ukrainian and Russian
// catalogues hold no English word.
func TestNoEnglishInUkrainianAndRussian(t *testing.T) {
	cs := loadTestCatalogues(t)
	for _, code := range []string{"uk", "ru"} {
		for k, msg := range cs[code].msgs {
			for _, w := range latinWord.FindAllString(msg, -1) {
				if !latinAllowed[strings.TrimRight(w, ".-")] {
					t.Errorf("%s %s: English %q in %q", code, k, w, msg)
				}
			}
		}
	}
}

// templateKey finds the literal keys the templates translate.
var templateKey = regexp.MustCompile(`\b(?:t|tf|tn)\s+"([a-z0-9_.]+)"|"(?:Label|Hint|Empty)"\s+"([a-z0-9_.]+)"`)

// TestEveryUsedKeyExists checks the keys the templates and the code use,
// and the keys of every value of the enumerations the pages translate.
func TestEveryUsedKeyExists(t *testing.T) {
	cs := loadTestCatalogues(t)
	var keys []string
	err := fs.WalkDir(templateFiles, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := templateFiles.ReadFile(p)
		for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
			keys = append(keys, m[1]+m[2])
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) < 200 {
		t.Fatalf("found only %d keys in the templates", len(keys))
	}
	for _, k := range truce.Kinds {
		keys = append(keys, "kind."+string(k))
	}
	for _, v := range []truce.VerdictValue{truce.Violation, truce.NoViolation, truce.Indeterminate} {
		keys = append(keys, "verdict."+string(v))
	}
	for _, s := range truce.Statuses {
		keys = append(keys, "status."+string(s))
	}
	for _, s := range truce.SourceTypes {
		keys = append(keys, "source."+string(s))
	}
	for _, c := range truce.WeaponClasses {
		keys = append(keys, "weapon."+c)
	}
	for _, c := range truce.TargetClasses {
		keys = append(keys, "target."+c)
	}
	for _, r := range append(truce.Roles, truce.RolePublic) {
		keys = append(keys, "role."+string(r))
	}
	for _, k := range truce.AgreementKinds {
		keys = append(keys, "akind."+k)
	}
	for _, p := range truce.Positions {
		keys = append(keys, "position."+string(p))
	}
	for _, c := range truce.Contestable {
		keys = append(keys, "contest."+c)
	}
	for _, r := range []truce.ReplyState{truce.ReplyOpen, truce.ReplyAnswered, truce.ReplyLate, truce.ReplyMissed} {
		keys = append(keys, "reply."+string(r))
	}
	for i := 1; i <= 12; i++ {
		keys = append(keys, "month.short."+itoa(i), "month.long."+itoa(i))
	}
	for i := 1; i <= 6; i++ {
		keys = append(keys, "credibility."+itoa(i))
	}
	for _, p := range []string{"point", "settlement", "admin1", "country"} {
		keys = append(keys, "precision."+p)
	}
	for _, a := range []string{"incident", "status", "finding", "response", "verdict"} {
		keys = append(keys, "act."+a)
	}
	for _, e := range []string{"notfound", "invalid", "unauthorized", "forbidden", "csrf", "unavailable", "internal"} {
		keys = append(keys, "error."+e, "error."+e+"_hint")
	}
	keys = append(keys, "signin.bad", "signin.empty", "figure.killed", "figure.injured", "party."+truce.Unattributed)
	for _, code := range Languages {
		for _, k := range keys {
			if !cs[code].Has(k) && !cs[code].Has(k+"."+pluralForms[code][0]) {
				t.Errorf("%s: no message %q", code, k)
			}
		}
	}
}

func TestPluralForms(t *testing.T) {
	tests := []struct {
		code string
		n    int
		want string
	}{
		{"en", 0, "other"}, {"en", 1, "one"}, {"en", 2, "other"}, {"en", 21, "other"},
		{"uk", 1, "one"}, {"uk", 2, "few"}, {"uk", 4, "few"}, {"uk", 5, "many"}, {"uk", 11, "many"},
		{"uk", 12, "many"}, {"uk", 21, "one"}, {"uk", 22, "few"}, {"uk", 111, "many"}, {"uk", 0, "many"},
		{"ru", 1, "one"}, {"ru", 3, "few"}, {"ru", 14, "many"}, {"ru", 101, "one"}, {"ru", 1004, "few"},
	}
	for _, tt := range tests {
		if got := pluralForm(tt.code, tt.n); got != tt.want {
			t.Errorf("pluralForm(%s, %d) = %s, want %s", tt.code, tt.n, got, tt.want)
		}
	}
	cs := loadTestCatalogues(t)
	if got := cs["ru"].Tn("incidents.shown", 22); got != "22 инцидента на этой странице" {
		t.Errorf("ru Tn(22) = %q", got)
	}
	if got := cs["uk"].Tn("incidents.shown", 1234); got != "1\u00a0234 інциденти на цій сторінці" {
		t.Errorf("uk Tn(1234) = %q", got)
	}
}

func TestAcceptLanguage(t *testing.T) {
	tests := []struct{ header, want string }{
		{"", "en"}, {"uk-UA,uk;q=0.9,en;q=0.8", "uk"}, {"ru", "ru"}, {"de-DE,de;q=0.9", "en"},
		{"de,ru;q=0.5,uk;q=0.7", "uk"}, {"en-GB,en;q=0.9,ru;q=0.8", "en"}, {"RU-ru", "ru"},
		{"uk;q=0,ru;q=0.1", "ru"}, {"*", "en"}, {"uk;q=bad", "uk"},
	}
	for _, tt := range tests {
		if got := fromAcceptLanguage(tt.header); got != tt.want {
			t.Errorf("fromAcceptLanguage(%q) = %s, want %s", tt.header, got, tt.want)
		}
	}
}

func TestFormatInt(t *testing.T) {
	for _, tt := range []struct {
		code string
		n    int
		want string
	}{{"en", 0, "0"}, {"en", 999, "999"}, {"en", 1000, "1,000"}, {"en", -1234567, "−1,234,567"}, {"uk", 100000, "100\u00a0000"}} {
		if got := formatInt(tt.code, tt.n); got != tt.want {
			t.Errorf("formatInt(%s, %d) = %q, want %q", tt.code, tt.n, got, tt.want)
		}
	}
}
