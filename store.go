package truce

import (
	"context"
	"time"
)

// Store is the persistent state of Truce. internal/sqlite and
// internal/postgres implement it, and internal/storetest holds the one
// conformance suite both must pass.
//
// Every service call runs in exactly one transaction: Update for acts (the
// act and its transparency-log entry commit together or not at all), View
// for reads. Transactions are serialisable with respect to each other's log
// appends: two Updates never interleave their LogAppend calls.
type Store interface {
	// Update runs fn in a read-write transaction, committed when fn returns
	// nil and rolled back otherwise (fn's error is returned as is).
	Update(ctx context.Context, fn func(Tx) error) error
	// View runs fn in a read-only transaction.
	View(ctx context.Context, fn func(Tx) error) error
	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
	// Close releases the database.
	Close() error
	// Dialect names the backend: "sqlite" or "postgres".
	Dialect() string
}

// Tx is one transaction of a Store. Methods return *Error with ENOTFOUND
// for a missing item and ECONFLICT for a duplicate; other errors are
// internal. A Tx must not be used after its function returns.
type Tx interface {
	ReportTx
	TokenTx
	LogTx
	IncidentTx
	AgreementTx
	StatsTx
	FollowupTx
	// Meta returns a stored setting, or ENOTFOUND.
	Meta(key string) ([]byte, error)
	// PutMeta stores a setting, replacing any earlier value.
	PutMeta(key string, value []byte) error
}

// ReportTx stores reports and rejected items.
type ReportTx interface {
	// InsertReport stores a new report; r.ID must be set. ECONFLICT when a
	// report with the same ID or the same (source.name, source.ref) exists.
	InsertReport(r *Report) error
	// Report returns the report with the given id.
	Report(id string) (*Report, error)
	// ReportByKey returns the report with the given source name and ref.
	ReportByKey(sourceName, sourceRef string) (*Report, error)
	// Reports returns reports matching f, newest first, and the cursor of
	// the next page ("" when there is none).
	Reports(f ReportFilter) ([]*Report, string, error)
	// InsertRejected stores a rejected item with its reasons; r.ID must be set.
	InsertRejected(r *Rejected) error
	// Rejected returns one rejected item.
	Rejected(id string) (*Rejected, error)
	// OpenRejectedByHash returns the unresolved rejected item whose bytes
	// have the given Hash, or ENOTFOUND.
	OpenRejectedByHash(hash string) (*Rejected, error)
	// RejectedItems returns rejected items matching f, newest first, and
	// the next cursor.
	RejectedItems(f RejectedFilter) ([]*Rejected, string, error)
	// ResolveRejected marks a rejected item as resubmitted, accepted as the
	// report reportID.
	ResolveRejected(id, reportID string, at time.Time) error
}

// TokenTx stores API tokens (their SHA-256 only).
type TokenTx interface {
	// InsertToken stores a token; ECONFLICT if its id or hash exists.
	InsertToken(t *Token) error
	// TokenByHash returns the token with the given SHA-256 of its secret.
	TokenByHash(hash []byte) (*Token, error)
	// Tokens lists all tokens, oldest first.
	Tokens() ([]*Token, error)
}

// LogTx stores the transparency log: its entries and the hashes of its
// Merkle tree, in the layout of golang.org/x/mod/sumdb/tlog (hash storage
// indexes), and its signed checkpoints.
type LogTx interface {
	// LogSize returns the number of entries.
	LogSize() (int64, error)
	// LogAppend stores entries at indexes LogSize(), LogSize()+1, … and the
	// new tree hashes at storage indexes hashStart, hashStart+1, ….
	LogAppend(entries []LogEntry, hashStart int64, hashes [][32]byte) error
	// LogHashes returns the stored hashes at the given storage indexes.
	LogHashes(indexes []int64) ([][32]byte, error)
	// LogEntries returns the entries with index in [start, end).
	LogEntries(start, end int64) ([]LogEntry, error)
	// LogEntriesFor returns the entries that record acts on one record.
	LogEntriesFor(recordType, recordID string) ([]LogEntry, error)
	// PutCheckpoint stores a signed checkpoint of the given tree size.
	PutCheckpoint(c *Checkpoint) error
	// LatestCheckpoint returns the checkpoint of the largest size, or
	// ENOTFOUND before the first.
	LatestCheckpoint() (*Checkpoint, error)
	// PutCosignature stores a witness's cosignature of a checkpoint size.
	PutCosignature(size int64, witness string, line []byte) error
	// Cosignatures returns the cosignature lines of a size, by witness.
	Cosignatures(size int64) (map[string][]byte, error)
}

