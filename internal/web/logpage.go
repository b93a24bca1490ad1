package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce"
)

// logData is the transparency log's page.
type logData struct {
	Available  bool
	Checkpoint string // the signed note, with cosignatures
	Origin     string
	Size       int64
	Key        string
	Server     string
}

func (h *Handler) logPage(w http.ResponseWriter, r *http.Request, rq *request) error {
	d := &logData{Server: serverURL(r)}
	if h.cfg.Log != nil {
		d.Available, d.Key = true, h.cfg.Log.VerifierKey()
		cp, err := h.cfg.Log.Checkpoint(r.Context())
		switch {
		case err == nil:
			d.Checkpoint = string(cp)
			d.Origin, d.Size = parseCheckpoint(d.Checkpoint)
		case truce.ErrorCode(err) != truce.ENOTFOUND:
			return err
		}
	}
	return h.render(w, r, rq, http.StatusOK, "log", &view{Title: rq.lang.T("log.title"), Nav: "log", Data: d})
}

// parseCheckpoint reads the origin and tree size of a checkpoint note: its
// first two lines.
func parseCheckpoint(note string) (string, int64) {
	lines := strings.SplitN(note, "\n", 3)
	if len(lines) < 2 {
		return "", 0
	}
	n, _ := strconv.ParseInt(lines[1], 10, 64)
	return lines[0], n
}
