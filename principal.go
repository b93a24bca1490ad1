package truce

import "context"

// Role is what a principal may do. See surface.md for the rights of each.
type Role string

// The roles of surface.md. RolePublic is the caller without a token.
const (
	RoleAdmin   Role = "admin"
	RoleMonitor Role = "monitor"
	RoleAnalyst Role = "analyst"
	RoleParty   Role = "party"
	RoleViewer  Role = "viewer"
	RolePublic  Role = "public"
)

// Roles lists the roles a token can carry.
var Roles = []Role{RoleAdmin, RoleMonitor, RoleAnalyst, RoleParty, RoleViewer}

// Valid reports whether r is a role a token can carry.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// Principal is who acts: a token's holder, or the public.
type Principal struct {
	ID    string `json:"id"`              // token id, "public" or "system"
	Role  Role   `json:"role"`            // what it may do
	Party string `json:"party,omitempty"` // for RoleParty: the party it speaks for
	Name  string `json:"name,omitempty"`  // a label for people
}

// Public is the principal of a caller without a token.
var Public = Principal{ID: "public", Role: RolePublic}

// System is the principal of acts the server does by itself (re-evaluation,
// notifications, the demo loader).
var System = Principal{ID: "system", Role: RoleAdmin, Name: "system"}

// Staff reports whether p belongs to the mission (monitor, analyst, admin),
// who see everything.
func (p Principal) Staff() bool {
	return p.Role == RoleAdmin || p.Role == RoleMonitor || p.Role == RoleAnalyst
}

// CanFile reports whether p may submit reports.
func (p Principal) CanFile() bool { return p.Staff() || p.Role == RoleParty }

type principalKey struct{}

// WithPrincipal returns a context carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the principal in ctx, or Public when there is none.
func PrincipalFrom(ctx context.Context) Principal {
	if p, ok := ctx.Value(principalKey{}).(Principal); ok {
		return p
	}
	return Public
}
