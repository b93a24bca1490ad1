package logverify

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// LoadState returns the checkpoint saved in the state file at path, its
// log signature checked again, or nil when there is no such file yet.
func (c *Client) LoadState(path string) (*Checkpoint, error) {
	msg, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	cp, err := c.openSigned(msg)
	if err != nil {
		return nil, fmt.Errorf("the state file %s: %w", path, err)
	}
	return cp, nil
}

// SaveState writes cp's signed note to the state file at path, replacing
// it atomically.
func SaveState(path string, cp *Checkpoint) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".logstate-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(cp.Note); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
