package app

import (
	"context"
	"fmt"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/intake"
)

// ChunkSize is how many items one intake transaction takes. A bulk
// submission larger than this commits chunk by chunk; each chunk is atomic.
const ChunkSize = 1000

// Accepted is an accepted item of a submission.
type Accepted struct {
	Index     int    `json:"index"`
	Line      int    `json:"line,omitempty"`
	ID        string `json:"id"`
	Duplicate bool   `json:"duplicate"`
	LogIndex  *int64 `json:"log_index"`
}

// RejectedItem is a rejected item of a submission, kept under ID for
// fixing and resubmission.
type RejectedItem struct {
	Index  int      `json:"index"`
	Line   int      `json:"line,omitempty"`
	Errors []string `json:"errors"`
	ID     string   `json:"rejected_id,omitempty"`
}

// SubmitResult answers a submission: every item is either accepted or
// rejected.
type SubmitResult struct {
	Accepted []Accepted     `json:"accepted"`
	Rejected []RejectedItem `json:"rejected"`
}

// Submit takes decoded items from a source (channel names it: "api", a
// file name) and files them: each is validated, geocoded and stored with
// its log entry, or stored as rejected with its reasons. Items already
// filed (same source.name and source.ref) are answered as duplicates.
func (a *App) Submit(ctx context.Context, channel string, items []intake.Item) (*SubmitResult, error) {
	p := truce.PrincipalFrom(ctx)
	if err := MayFile(p); err != nil {
		return nil, err
	}
	res := &SubmitResult{Accepted: []Accepted{}, Rejected: []RejectedItem{}}
	for start := 0; start < len(items); start += ChunkSize {
		end := min(start+ChunkSize, len(items))
		part, err := a.submitChunk(ctx, p, channel, items[start:end])
		if err != nil {
			return res, err
		}
		res.Accepted = append(res.Accepted, part.Accepted...)
		res.Rejected = append(res.Rejected, part.Rejected...)
	}
	return res, nil
}

// MayFile says whether p may file reports: nil, or the error to answer.
// The HTTP layer asks before reading a large body.
func MayFile(p truce.Principal) error {
	if !p.CanFile() {
		return denied(p, "file reports")
	}
	return nil
}

func (a *App) submitChunk(ctx context.Context, p truce.Principal, channel string, items []intake.Item) (*SubmitResult, error) {
	var res *SubmitResult
	err := a.update(ctx, func(tx truce.Tx) error {
		var err error
		res, err = a.submitIn(ctx, tx, p, channel, items)
		return err
	})
	return res, err
}

// submitIn files items in tx, the transaction of the calling service:
// each is validated, geocoded, stored and logged, or stored as rejected,
// and the new reports are fused.
func (a *App) submitIn(ctx context.Context, tx truce.Tx, p truce.Principal, channel string, items []intake.Item) (*SubmitResult, error) {
	res := &SubmitResult{}
	prep, err := a.preparer(tx)
	if err != nil {
		return nil, err
	}
	now := a.Clock.Now()
	var fresh []*truce.Report
	var acts []truce.Act
	for i := range items {
		it := items[i] // a copy: a failed transaction must leave items as given
		if it.Report != nil {
			r := *it.Report
			it.Report = &r
		}
		prep.Prepare(&it, now)
		checkParty(&it, p)
		if it.Report == nil {
			rj, err := a.storeRejected(tx, p, channel, &it, now)
			if err != nil {
				return nil, err
			}
			res.Rejected = append(res.Rejected, rj)
			continue
		}
		acc, act, err := a.storeReport(tx, p, &it, now)
		if err != nil {
			return nil, err
		}
		res.Accepted = append(res.Accepted, acc)
		if act != nil {
			acts = append(acts, *act)
			fresh = append(fresh, it.Report)
		}
	}
	return res, a.record(ctx, tx, p, res, fresh, acts)
}

// checkParty rejects an item a party token may not file: a party files
// only its own party's reports.
func checkParty(it *intake.Item, p truce.Principal) {
	if it.Report == nil || p.Role != truce.RoleParty || it.Report.Source.Party == p.Party {
		return
	}
	it.Errors = []truce.FieldError{{Field: "source.party", Message: fmt.Sprintf(
		"%q: a token of party %s can only file reports with source.party %s", it.Report.Source.Party, p.Party, p.Party)}}
	it.Report = nil
}

// storeReport stores a new report, or finds the one it duplicates. It
// returns the act to log for a new report, nil for a duplicate. The insert
// comes first: the store refuses a second (source.name, source.ref), and
// only then is the existing report looked up, so new reports cost one
// statement.
func (a *App) storeReport(tx truce.Tx, p truce.Principal, it *intake.Item, now time.Time) (Accepted, *truce.Act, error) {
	r := it.Report
	acc := Accepted{Index: it.Index, Line: it.Line}
	r.ID = truce.NewID("r_", now)
	r.ReceivedAt = now
	r.ReceivedBy = p.ID
	// One encoding for the stored document and the log entry's hash.
	doc, err := r.CanonicalJSON()
	if err != nil {
		return acc, nil, fmt.Errorf("encoding report %s: %w", r.ID, err)
	}
	if di, ok := tx.(truce.ReportDocInserter); ok {
		err = di.InsertReportDoc(r, doc)
	} else {
		err = tx.InsertReport(r)
	}
	if err == nil {
		acc.ID = r.ID
		return acc, &truce.Act{Type: "report", ID: r.ID, By: p.ID, At: now, Record: r, RecordJSON: doc}, nil
	}
	name, ref, ok := r.Key()
	if truce.ErrorCode(err) != truce.ECONFLICT || !ok {
		return acc, nil, err
	}
	old, err := tx.ReportByKey(name, ref)
	if err != nil {
		return acc, nil, err
	}
	acc.ID, acc.Duplicate = old.ID, true
	acc.LogIndex, err = firstLogIndex(tx, "report", old.ID)
	return acc, nil, err
}

// record writes the acts of a chunk to the log (reports first, then what
// the pipeline did with them) and fills in the accepted log indexes.
func (a *App) record(ctx context.Context, tx truce.Tx, p truce.Principal, res *SubmitResult, fresh []*truce.Report, acts []truce.Act) error {
	if len(acts) == 0 {
		return nil
	}
	idx, err := a.Log.Record(tx, acts...)
	if err != nil {
		return err
	}
	byID := make(map[string]int64, len(acts))
	for i, act := range acts {
		byID[act.ID] = idx[i]
	}
	for i := range res.Accepted {
		if n, ok := byID[res.Accepted[i].ID]; ok && !res.Accepted[i].Duplicate {
			res.Accepted[i].LogIndex = &n
		}
	}
	if a.Pipeline == nil {
		return nil
	}
	more, err := a.Pipeline.Accepted(ctx, tx, p, fresh)
	if err != nil {
		return err
	}
	if len(more) > 0 {
		_, err = a.Log.Record(tx, more...)
	}
	return err
}

func firstLogIndex(tx truce.Tx, typ, id string) (*int64, error) {
	es, err := tx.LogEntriesFor(typ, id)
	if err != nil || len(es) == 0 {
		return nil, err
	}
	return &es[0].Index, nil
}
