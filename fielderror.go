package truce

import (
	"fmt"
	"strings"
)

// FieldError is one problem with one field of an input, named by its dotted
// path ("occurred.from", "weapons[0].class"); Field is empty when the problem
// is the whole item (e.g. broken JSON).
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// String renders the error as "field: message".
func (e FieldError) String() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// ValidationError is the rejection of one input item. Line is the line or
// row of bulk input it came from (0 when not from bulk input); Index is its
// position in the batch.
type ValidationError struct {
	Line   int
	Index  int
	Errors []FieldError
}

// Error renders the rejection as one line a person can act on:
// "line 17: occurred.from: … ; kind: required".
func (e *ValidationError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	for i, fe := range e.Errors {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(fe.String())
	}
	return b.String()
}

// Strings returns each field error as "field: message".
func (e *ValidationError) Strings() []string {
	out := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		out[i] = fe.String()
	}
	return out
}

// Unwrap lets errors.As find the EINVALID code of a validation error.
func (e *ValidationError) Unwrap() error {
	return &Error{Code: EINVALID, Message: e.Error(), Details: e.Errors}
}

// fieldErrors collects field errors while a decoder or validator walks an
// item.
type fieldErrors []FieldError

func (fe *fieldErrors) add(field, format string, args ...any) {
	*fe = append(*fe, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}
