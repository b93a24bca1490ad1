// Package truce holds the domain of Truce, a ceasefire monitoring and
// verification system: reports and their validation, incidents, agreements
// and verdicts, principals and their rights, the status workflow of an
// incident, and the interfaces the adapters implement. It imports only the
// standard library; storage, HTTP, fusion, evaluation and the transparency
// log live in internal packages that depend on it.
package truce
