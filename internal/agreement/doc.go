// Package agreement reads ceasefire agreements written as data
// (shared/spec/agreement-format.md) and evaluates incidents against them.
//
// Reading: Parse and Load read one YAML document and check every rule of
// the format; a *ParseError lists every problem by line and field
// ("line 14: rules[0].prohibits.weapons: unknown class 'ballistic'; known:
// ballistic_missile, …"). Unknown fields are errors, since a typo in terms
// must not silently widen or narrow them. Times without an offset are read
// in the document's timezone (the time zone database is embedded). Zones
// are GeoJSON polygons, inline or {file: path} relative to the document
// (ParseOptions). Additions to the format, all
// optional: note (parallel texts), in_force.days (instead of to: calendar
// days in the document's timezone), reply_hours (truce.Agreement.ReplyWindow),
// zones that are lines or points (within_km and beyond_km only), a single
// value for a list of one, and params with ${name} placeholders for
// templates (Load, Instantiate, DocumentParams). Fingerprint tells a
// changed document (a new version) from the same one loaded again.
//
// Evaluating: Compile prepares an agreement once (zones indexed, class
// tables, windows, reason texts); Evaluate and EvaluateAll are pure,
// deterministic and safe for concurrent use. The semantics, and the
// choices made where the spec leaves room, are on Evaluate. In short:
//
//   - three-valued: each condition of a rule holds, fails or cannot be
//     told; a rule that surely applies gives violation, one that may apply
//     indeterminate; violation of any rule wins over indeterminate, which
//     wins over no_violation;
//   - a weapon or target stated nowhere in the reports counts as not
//     settled where the rule depends on it, like unknown;
//   - a parent class given where the rule names a subclass is not settled,
//     even when the rule names every subclass of the taxonomy;
//   - an exception removes an act only when the reports establish that it
//     matches; one that only may match is noted in the reasons;
//   - an aggregate tally is evaluated like any incident (its place is
//     usually only a country, so zone rules cannot be settled for it);
//   - a location without coordinates cannot be placed against a zone;
//     (0, 0) stands for no coordinates;
//   - the explosion kind is not a strike: rules are read literally;
//   - readings list a party's reading of a disputed window only where it
//     gives a different verdict; the bounds a reading omits are the
//     agreement's own.
//
// Verdicts cite the rules they rest on in Rules as the format cites them,
// "energy-moratorium-2025 v1 rule 1" (reasons say "rule 1"); Party is set
// for violations only: the actor, or "unattributed" for an unknown actor
// where every party is bound.
//
// Templates returns the agreements of 2025 shipped with Truce, in English,
// Ukrainian and Russian.
package agreement
