package truce

import (
	"errors"
	"fmt"
)

// Error codes. Each maps to one HTTP status in internal/httpapi and to one
// exit status in cmd/truce; nowhere else decides that mapping.
const (
	EINVALID      = "invalid"      // the caller's input is wrong
	ENOTFOUND     = "not_found"    // no such item, or the caller may not see it
	ECONFLICT     = "conflict"     // the item exists or its state forbids the act
	EUNAUTHORIZED = "unauthorized" // no or bad credentials
	EFORBIDDEN    = "forbidden"    // credentials fine, role may not do this
	ETOOLARGE     = "too_large"    // a body or batch over its limit
	EUNAVAILABLE  = "unavailable"  // a dependency (database) is down
	EINTERNAL     = "internal"     // a bug or an unexpected failure
)

// Error is the one error type of Truce: a code for machines and a message
// for people. Wrap other errors with fmt.Errorf("…: %w", err) as usual; the
// outermost *Error found by errors.As decides the code.
type Error struct {
	Code    string
	Message string
	// Details carries structured extras, e.g. the allowed transitions of a
	// refused status change, or per-field validation errors.
	Details any
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic text for internal errors, whose details must not leak to callers.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	default:
		return "internal error"
	}
}

// NotFound returns the ENOTFOUND error used both for missing items and for
// items the caller may not see, so the two cannot be told apart.
func NotFound(what, id string) *Error {
	return Errorf(ENOTFOUND, "%s %q not found", what, id)
}
