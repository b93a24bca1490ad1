package truce

import (
	"sort"
	"strings"
)

// WeaponClasses lists every weapon class of the taxonomy, parents before
// children. A class is a dotted path; a parent covers its children.
var WeaponClasses = []string{
	"ballistic_missile", "cruise_missile", "hypersonic_missile",
	"drone", "drone.long_range", "drone.tactical",
	"glide_bomb", "aircraft", "artillery", "mlrs", "mortar", "tank",
	"small_arms", "unknown",
}

// TargetClasses lists every target class of the taxonomy, parents before
// children. military.air_defence_engagement names the engagement of incoming
// missiles and drones, which agreements commonly except.
var TargetClasses = []string{
	"residential",
	"energy", "energy.refinery", "energy.oil_gas", "energy.power_generation",
	"energy.power_grid", "energy.nuclear", "energy.hydro",
	"infrastructure", "infrastructure.transport", "infrastructure.port",
	"infrastructure.rail", "infrastructure.water", "infrastructure.telecom",
	"industrial", "agricultural", "medical", "education", "religious",
	"government", "military", "military.air_defence_engagement", "unknown",
}

var (
	weaponSet = toSet(WeaponClasses)
	targetSet = toSet(TargetClasses)
)

func toSet(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// IsWeaponClass reports whether c is a class of the weapon taxonomy.
func IsWeaponClass(c string) bool { return weaponSet[c] }

// IsTargetClass reports whether c is a class of the target taxonomy.
func IsTargetClass(c string) bool { return targetSet[c] }

// ClassCovers reports whether the class parent covers class c: they are
// equal, or c is a descendant of parent ("drone" covers "drone.long_range").
func ClassCovers(parent, c string) bool {
	if parent == c {
		return true
	}
	return strings.HasPrefix(c, parent) && len(c) > len(parent) && c[len(parent)] == '.'
}

// ClassesRelated reports whether a and b lie on one path of the taxonomy
// (one covers the other), i.e. they do not contradict each other.
func ClassesRelated(a, b string) bool { return ClassCovers(a, b) || ClassCovers(b, a) }

// ClassParent returns the parent of a dotted class, or "" for a top class.
func ClassParent(c string) string {
	if i := strings.LastIndexByte(c, '.'); i >= 0 {
		return c[:i]
	}
	return ""
}

// HasChildren reports whether class c has subclasses in the given taxonomy.
func HasChildren(taxonomy []string, c string) bool {
	for _, x := range taxonomy {
		if ClassParent(x) == c {
			return true
		}
	}
	return false
}

// SortedClasses returns the classes sorted and deduplicated.
func SortedClasses(cs []string) []string {
	m := toSet(cs)
	out := make([]string, 0, len(m))
	for c := range m {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}
