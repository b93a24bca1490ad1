package translog_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/truce-monitor/truce/internal/logverify"
	"github.com/truce-monitor/truce/internal/translog"
	"github.com/truce-monitor/truce/internal/witness"
)

var ctx = context.Background()

// TestVerifyHonestLog: an honest log passes every check of the
// independent verifier, as it grows, across sizes that fill tiles exactly
// and leave them partial.
func TestVerifyHonestLog(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := newServer(t, b, translog.Options{})
			state := filepath.Join(t.TempDir(), "state")
			c := s.client(t, nil, 0)
			for _, step := range []int{1, 255, 1, 511, 700} {
				s.grow(t, step, 200)
				res, err := c.Verify(ctx, logverify.Options{StatePath: state, Entry: int64(s.n - 1), Audit: true})
				if err != nil {
					t.Fatalf("size %d: %v", s.n, err)
				}
				if res.Checkpoint.Size != int64(s.n) || !res.Audited {
					t.Fatalf("size %d: checked %+v", s.n, res)
				}
				want, _ := translog.EncodeEntry(translog.SampleAct(s.n - 1))
				if string(res.Entry) != string(want) {
					t.Fatalf("entry %d = %s, want %s", s.n-1, res.Entry, want)
				}
				for _, i := range []int64{0, int64(s.n / 2), int64(s.n - 1)} {
					if _, err := c.Entry(ctx, res.Checkpoint, i); err != nil {
						t.Fatalf("size %d: entry %d: %v", s.n, i, err)
					}
				}
			}
		})
	}
}

// setup grows an honest log to 600 entries, has a verifier save its state
// and a witness cosign, and returns them.
func setup(t *testing.T, b backend) (s *server, state, wdir, wkey string) {
	wdir = t.TempDir()
	_, wkey, err := witness.LoadOrCreateKey(wdir, "witness.test/w1")
	if err != nil {
		t.Fatal(err)
	}
	s = newServer(t, b, translog.Options{WitnessKeys: []string{wkey}})
	s.grow(t, 600, 150)
	state = filepath.Join(t.TempDir(), "state")
	if _, err := s.client(t, nil, 0).Verify(ctx, logverify.Options{StatePath: state, Entry: -1}); err != nil {
		t.Fatal(err)
	}
	w, _ := s.witness(t, wdir)
	if r, err := w.Step(ctx); err != nil || !r.Cosigned {
		t.Fatalf("witness: %+v, %v", r, err)
	}
	return s, state, wdir, wkey
}

// wantFailure checks that err is a logverify.Failure saying want.
func wantFailure(t *testing.T, what string, err error, want string) {
	t.Helper()
	if !logverify.IsFailure(err) || !strings.Contains(err.Error(), want) {
		t.Fatalf("%s: got %v, want a failure saying %q", what, err, want)
	}
	t.Logf("%s: detected: %v", what, err)
}

func TestTamperChangedEntry(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s, state, _, _ := setup(t, b)
			e := s.tamp.entry(t, 300)
			s.tamp.setEntry(t, 300, []byte(strings.Replace(string(e), `"by":"tok-`, `"by":"tik-`, 1)))
			c := s.client(t, nil, 0)
			_, err := c.Verify(ctx, logverify.Options{StatePath: state, Entry: -1, Audit: true})
			wantFailure(t, "audit", err, "entry 300 does not hash to its leaf")
			_, err = c.Verify(ctx, logverify.Options{StatePath: state, Entry: 300})
			wantFailure(t, "entry", err, "entry 300 is not included")
			if _, err := c.Verify(ctx, logverify.Options{StatePath: state, Entry: 299}); err != nil {
				t.Errorf("entry 299, untouched: %v", err)
			}
		})
	}
}

func TestTamperSwappedEntries(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s, state, _, _ := setup(t, b)
			e10, e20 := s.tamp.entry(t, 10), s.tamp.entry(t, 20)
			s.tamp.setEntry(t, 10, e20)
			s.tamp.setEntry(t, 20, e10)
			c := s.client(t, nil, 0)
			_, err := c.Verify(ctx, logverify.Options{StatePath: state, Entry: -1, Audit: true})
			wantFailure(t, "audit", err, "does not hash to its leaf")
			_, err = c.Verify(ctx, logverify.Options{StatePath: state, Entry: 20})
			wantFailure(t, "entry", err, "entry 20 is not included")
		})
	}
}

