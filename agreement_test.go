package truce

import (
	"encoding/json"
	"testing"
	"time"
)

func TestAgreementHelpers(t *testing.T) {
	to := time.Date(2025, 4, 21, 0, 0, 0, 0, time.UTC)
	uaFrom := time.Date(2025, 4, 20, 0, 0, 0, 0, time.UTC)
	a := &Agreement{
		ID: "easter-truce-2025", Version: 2, Parties: []string{"RU", "UA"}, DeclaredBy: []string{"RU"},
		InForce: InForce{From: time.Date(2025, 4, 19, 15, 0, 0, 0, time.UTC), To: &to,
			Disputed: []DisputedWindow{{Party: "UA", From: &uaFrom}}},
		Rules: []Rule{{ID: "1", By: []string{"RU"}}, {ID: "2"}},
	}
	switch {
	case !a.Bound("RU") || a.Bound("UA") || a.Bound("BY") || a.AllBound():
		t.Error("a unilateral truce binds its declarer only")
	case !a.IsParty("UA") || a.IsParty("BY"):
		t.Error("IsParty")
	case a.Cite("1") != "easter-truce-2025 v2 rule 1":
		t.Errorf("Cite = %s", a.Cite("1"))
	case !a.Rule("1").Binds("RU") || a.Rule("1").Binds("UA") || !a.Rule("2").Binds("UA") || a.Rule("3") != nil:
		t.Error("Binds / Rule")
	case !a.InForceAt(a.InForce.From) || a.InForceAt(to) || a.InForceAt(a.InForce.From.Add(-time.Second)):
		t.Error("the window includes from and excludes to")
	}
	if from, end, bounded := a.InForce.Window(&a.InForce.Disputed[0]); !from.Equal(uaFrom) || !end.Equal(to) || !bounded {
		t.Errorf("a reading keeps the bounds it does not give: %v %v %v", from, end, bounded)
	}
	if (Texts{Uk: "мир"}).Get("en") != "мир" || (Texts{En: "peace", Ru: "мир"}).Get("ru") != "мир" || (Texts{En: "peace"}).Get("uk") != "peace" {
		t.Error("Texts.Get falls back")
	}
}

func TestAgreementJSON(t *testing.T) {
	acts := Acts{Kinds: []Kind{KindStrike}, Targets: ClassSet{"energy"}}
	b, err := json.Marshal(acts)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"kinds":["strike"],"weapons":"any","targets":["energy"],"where":"anywhere"}` {
		t.Errorf("json = %s", b)
	}
	var back Acts
	if err := json.Unmarshal(b, &back); err != nil || !back.Weapons.Any() || !back.Where.Anywhere() || !back.Targets.Covers("energy.hydro") || back.Targets.Covers("residential") {
		t.Errorf("round trip: %+v, %v", back, err)
	}
	w := Where{BeyondKm: 30, Of: "occupied"}
	b, _ = json.Marshal(w)
	var wb Where
	if err := json.Unmarshal(b, &wb); err != nil || wb.BeyondKm != 30 || wb.Of != "occupied" || wb.Zone() != "occupied" {
		t.Errorf("where round trip %s: %+v %v", b, wb, err)
	}
}
