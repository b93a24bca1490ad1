// Package extract turns news text into truce reports: rule-based,
// explainable extraction of strike incidents from English, Ukrainian and
// Russian text.
//
// The pipeline is: normalise and tokenise the text (text.go), split it
// into sentences that survive abbreviations (sentence.go), find every
// lexicon term and place name in one pass of an Aho-Corasick automaton
// (ahocorasick.go, lexicon*.go, places.go), read each sentence for an
// attack, its places, weapons, targets, attribution, casualties and time
// (sentence analysis in analyze.go, casualty.go, when.go), and assemble the
// mentions into one report per place per attack (assemble.go). Every report
// carries the sentences it rests on in evidence_text.
//
// Unknown report fields written by the extractor (documented on Report
// building in assemble.go):
//
//	claim: true          the act is stated as one side's claim or accusation
//	claimed_by: "RU"     who made the claim (party code), when known
//	denied_by: "RU"      a party the text says denies the act
//	extract.rule: "…"    which rule produced the report (for explanation)
package extract
