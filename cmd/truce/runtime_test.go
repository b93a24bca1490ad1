package main

import (
	"crypto/rand"
	"testing"

	"golang.org/x/mod/sumdb/note"
)

// TestLogKeyFromEnvironment checks that any generated key given in
// TRUCE_LOG_KEY is taken, with its own verifier key (base64 keys often
// hold '+', which once broke this).
func TestLogKeyFromEnvironment(t *testing.T) {
	for i := 0; i < 50; i++ {
		skey, vkey, err := note.GenerateKey(rand.Reader, logOrigin)
		if err != nil {
			t.Fatal(err)
		}
		e := &env{getenv: func(k string) string {
			if k == "TRUCE_LOG_KEY" {
				return skey
			}
			return ""
		}}
		gs, gv, err := logKey(e, "")
		if err != nil || gs != skey || gv != vkey {
			t.Fatalf("logKey = %q, %q, %v; want the key and %q", gs, gv, err, vkey)
		}
	}
	bad := &env{getenv: func(string) string { return "PRIVATE+KEY+nonsense" }}
	if _, _, err := logKey(bad, ""); err == nil {
		t.Error("a malformed TRUCE_LOG_KEY was taken")
	}
}
