package sqldb

// Meta returns a stored setting, or ENOTFOUND.
func (t *Tx) Meta(key string) ([]byte, error) {
	var v []byte
	if err := t.queryRow(`SELECT value FROM meta WHERE key = ?1`, []any{key}, &v); err != nil {
		return nil, t.notFound(err, "setting", key)
	}
	if v == nil {
		v = []byte{}
	}
	return v, nil
}

// PutMeta stores a setting, replacing any earlier value.
func (t *Tx) PutMeta(key string, value []byte) error {
	if value == nil {
		value = []byte{}
	}
	_, err := t.exec(`INSERT INTO meta (key, value) VALUES (?1, ?2)
 ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return t.fail("put setting", err)
	}
	return nil
}
