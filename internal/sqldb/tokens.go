package sqldb

import (
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/truce-monitor/truce"
)

// InsertToken stores a token; ECONFLICT if its id or hash exists.
func (t *Tx) InsertToken(tok *truce.Token) error {
	if tok.ID == "" || len(tok.Hash) == 0 {
		return truce.Errorf(truce.EINVALID, "token: no id or hash")
	}
	doc, err := json.Marshal(tok)
	if err != nil {
		return fmt.Errorf("sqldb: encode token %s: %w", tok.ID, err)
	}
	return t.insert("token", tok.ID,
		`INSERT INTO tokens (id, hash, created_at, doc) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING`,
		tok.ID, tok.Hash, micros(tok.CreatedAt), string(doc))
}

// TokenByHash returns the token whose secret has the given SHA-256.
func (t *Tx) TokenByHash(hash []byte) (*truce.Token, error) {
	var doc, h []byte
	err := t.queryRow(`SELECT doc, hash FROM tokens WHERE hash = ?1`, []any{hash}, &doc, &h)
	if err != nil {
		return nil, t.notFound(err, "token", hex.EncodeToString(hash))
	}
	return decodeToken(doc, h)
}

// Tokens lists every token, oldest first.
func (t *Tx) Tokens() ([]*truce.Token, error) {
	rows, err := t.query(`SELECT doc, hash FROM tokens ORDER BY created_at, seq`)
	if err != nil {
		return nil, t.fail("list tokens", err)
	}
	defer rows.Close()
	var out []*truce.Token
	for rows.Next() {
		var doc, h []byte
		if err := rows.Scan(&doc, &h); err != nil {
			return nil, t.fail("list tokens", err)
		}
		tok, err := decodeToken(doc, h)
		if err != nil {
			return nil, err
		}
		out = append(out, tok)
	}
	return out, rows.Err()
}

func decodeToken(doc, hash []byte) (*truce.Token, error) {
	var tok truce.Token
	if err := decodeDoc("token", doc, &tok); err != nil {
		return nil, err
	}
	tok.Hash = hash
	return &tok, nil
}
