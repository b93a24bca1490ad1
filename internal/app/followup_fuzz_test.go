package app

import (
	"net/url"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/truce-monitor/truce"
)

// FuzzReplyInput: whatever a party sends, check never panics, and what it
// accepts is a reply the rest of Truce can rely on.
func FuzzReplyInput(f *testing.F) {
	f.Add("contest", "An air-defence missile.", "attribution", "facts")
	f.Add("accept", "", "", "")
	f.Add("deny", " \n", "classification", "")
	f.Add("contest", "x", "", "")
	f.Add("ACCEPT", "x", "facts", "")
	f.Fuzz(func(t *testing.T, pos, text, c1, c2 string) {
		var cs []string
		for _, c := range []string{c1, c2} {
			if c != "" {
				cs = append(cs, c)
			}
		}
		in := ReplyInput{Position: truce.Position(pos), Text: text, Contests: cs}
		if err := in.check(0); err != nil {
			if truce.ErrorCode(err) != truce.EINVALID {
				t.Fatalf("refusal with code %s: %v", truce.ErrorCode(err), err)
			}
			return
		}
		if !slices.Contains(truce.Positions, in.Position) || utf8.RuneCountInString(in.Text) > MaxReplyText {
			t.Fatalf("accepted %+v", in)
		}
		if in.Position != truce.PositionAccept && in.Text == "" {
			t.Fatalf("accepted a %s without a text", in.Position)
		}
		if (in.Position == truce.PositionContest) != (len(in.Contests) > 0) {
			t.Fatalf("accepted contests %v with position %s", in.Contests, in.Position)
		}
		for _, c := range in.Contests {
			if !slices.Contains(truce.Contestable, c) {
				t.Fatalf("accepted contest %q", c)
			}
		}
	})
}

// FuzzWebhookInput: an accepted webhook has an http(s) address with a
// host and no credentials, a secret, and known events only.
func FuzzWebhookInput(f *testing.F) {
	f.Add("https://hooks.example/truce", "s3cret", "finding")
	f.Add("http://user:pw@example.org/", "k", "status")
	f.Add("javascript:alert(1)", "k", "status")
	f.Add("https://x", "", "ack")
	f.Add("//example.org/x", "k", "response")
	f.Fuzz(func(t *testing.T, u, secret, event string) {
		in := WebhookInput{URL: u, Secret: secret, Events: []string{event}}
		if err := in.check(); err != nil {
			return
		}
		p, err := url.Parse(in.URL)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.User != nil {
			t.Fatalf("accepted url %q", in.URL)
		}
		if in.Secret == "" || !truce.IsEvent(event) {
			t.Fatalf("accepted secret %q, event %q", in.Secret, event)
		}
	})
}