func TestTamperDroppedEntry(t *testing.T) {
	for _, b := range backends {
		for _, renumber := range []bool{false, true} {
			name := map[bool]string{false: "hole", true: "renumbered"}[renumber]
			t.Run(b.name+"/"+name, func(t *testing.T) {
				s, state, _, _ := setup(t, b)
				s.tamp.dropEntry(t, 300, renumber)
				c := s.client(t, nil, 0)
				_, err := c.Verify(ctx, logverify.Options{StatePath: state, Entry: -1, Audit: true})
				if err == nil {
					t.Fatal("the audit passed a log with an entry dropped")
				}
				t.Logf("audit: detected: %v", err)
				_, err = c.Verify(ctx, logverify.Options{StatePath: state, Entry: 300})
				if err == nil {
					t.Fatal("entry 300 passed after it was dropped")
				}
				t.Logf("entry: detected: %v", err)
				if renumber {
					wantFailure(t, "entry 300 after renumbering", err, "entry 300 is not included")
				}
			})
		}
	}
}

// TestTamperRollback: the tree is cut back to 400 entries. A verifier that
// saw 600 refuses both the smaller tree and a tree regrown past 600 from
// the cut, and so does the witness.
func TestTamperRollback(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s, state, wdir, _ := setup(t, b)
			s.tamp.truncate(t, 450)
			s.n = 450
			s.growOther(t, 0) // sign the cut tree
			c := s.client(t, nil, 0)
			_, err := c.Verify(ctx, logverify.Options{StatePath: state, Entry: -1})
			wantFailure(t, "smaller tree", err, "checkpoint of size 450 is not consistent with the saved checkpoint of size 600: the log was rolled back or forked")
			w, _ := s.witness(t, wdir)
			_, err = w.Step(ctx)
			wantFailure(t, "witness on the smaller tree", err, "rolled back")

			s.growOther(t, 250)
			_, err = c.Verify(ctx, logverify.Options{StatePath: state, Entry: -1})
			wantFailure(t, "regrown tree", err, "checkpoint of size 700 is not consistent with the saved checkpoint of size 600")
			_, err = w.Step(ctx)
			wantFailure(t, "witness on the regrown tree", err, "not consistent")
			if saved, _ := os.ReadFile(state); !strings.Contains(string(saved), "\n600\n") {
				t.Errorf("the state file moved off the checkpoint of size 600:\n%s", saved)
			}
		})
	}
}

// TestTamperSplitView: after a verifier and the witness saw the checkpoint
// of size 600, the operator rewrites the last 100 entries and signs another
// checkpoint of size 600 for the next client. A client that requires the
// witness's cosignature refuses it, the first verifier refuses it, the
// witness refuses to cosign it; a client that trusts the log key alone
// cannot tell, which is why witnesses are there.
func TestTamperSplitView(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s, state, wdir, wkey := setup(t, b)
			before, err := s.client(t, []string{wkey}, 1).FetchCheckpoint(ctx)
			if err != nil {
				t.Fatalf("the honest checkpoint with its cosignature: %v", err)
			}
			s.tamp.truncate(t, 500)
			s.tamp.dropCheckpoint(t, 500)
			s.n = 500
			s.growOther(t, 100)
			naive, err := s.client(t, nil, 0).FetchCheckpoint(ctx)
			if err != nil || naive.Size != 600 || naive.Root == before.Root {
				t.Fatalf("the forked checkpoint: %+v, %v; want size 600 with another root", naive, err)
			}
			_, err = s.client(t, []string{wkey}, 1).FetchCheckpoint(ctx)
			wantFailure(t, "client requiring the witness", err, "cosignature by the witness \"witness.test/w1\" on the checkpoint of size 600 does not verify")
			_, err = s.client(t, nil, 0).Verify(ctx, logverify.Options{StatePath: state, Entry: -1})
			wantFailure(t, "client with state", err, "the log forked")
			w, _ := s.witness(t, wdir)
			_, err = w.Step(ctx)
			wantFailure(t, "witness", err, "the log forked")
		})
	}
}

// TestWitnessedLog: the witness cosigns, the log serves the cosignature,
// and a client that requires it is satisfied; as the log grows the
// witness follows it.
func TestWitnessedLog(t *testing.T) {
	s, _, wdir, wkey := setup(t, backends[0])
	c := s.client(t, []string{wkey}, 1)
	cp, err := c.FetchCheckpoint(ctx)
	if err != nil || len(cp.Cosigners) != 1 {
		t.Fatalf("checkpoint: %+v, %v", cp, err)
	}
	s.grow(t, 100, 100)
	if _, err := c.FetchCheckpoint(ctx); err == nil || !strings.Contains(err.Error(), "cosigned by 0 of the given witnesses") {
		t.Fatalf("an uncosigned checkpoint: %v", err)
	}
	w, _ := s.witness(t, wdir)
	if r, err := w.Step(ctx); err != nil || !r.Cosigned || r.Size != 700 {
		t.Fatalf("witness: %+v, %v", r, err)
	}
	if r, err := w.Step(ctx); err != nil || r.Cosigned {
		t.Fatalf("witness again on the same checkpoint: %+v, %v; want nothing to do", r, err)
	}
	if _, err := c.Verify(ctx, logverify.Options{Entry: 650, Audit: true}); err != nil {
		t.Fatalf("verify with the witness: %v", err)
	}
}
