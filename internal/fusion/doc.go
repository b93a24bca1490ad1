// Package fusion makes incidents of reports: reports of the same event
// become one incident, with each figure as the sources give it and as a
// range, the independent source chains behind it, the credibility that
// corroboration supports, and why its reports were joined and close
// candidates were not (report-format.md, "Fusion").
//
// # When two reports are one event
//
// A report joins an incident when all of these hold:
//
//   - Time: its window overlaps every member's window, each widened by the
//     time tolerance (Options.TimeTolerance, 3 h by default). For
//     intervals this is the same as: the latest start minus the earliest
//     end is at most the tolerance. The tolerance absorbs disagreement
//     between sources; one source (same source.name, sensors excepted)
//     that gives two disjoint windows has told of two events.
//   - Publication: items of one publication are separate events, as the
//     source itself tells them apart. Reports of one source whose
//     source.ref share the part before the last "#" ("URL#1", "URL#2",
//     as truce extract names the reports of one article) are items of
//     one publication.
//   - Place: different countries are different places; two settlement
//     precision reports naming different gazetteer entries are different
//     places however close; a region (admin1 precision) holds every place
//     in it, a country likewise; located reports (point or settlement)
//     must lie within the sum of their uncertainties plus the distance
//     tolerance (1 km by default) of at least one located member, so a
//     report between two nearby sites can bridge them.
//   - Kind: kinds agree when equal, and an explosion agrees with a strike.
//   - Weapons: the classes one report names are each on one taxonomy path
//     with a class the incident's reports name, or the other way round
//     ("drone" agrees with "drone.long_range", not with
//     "ballistic_missile"); "unknown" agrees with all.
//   - Targets and attributions never split an incident: they are disputed
//     figures of one event.
//
// When a report can join several incidents, it joins the best fitting
// one (same settlement, overlapping windows, both naming weapons, nearest
// disc, same target) and merges every other that can be one incident with
// it under the rules above: a late report bridging two. The oldest
// incident keeps its id. Incidents it fits but cannot merge are named in
// the incident's not_joined with the reason, as are, for a report that
// starts an incident, the incidents of the same place within two days and
// of its region at the same time.
//
// Fusion is incremental, so its result can depend on the order reports
// arrive in: a report located only to a country or region joins the first
// located incident it fits, and later located reports cannot take it away.
//
// Aggregate tallies ("236 drones overnight") are never fused with single
// incidents. A tally fuses with another tally over the same kind of area
// (country with country, region with the same region) and window, with
// agreeing kinds and weapons, the same attribution and the same counts
// (two outlets quoting the same Air Force tally); and it is linked to the
// single incidents it covers (window within the tolerance, inside its
// area, kinds and weapons agreeing), which link back.
//
// # Analyst decisions
//
// Split moves reports out into a new incident and records a separation:
// no report of one side is ever fused automatically with one of the other,
// whatever bridges them later. Merge joins incidents by hand, overriding
// the rules (never a tally with single incidents). Separations travel with
// the incidents (truce.Incident.Separations) and Load restores them.
//
// # Figures
//
// Killed and injured list every source's number; low and high are the
// least and greatest; best is the number of the most reliable source grade
// stating one, and among those the most recently reported (reported_at,
// else received_at, else arrival). A stated 0 counts; nobody stating a
// number leaves the figure null. A tally's counts follow the same rule.
//
// # Source chains and credibility
//
// Reports are grouped into independent chains: all reports of one party
// are one chain per party; any other report is its source's chain (the
// same source.name, compared case-insensitively), unless it names the
// original source it relays in the unknown field "source.via" (also read:
// "source.quotes", "via", "quotes"; a string or a list whose first string
// counts). Reports relaying the same original source are one chain, and
// that chain is the party's when a party report in the incident comes
// from a source of that name. Two outlets quoting the same governor
// therefore count once.
//
// Credibility (Admiralty 1–6) follows from the chains that corroborate,
// which are all but the party chains that attribute the act to another
// party (an allegation corroborates nothing): 3 or more give 1
// (confirmed); 2 give 2 (probably true) when one is graded A or B, else 3;
// 1 gives 3 when graded A or B, 4 when C or D, else 6; none gives 6.
//
// # Attribution
//
// Actor is the attribution evaluation uses. The chains that are not a
// party's decide when they attribute the act: their one party if they
// agree, "unknown" if they disagree. When none of them attributes it, the
// party chains decide the same way: one party named by all (an admission,
// both parties agreeing, or one party's word alone) is the actor;
// contradictory claims give "unknown". Every party whose chain attributes
// the act to another party is listed in Allegations, whatever the actor.
//
// # Window and location
//
// The window is the intersection of the members' windows; when they do
// not intersect (they disagree by no more than the tolerance) it is their
// union, and the explanation says so. The location is the tightest disc
// among located members (which, when the discs agree, lies within the
// others and is their intersection), else the region or country they
// name, with why.
//
// # Cost
//
// The engine keeps a compact summary of each report (not the report) and
// of each incident, and files incidents under one-day time buckets and
// about 5.5 km grid cells (regions and countries for coarse locations), so
// that Add tests only the incidents near the report in time and space.
// Incidents are materialised as truce.Incident on demand (Incident, or
// Change.Incidents with Options.Materialize), in time proportional to
// their members. On the real FIRMS and VIINA streams replayed to a
// million reports (BenchmarkFuse1M) the engine holds about 500 MiB and
// spends about 4 µs of CPU per report; Add stays in the microseconds with
// a million incidents held (BenchmarkAddAt1M).
//
// Regions are compared by the geocoder's names: a located report whose
// region is not known is not found by a region-precision report.
package fusion
