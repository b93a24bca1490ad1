package sqldb

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce"
)

// A cursor is the sort key of the last item of a page, opaque to callers:
// base64url of "<kind>:<number>[:<id>]". The kind keeps a cursor of one
// list from being used on another.
const (
	cursorReports   = "r1"
	cursorRejected  = "x1"
	cursorIncidents = "i1"
)

func encodeCursor(kind string, n int64, id string) string {
	s := kind + ":" + strconv.FormatInt(n, 10)
	if id != "" {
		s += ":" + id
	}
	return base64.RawURLEncoding.EncodeToString([]byte(s))
}

// decodeCursor returns the number and id of a cursor of the given kind,
// or EINVALID. withID says whether the kind carries an id.
func decodeCursor(kind, c string, withID bool) (int64, string, error) {
	bad := truce.Errorf(truce.EINVALID, "cursor: not a cursor of this list; use the \"next\" value of a previous page")
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, "", bad
	}
	want := 2
	if withID {
		want = 3
	}
	parts := strings.SplitN(string(b), ":", 3)
	if parts[0] != kind || len(parts) != want {
		return 0, "", bad
	}
	n, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return 0, "", bad
	}
	if withID {
		if parts[2] == "" {
			return 0, "", bad
		}
		return n, parts[2], nil
	}
	return n, "", nil
}
