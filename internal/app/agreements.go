package app

import (
	"context"
	"strconv"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/agreement"
)

// AgreementResult answers the loading of an agreement document.
type AgreementResult struct {
	Agreement *truce.AgreementRecord `json:"agreement"`
	Created   bool                   `json:"created"`  // false: the same document was already the latest version
	Verdicts  int                    `json:"verdicts"` // verdicts given or changed by the load
	LogIndex  *int64                 `json:"log_index,omitempty"`
}

// LoadAgreement loads an agreement document (YAML, with template
// parameters applied): a document that differs from the latest version of
// its id becomes a new version, and every incident is judged under it in
// the same transaction. Loading the same document again changes nothing.
// Only admins may load agreements.
func (a *App) LoadAgreement(ctx context.Context, src []byte, params map[string]string, opts agreement.ParseOptions) (*AgreementResult, error) {
	p := truce.PrincipalFrom(ctx)
	if p.Role != truce.RoleAdmin {
		return nil, denied(p, "load agreements")
	}
	terms, err := agreement.Load(src, params, opts)
	if err != nil {
		return nil, err
	}
	inst, err := agreement.Instantiate(src, params)
	if err != nil {
		return nil, err
	}
	fp := agreement.Fingerprint(terms)
	var res *AgreementResult
	err = a.update(ctx, func(tx truce.Tx) error {
		res = &AgreementResult{}
		latest, err := tx.Agreement(terms.ID, 0)
		switch {
		case err == nil && latest.SHA256 == fp:
			res.Agreement = latest
			return nil
		case err != nil && truce.ErrorCode(err) != truce.ENOTFOUND:
			return err
		}
		version := 1
		if latest != nil {
			version = latest.Version + 1
		}
		rec := newRecord(terms, inst, params, fp, version, p, a.Clock.Now())
		res.Agreement, res.Created = rec, true
		return a.storeAgreement(ctx, tx, p, rec, res)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func newRecord(terms *truce.Agreement, src []byte, params map[string]string, fp string, version int, p truce.Principal, now time.Time) *truce.AgreementRecord {
	t := *terms
	t.Version = version
	return &truce.AgreementRecord{
		ID: t.ID, Version: version, Kind: t.Kind, Parties: t.Parties, Params: params,
		Title:  map[string]string{"en": t.Title.En, "uk": t.Title.Uk, "ru": t.Title.Ru},
		Source: src, Terms: &t, SHA256: fp, LoadedAt: now, LoadedBy: p.ID,
	}
}

// storeAgreement stores a new version, logs it and judges every incident.
func (a *App) storeAgreement(ctx context.Context, tx truce.Tx, p truce.Principal, rec *truce.AgreementRecord, res *AgreementResult) error {
	if err := tx.PutAgreement(rec); err != nil {
		return err
	}
	acts := []truce.Act{{Type: "agreement", ID: rec.ID + "@" + strconv.Itoa(rec.Version), By: p.ID, At: rec.LoadedAt, Record: rec}}
	if a.Pipeline != nil {
		more, err := a.Pipeline.AgreementLoaded(tx, p, rec)
		if err != nil {
			return err
		}
		res.Verdicts = len(more)
		acts = append(acts, more...)
	}
	idx, err := a.Log.Record(tx, acts...)
	if err != nil {
		return err
	}
	res.LogIndex = &idx[0]
	return nil
}

// Agreements lists the latest version of every agreement. Agreements are
// public: everyone may read the terms.
func (a *App) Agreements(ctx context.Context) ([]*truce.AgreementRecord, error) {
	var out []*truce.AgreementRecord
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		out, err = tx.Agreements()
		return err
	})
	return out, err
}

// AgreementVersions returns every version of one agreement, oldest first.
func (a *App) AgreementVersions(ctx context.Context, id string) ([]*truce.AgreementRecord, error) {
	var out []*truce.AgreementRecord
	err := a.view(ctx, func(tx truce.Tx) error {
		var err error
		out, err = tx.AgreementVersions(id)
		if err == nil && len(out) == 0 {
			err = truce.NotFound("agreement", id)
		}
		return err
	})
	return out, err
}
