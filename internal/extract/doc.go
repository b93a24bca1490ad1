// Package extract turns news text into truce reports: rule-based,
// explainable extraction of strike incidents from English, Ukrainian and
// Russian text.
//
// The pipeline is:
//
//   - normalise and tokenise the text (text.go) and split it into
//     sentences that survive abbreviations (sentence.go);
//   - find every lexicon term and place name at token boundaries in one
//     pass of an Aho-Corasick automaton over normalised tokens (matcher.go;
//     its alphabet is the ids of the words that occur in some phrase,
//     vocab.go, and one "other" symbol for every other word), over the
//     terms of lexicon*.go and the names of places.go (the project
//     gazetteer's settlements in every script and inflection, regions.go,
//     and sites.go, the known plants, dams, bridges, air bases, ports and
//     islands with their towns), and misspelt names of prominent places
//     within one or two edits where a place is expected (fuzzy.go);
//   - read each sentence for an act (trigger.go), its places, weapons,
//     targets, attribution, casualties and time (analyze.go, placeref.go,
//     attrib.go, casualty.go, when.go). Places are resolved by the text's
//     own hints before its context (disambig.go). A sentence that names
//     places in several clauses gives each clause's place the act and
//     figures of its own clause (clause.go). Places that are only the
//     object of a ground-war or diplomatic word ("the capture of
//     Lysychansk", "talks in Moscow"), a past reference ("since an attack
//     on Kramatorsk in April"), a distance mark or an official's seat with
//     a scene elsewhere are no scenes; hedged, habitual, historical and
//     other-war acts give nothing;
//   - assemble the mentions into one report per place per attack
//     (assemble.go): later sentences about the same place and time join
//     its report, and the latest figure of a text wins, except that the
//     count of one group does not replace a total; a sentence without a
//     place goes on about the last attack for a few sentences, not past a
//     section heading; an officials' toll is its own report at their seat
//     unless it updates the last attack or lies in its region. Tallies
//     over a region (attacks in the plural, a toll alone) or a country
//     (counted launches and interceptions, "across the country") are
//     aggregates.
//
// Every report carries the sentences it rests on in evidence_text.
//
// Unknown report fields written by the extractor (documented on report
// building in report.go):
//
//	claim: true          the act is stated as one side's claim or accusation
//	claimed_by: "RU"     who made the claim (party code), when known
//	denied_by: "RU"      a party the text says denies the act
//	extract.rule: "…"    which rule produced the report (for explanation)
//
// Default builds the extractor over the project gazetteer; New takes any
// PlaceSource. An Extractor is safe for concurrent use; the buffers of
// each extraction are pooled. Speed: about 20 MB/s of English news per
// core (GOMAXPROCS=1 go test -run X -bench ExtractEnglish, which reports
// CPU time as cpu-MB/s).
package extract
