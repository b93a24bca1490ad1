package extract

// attribute finds who the sentence says did it, and whose claim or
// denial it is:
//   - a party adjective before a weapon, an attack word or forces ("a
//     Russian missile", "Ukrainian drones", "Russian shelling");
//   - a party noun as the subject of an attack or launch verb ("Russia
//     bombs Kharkiv", "Russia said it hit …"), or after "by";
//   - a party noun right after an attack noun (Ukrainian and Russian
//     genitive: "атака РФ", "удар ВСУ");
//   - an accusation ("Russia blamed Ukraine for …", "accusing Ukrainian
//     forces of …"): the accused is the attacker, the accuser claims it;
//   - a party before a speech verb ("Kyiv said", "according to Russia's
//     defence ministry") makes the report that party's claim;
//   - a party before a denial verb denies it.
func (v *sview) attribute(m *mention) {
	accuse := v.speech(m)
	v.each(kParty, func(h hit, t term) {
		i, j := int(h.t0), int(h.t1)
		switch {
		case m.attacker != "":
		case v.covered(i, kPlace) && !v.actorUse(h):
			// "Kyiv" as a place, not as the government
		case t.model == "n" && v.locativeBefore(i) && !v.word(i-1, "against"):
			// "elsewhere in Ukraine": a place, not an actor
		case accuse >= 0 && i > accuse:
			m.attacker = t.val // the accused
		case t.model == "a" && v.attackNounWithin(j, 3):
			m.attacker = t.val
		case t.model != "a" && (v.attackVerbWithin(j, 5) || v.word(i-1, "by") || v.attackNounBefore(i, 2) || v.killVerbAt(j)):
			m.attacker = t.val
		}
	})
	if m.attacker == "" && m.claimBy != "" && v.ownForces() {
		m.attacker = m.claimBy // "Russia's defence ministry said its artillery struck …"
	}
	if m.attacker == "" {
		m.attacker = other(v.victim()) // "struck Ukrainian positions"
	}
	if accuse >= 0 && m.attacker != "" && (m.claimBy == "" || m.claimBy == m.attacker) {
		m.claimBy = other(m.attacker)
	}
}

// speech reads who speaks, accuses or denies in the sentence into m, and
// returns the token of an active accusation ("Russia blamed Ukraine"), or
// -1.
func (v *sview) speech(m *mention) int {
	accuse := -1
	v.each(kSay, func(h hit, t term) {
		i := int(h.t0)
		switch t.val {
		case "accuse":
			if v.word(int(h.t1), "of") || v.word(i-1, "was", "were", "is", "are", "been", "stood", "stands", "being") {
				// passive: "Russia (was) accused of shelling …"
				if p := v.partyBefore(i, 6); p != "" {
					m.attacker = p
					m.claimBy = other(p)
				}
				return
			}
			accuse = i
			if p := v.partyBefore(i, 6); p != "" {
				m.claimBy = p
			}
		case "deny":
			if p := v.partyBefore(i, 5); p != "" {
				m.deniedBy = p
			}
		default:
			if p := v.partyBefore(i, 5); p != "" && m.claimBy == "" {
				m.claimBy = p
			} else if v.word(i, "according") {
				if p := v.partyAfter(int(h.t1), 5); p != "" && m.claimBy == "" {
					m.claimBy = p
				}
			}
		}
	})
	return accuse
}

// ownForces reports whether the speaker's own weapons or forces act:
// "its artillery", "their missiles", "its strike", "said it hit".
func (v *sview) ownForces() bool {
	for i := v.from; i+1 < v.to; i++ {
		if v.word(i, "its", "their", "our") && (v.covered(i+1, kWeapon) || v.covered(i+1, kForces) || v.covered(i+1, kAttack)) {
			return true
		}
		if v.word(i, "it", "they", "we") && v.covered(i-1, kSay) || v.word(i-1, "that") && v.word(i, "it", "they", "we") {
			for k := i + 1; k < v.to && k <= i+4; k++ {
				if _, t, ok := v.at(k, kAttack); ok && (t.val == "v" || t.val == "h") {
					return true // "claimed that they had successfully hit"
				}
			}
		}
	}
	return false
}

// victim returns the party whose military a sentence names as the target
// ("Ukrainian positions", "a Russian ammunition depot"), or "".
func (v *sview) victim() string {
	p := ""
	v.each(kParty, func(h hit, t term) {
		if p != "" || t.model != "a" && !v.covered(int(h.t1), kTarget) {
			return
		}
		for j := int(h.t1); j < v.to && j <= int(h.t1)+2; j++ {
			if tg, ok := v.targetAt(j); ok && tg == "military" && !v.word(j, "weapons", "equipment", "ammunition", "arms", "military", "soldiers", "troops", "forces") {
				p = t.val // "Ukrainian positions", "Ukrainian army training centres"
				return
			}
			if v.covered(j, kWeapon) || v.covered(j, kAttack) || v.covered(j, kPerson) && !v.covered(j, kForces) {
				return
			}
		}
	})
	return p
}