// IncidentTx stores incidents and their verdicts.
type IncidentTx interface {
	// PutIncident inserts or replaces an incident and the membership of its
	// reports.
	PutIncident(in *Incident) error
	// DeleteIncident removes an incident (after a merge) and its verdicts.
	DeleteIncident(id string) error
	// Incident returns one incident.
	Incident(id string) (*Incident, error)
	// Incidents returns incidents matching f, newest first (by window
	// start), and the next cursor.
	Incidents(f IncidentFilter) ([]*Incident, string, error)
	// EachIncident calls fn for every incident, in no set order.
	EachIncident(fn func(*Incident) error) error
	// IncidentOf returns the id of the incident a report belongs to.
	IncidentOf(reportID string) (string, error)
	// PutVerdicts replaces the verdicts of an incident under the agreements
	// named in vs.
	PutVerdicts(incidentID string, vs []Verdict) error
	// Verdicts returns an incident's current verdicts, by agreement id.
	Verdicts(incidentID string) ([]Verdict, error)
}

// AgreementTx stores agreement documents, every version kept.
type AgreementTx interface {
	// PutAgreement stores a new version; ECONFLICT if (id, version) exists.
	PutAgreement(a *AgreementRecord) error
	// Agreement returns a version of an agreement; version 0 = the latest.
	Agreement(id string, version int) (*AgreementRecord, error)
	// Agreements returns the latest version of every agreement, by id.
	Agreements() ([]*AgreementRecord, error)
	// AgreementVersions returns every version of one agreement, oldest first.
	AgreementVersions(id string) ([]*AgreementRecord, error)
}

// ReportFilter selects reports. Zero fields do not filter.
type ReportFilter struct {
	From, To    time.Time  // occurred window overlaps [From, To]
	SourceType  SourceType //
	SourceName  string     //
	SourceParty string     // reports filed for this party (visibility of a party)
	Kind        Kind       //
	Admin1      string     // canonical region name
	Limit       int        // at most this many (the store caps it at 1000)
	Cursor      string     // from a previous page
	// Restricted limits the result to the reports of published incidents,
	// plus, when VisibleParty is set, the reports filed for that party.
	Restricted   bool
	VisibleParty string
}

// RejectedFilter selects rejected items.
type RejectedFilter struct {
	Unresolved bool   // only those not yet resubmitted successfully
	Limit      int    //
	Cursor     string //
}

// IncidentFilter selects incidents. Zero fields do not filter.
type IncidentFilter struct {
	From, To  time.Time // window overlaps [From, To]
	Agreement string    // with Verdict: the verdict under this agreement
	Verdict   VerdictValue
	Party     string // named as actor or by a member report
	Admin1    string
	Kind      Kind
	Weapon    string      // covers subclasses
	Target    string      // covers subclasses
	BBox      *[4]float64 // minLon, minLat, maxLon, maxLat
	Statuses  []Status    // only these statuses (visibility of the public)
	VisibleTo string      // only incidents naming this party, or published (visibility of a party)
	Limit     int
	Cursor    string
}

// Rejected is an item a source sent that was not accepted, kept with its
// reasons so an operator can fix and resubmit it.
type Rejected struct {
	ID         string     `json:"id"`
	ReceivedAt time.Time  `json:"received_at"`
	ReceivedBy string     `json:"received_by"`
	Channel    string     `json:"channel"` // "api", or the file name for ingest
	Line       int        `json:"line,omitempty"`
	Index      int        `json:"index"`
	Raw        []byte     `json:"-"`              // the item exactly as sent
	Hash       string     `json:"hash,omitempty"` // hex SHA-256 of Raw
	Errors     []string   `json:"errors"`
	ResolvedBy string     `json:"resolved_by,omitempty"` // report id of the accepted resubmission
	ResolvedAt *time.Time `json:"resolved_at,omitempty"`
}

// Token is an API token. Only the SHA-256 of its secret is stored.
type Token struct {
	ID        string    `json:"id"`
	Hash      []byte    `json:"-"`
	Role      Role      `json:"role"`
	Party     string    `json:"party,omitempty"`
	Name      string    `json:"name,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// LogEntry is one entry of the transparency log: the canonical JSON of an
// act, with the record it is about for lookups.
type LogEntry struct {
	Index      int64  `json:"index"`
	RecordType string `json:"type"`
	RecordID   string `json:"id"`
	Data       []byte `json:"-"`
}

// Checkpoint is a signed note of the log's size and root hash.
type Checkpoint struct {
	Size int64     `json:"size"`
	Note []byte    `json:"-"` // the signed note as served
	At   time.Time `json:"at"`
}

// AgreementRecord is one stored version of an agreement document.
type AgreementRecord struct {
	ID       string            `json:"id"`
	Version  int               `json:"version"`
	Title    map[string]string `json:"title"`
	Kind     string            `json:"kind"`
	Parties  []string          `json:"parties"`
	Params   map[string]string `json:"params,omitempty"`
	Source   []byte            `json:"-"`     // the YAML as loaded (parameters applied)
	Terms    *Agreement        `json:"terms"` // the parsed terms, zones inline
	SHA256   string            `json:"sha256"`
	LoadedAt time.Time         `json:"loaded_at"`
	LoadedBy string            `json:"loaded_by"`
}
