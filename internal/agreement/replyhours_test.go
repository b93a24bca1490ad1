package agreement

import (
	"strings"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
)

// replyDoc is a minimal document; extra is added at its end.
const replyDoc = `id: reply-test
parties: [RU, UA]
in_force:
  from: 2025-08-18T00:00:00+03:00
rules:
  - id: "1"
    prohibits:
      kinds: [strike]
`

func TestReplyHours(t *testing.T) {
	tests := []struct {
		extra   string
		want    time.Duration
		wantErr string
	}{
		{"", truce.DefaultReplyHours * time.Hour, ""},
		{"reply_hours: 24\n", 24 * time.Hour, ""},
		{"reply_hours: 0\n", 0, "reply_hours"},
		{"reply_hours: soon\n", 0, "reply_hours"},
	}
	for _, tt := range tests {
		a, err := Parse([]byte(replyDoc+tt.extra), ParseOptions{})
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: error %v, want one naming %s", tt.extra, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", tt.extra, err)
		}
		if got := a.ReplyWindow(); got != tt.want {
			t.Errorf("%q: reply window %v, want %v", tt.extra, got, tt.want)
		}
	}
	// A document without reply_hours keeps the fingerprint it had before
	// the field existed: the field is omitted from the canonical JSON.
	a, _ := Parse([]byte(replyDoc), ParseOptions{})
	b, _ := Parse([]byte(replyDoc+"reply_hours: 72\n"), ParseOptions{})
	if Fingerprint(a) == Fingerprint(b) {
		t.Error("an explicit reply window must make a new version")
	}
	if j, _ := truce.CanonicalJSON(a); strings.Contains(string(j), "reply_hours") {
		t.Errorf("reply_hours in the JSON of a document without it: %s", j)
	}
}
