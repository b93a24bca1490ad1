package httpapi

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/truce-monitor/truce"
)

// statusOf is the one mapping from error codes to HTTP statuses.
var statusOf = map[string]int{
	truce.EINVALID:      http.StatusBadRequest,
	truce.ENOTFOUND:     http.StatusNotFound,
	truce.ECONFLICT:     http.StatusConflict,
	truce.EUNAUTHORIZED: http.StatusUnauthorized,
	truce.EFORBIDDEN:    http.StatusForbidden,
	truce.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	truce.EUNAVAILABLE:  http.StatusServiceUnavailable,
	truce.EINTERNAL:     http.StatusInternalServerError,
}

// errorBody is the JSON of every error answer.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Details any    `json:"details,omitempty"`
	} `json:"error"`
}

// writeError answers err with its status and a JSON body. Internal errors
// are logged and answered without their details.
func writeError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		err = truce.Errorf(truce.ETOOLARGE, "request body over %d bytes; split the batch", mbe.Limit)
	}
	code := truce.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	if status == http.StatusInternalServerError {
		logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	var body errorBody
	body.Error.Code = code
	body.Error.Message = truce.ErrorMessage(err)
	var te *truce.Error
	if errors.As(err, &te) {
		body.Error.Details = te.Details
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="truce"`)
	}
	writeJSON(w, status, body)
}

// writeJSON answers v as JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
