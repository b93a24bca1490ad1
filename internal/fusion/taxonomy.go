package fusion

import (
	"math/bits"

	"github.com/truce-monitor/truce"
)

// Kinds and weapon classes are kept as bit masks: a kind is a bit of
// kindBits, a weapon class a bit of weaponBit. The class "unknown" has no
// bit: it contradicts nothing.
var (
	kindBit   = map[truce.Kind]uint8{}
	kindNames []truce.Kind

	weaponBit     = map[string]uint32{}
	weaponNames   []string
	weaponRelated []uint32 // per bit: the bits on one taxonomy path with it
)

func init() {
	for i, k := range truce.Kinds {
		kindBit[k] = 1 << i
		kindNames = append(kindNames, k)
	}
	for _, c := range truce.WeaponClasses {
		if c == truce.Unknown {
			continue
		}
		weaponBit[c] = 1 << len(weaponNames)
		weaponNames = append(weaponNames, c)
	}
	weaponRelated = make([]uint32, len(weaponNames))
	for i, a := range weaponNames {
		for j, b := range weaponNames {
			if truce.ClassesRelated(a, b) {
				weaponRelated[i] |= 1 << j
			}
		}
	}
}

// kindOf returns the bit of a kind; an unknown kind counts as "other".
func kindOf(k truce.Kind) uint8 {
	if b, ok := kindBit[k]; ok {
		return b
	}
	return kindBit[truce.KindOther]
}

// kindsCompatible reports whether every kind in a agrees with every kind
// in b: equal kinds agree, and an explosion agrees with a strike (what was
// heard may be what was fired). Any other pair contradicts.
func kindsCompatible(a, b uint8) bool {
	u := a | b
	if bits.OnesCount8(u) <= 1 {
		return true
	}
	return u == kindBit[truce.KindStrike]|kindBit[truce.KindExplosion]
}

// kindList returns the kinds of a mask, in taxonomy order.
func kindList(m uint8) []truce.Kind {
	var out []truce.Kind
	for i, k := range kindNames {
		if m&(1<<i) != 0 {
			out = append(out, k)
		}
	}
	return out
}

// weaponMask returns the bits of the weapon classes a report names.
func weaponMask(ws []truce.Weapon) uint32 {
	var m uint32
	for _, w := range ws {
		m |= weaponBit[w.Class]
	}
	return m
}

// weaponsCompatible reports whether two sets of weapon classes do not
// contradict: one set is covered by the other, each of its classes lying
// on one taxonomy path with a class of the other ("drone" and
// "drone.long_range" agree; "drone" and "ballistic_missile" do not). An
// empty set (only "unknown", or none named) agrees with all.
func weaponsCompatible(a, b uint32) bool {
	if a == 0 || b == 0 {
		return true
	}
	return coveredBy(a, b) || coveredBy(b, a)
}

func coveredBy(a, b uint32) bool {
	for a != 0 {
		i := bits.TrailingZeros32(a)
		if weaponRelated[i]&b == 0 {
			return false
		}
		a &^= 1 << i
	}
	return true
}

// weaponList returns the classes of a mask, in taxonomy order.
func weaponList(m uint32) []string {
	var out []string
	for i, c := range weaponNames {
		if m&(1<<i) != 0 {
			out = append(out, c)
		}
	}
	return out
}
