package fusion

import (
	"sort"

	"github.com/truce-monitor/truce"
)

// chain is an independent line of reporting: one source, the original
// source several outlets quote, or one party.
type chain struct {
	key     string
	name    string // for explanations
	party   string // the party a party chain speaks for
	rel     byte   // the best reliability grade among its reports
	members []*member
	accuses []string // parties other than its own it attributes the act to
	actors  []string // every attribution it gives
}

// chains groups members into independent chains. A party's reports are
// one chain per party. Any other report is its source's chain, unless it
// names the original source it quotes (source.via): then it joins that
// source's chain, which is the party's chain when a party report in the
// incident comes from a source of that name.
func (e *Engine) chains(ms []*member) []*chain {
	byKey := map[string]*chain{}
	alias := map[string]string{} // source name of a party report -> party chain key
	var order []*chain
	get := func(key, name string) *chain {
		c := byKey[key]
		if c == nil {
			c = &chain{key: key, name: name, rel: 'F' + 1}
			byKey[key] = c
			order = append(order, c)
		}
		return c
	}
	for _, m := range ms {
		if m.src.typ == truce.SourceParty {
			alias[m.src.key] = "party:" + m.src.party
		}
	}
	for _, m := range ms {
		var c *chain
		switch {
		case m.src.typ == truce.SourceParty:
			c = get("party:"+m.src.party, m.src.party)
			c.party = m.src.party
		case m.x != nil && m.x.via != "":
			k := normName(m.x.via)
			if pk, ok := alias[k]; ok {
				c = get(pk, pk[len("party:"):])
			} else {
				c = get("src:"+k, m.x.via)
			}
		default:
			c = get("src:"+m.src.key, m.src.name)
		}
		c.members = append(c.members, m)
		c.rel = min(c.rel, m.src.rel)
		if m.actor != 0 {
			a := e.syms.str(m.actor)
			c.actors = appendOnce(c.actors, a)
		}
	}
	for _, c := range order {
		for _, a := range c.actors {
			if c.party != "" && a != c.party {
				c.accuses = appendOnce(c.accuses, a)
			}
		}
	}
	return order
}

func appendOnce(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// corroborating returns the chains that count as corroboration: all but
// the party chains that accuse another party (an allegation corroborates
// nothing but itself).
func corroborating(cs []*chain) []*chain {
	var out []*chain
	for _, c := range cs {
		if c.party != "" && len(c.accuses) > 0 {
			continue
		}
		out = append(out, c)
	}
	return out
}

// credibility returns the number of independent chains and the Admiralty
// credibility that corroboration supports:
//
//	3 or more corroborating chains                  1 confirmed
//	2, one of them graded A or B                    2 probably true
//	2 otherwise                                     3 possibly true
//	1 graded A or B                                 3 possibly true
//	1 graded C or D                                 4 doubtful
//	1 graded E or F, or only allegations            6 cannot be judged
func credibility(cs []*chain) (chains, cred int) {
	co := corroborating(cs)
	best := byte('F' + 1)
	for _, c := range co {
		best = min(best, c.rel)
	}
	switch n := len(co); {
	case n >= 3:
		cred = 1
	case n == 2 && best <= 'B':
		cred = 2
	case n == 2:
		cred = 3
	case n == 1 && best <= 'B':
		cred = 3
	case n == 1 && best <= 'D':
		cred = 4
	default:
		cred = 6
	}
	return len(cs), cred
}

// actor decides the attribution used for evaluation and lists the parties
// whose claims count as allegations:
//
//   - the chains that are not a party's (monitors, sensors, news, the
//     public) decide when they attribute the act: if they agree, their
//     party is the actor; if they disagree, the actor is "unknown";
//   - where none of them attributes it, the parties' chains decide the same
//     way: one party named by all of them (an admission, both parties
//     agreeing, or one party's word alone) is the actor; contradictory
//     claims give "unknown";
//   - every party chain that attributes the act to another party is
//     listed in allegations, whatever the actor.
func (e *Engine) actor(cs []*chain) (string, []string) {
	var neutral, party []string
	var alleging []string
	for _, c := range cs {
		for _, a := range c.actors {
			if c.party == "" {
				neutral = appendOnce(neutral, a)
			} else {
				party = appendOnce(party, a)
			}
		}
		if len(c.accuses) > 0 {
			alleging = appendOnce(alleging, c.party)
		}
	}
	sort.Strings(alleging)
	switch {
	case len(neutral) == 1:
		return neutral[0], alleging
	case len(neutral) > 1:
		return truce.Unknown, alleging
	case len(party) == 1:
		return party[0], alleging
	}
	return truce.Unknown, alleging
}
