package intake

import (
	"errors"
	"io"
	"os"
	"time"

	"github.com/truce-monitor/truce"
)

// Preparer validates decoded reports and geocodes them: the one path every
// report takes, from the API, from files and from the demo alike.
type Preparer struct {
	Validator truce.Validator
	Geocoder  truce.Geocoder // nil: no geocoding (reports keep what they gave)
}

// Prepare validates and geocodes the item's report in place. On failure
// the item becomes a rejection naming the fields. now is the time of
// receipt, used for defaults.
func (p *Preparer) Prepare(it *Item, now time.Time) {
	if it.Report == nil {
		if it.partial != nil {
			it.Errors = p.Validator.ValidateDecoded(it.partial, it.Errors, now)
			it.partial = nil
		}
		return
	}
	r := it.Report
	if errs := p.Validator.Validate(r, now); len(errs) > 0 {
		it.reject(errs)
		return
	}
	if p.Geocoder == nil {
		return
	}
	g, err := p.Geocoder.Geocode(r.Location)
	if err != nil {
		it.reject(fieldErrorsOf(err))
		return
	}
	r.Geocode = g
}

// fieldErrorsOf turns a geocoding error into field errors.
func fieldErrorsOf(err error) []truce.FieldError {
	var ve *truce.ValidationError
	if errors.As(err, &ve) {
		return ve.Errors
	}
	return []truce.FieldError{{Field: "location", Message: err.Error()}}
}

// ReadFile decodes, validates and geocodes the reports of a file ("-" is
// standard input), calling fn for each item in order. The format follows
// the file name (.csv, .ndjson, .jsonl), else it is sniffed.
func (p *Preparer) ReadFile(path string, stdin io.Reader, now time.Time, fn func(Item) error) error {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return truce.Errorf(truce.EINVALID, "cannot read %s: %v", path, errors.Unwrap(err))
		}
		defer f.Close()
		r = f
	}
	return Decode(r, FormatOf(path), func(it Item) error {
		p.Prepare(&it, now)
		return fn(it)
	})
}