// targetAt returns the class of a target term starting at token j.
func (v *sview) targetAt(j int) (string, bool) {
	if _, t, ok := v.at(j, kTarget); ok {
		return t.val, true
	}
	return "", false
}

// killVerbAt reports whether a finite verb of killing or wounding stands
// at token j: "Russians killed", "Росіяни вбили".
func (v *sview) killVerbAt(j int) bool {
	for _, k := range []termKind{kKill, kInjure} {
		if _, t, ok := v.at(j, k); ok && t.val == "v" && !v.word(j, "killing", "wounding", "injuring") {
			return true
		}
	}
	return false
}

func other(p string) string {
	switch p {
	case "RU":
		return "UA"
	case "UA":
		return "RU"
	}
	return ""
}

// actorUse reports whether a capital's name at h stands for its
// government: followed by a speech verb, "'s" + forces, or used as a
// subject of an attack verb.
func (v *sview) actorUse(h hit) bool {
	j := int(h.t1)
	if v.word(j, "s") && v.d.toks[j].joined {
		j++
	}
	return v.covered(j, kSay) || v.covered(j, kForces) || v.word(j, "has", "have", "had", "and", "forces", "troops", "government", "regime", "officials", "denied", "denies", "blamed", "accused", "launched", "fired", "is", "was", "will", "would", "could", "says") || v.attackVerbWithin(j, 2)
}

// partyBefore returns the party named within n tokens before token i.
func (v *sview) partyBefore(i, n int) string {
	best := ""
	v.each(kParty, func(h hit, t term) {
		if int(h.t1) <= i && int(h.t1) >= i-n {
			best = t.val
		}
	})
	return best
}

// partyAfter returns the first party named within n tokens from token i.
func (v *sview) partyAfter(i, n int) string {
	best := ""
	v.each(kParty, func(h hit, t term) {
		if best == "" && int(h.t0) >= i && int(h.t0) < i+n {
			best = t.val
		}
	})
	return best
}

// attackNounWithin reports whether a weapon, attack word or forces word
// starts within n tokens from token i.
func (v *sview) attackNounWithin(i, n int) bool {
	for j := i; j < v.to && j < i+n; j++ {
		if v.covered(j, kCityWord) || v.covered(j, kPlace) || v.covered(j, kPerson) && !v.covered(j, kForces) {
			return false // "the Russian city of Belgorod", "a Russian woman"
		}
		if v.covered(j, kWeapon) || v.covered(j, kAttack) || v.covered(j, kLaunch) {
			return true
		}
		if v.covered(j, kForces) {
			k := j
			for k < v.to && v.covered(k, kForces) {
				k++
			}
			return v.attackVerbWithin(k, 6) // "Ukrainian forces shelled", not "Ukrainian forces were meeting"
		}
	}
	return false
}

// attackVerbWithin reports whether an unhedged attack or launch verb
// starts within n tokens from token i (a speech verb may come between:
// "Russia said it hit …").
func (v *sview) attackVerbWithin(i, n int) bool {
	if v.covered(i, kSay) && !v.word(i+1, "it", "they", "its", "their") && !(v.word(i+1, "that") && v.word(i+2, "it", "they", "its", "their")) {
		return false // "Ukraine says 14 missiles were fired": a speaker, not the actor
	}
	for j := i; j < v.to && j < i+n+3; j++ {
		if v.punct(j, '.') || v.punct(j, ';') {
			return false
		}
		if _, t, ok := v.at(j, kAttack); ok && (t.val == "v" || t.val == "h") {
			return true
		}
		if _, _, ok := v.at(j, kLaunch); ok && j < i+n {
			return true
		}
		if j >= i+n && !v.covered(j, kSay) && !v.word(j, "it", "they", "that", "had", "has", "its", "their") {
			return false
		}
	}
	return false
}

// attackNounBefore reports whether an attack word ends within n tokens
// before token i ("атака РФ", "удар ВСУ").
func (v *sview) attackNounBefore(i, n int) bool {
	if v.lang == "en" {
		return false
	}
	for j := i - 1; j >= v.from && j >= i-n; j-- {
		if v.covered(j, kAttack) || v.covered(j, kWeapon) {
			return true
		}
	}
	return false
}
