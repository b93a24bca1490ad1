// Package intake turns what sources send (a JSON object, a JSON array,
// NDJSON, or CSV with a header row of dotted field names) into items: a
// decoded report, or the reasons it could not be decoded, always with its
// line or row and the bytes exactly as sent, so nothing is lost.
package intake

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/truce-monitor/truce"
)

// Format is an input format.
type Format int

// The input formats. Auto sniffs JSON, array or NDJSON from the first bytes;
// CSV must be named (by file extension or content type).
const (
	Auto Format = iota
	JSON
	NDJSON
	CSV
)

// Limits on input, so one bad source cannot exhaust the server.
const (
	MaxItemBytes = 1 << 20 // one report, one NDJSON line or one CSV row
	MaxItems     = 100_000 // items in one batch
)

// Item is one input item. Exactly one of Report and Errors is set.
type Item struct {
	Index  int                // 0-based position in the input
	Line   int                // 1-based line (JSON, NDJSON) or row (CSV, header = row 1)
	Raw    []byte             // the item as sent
	Report *truce.Report      // the decoded report (not yet validated)
	Errors []truce.FieldError // why it could not be decoded or accepted

	// partial is what could be decoded of an object with faulty fields, so
	// that validation can name the other problems in the same answer.
	partial *truce.Report
}

// Err returns the item's rejection as a validation error, or nil.
func (it *Item) Err() *truce.ValidationError {
	if len(it.Errors) == 0 {
		return nil
	}
	return &truce.ValidationError{Line: it.Line, Index: it.Index, Errors: it.Errors}
}

// reject turns the item into a rejection with the given errors.
func (it *Item) reject(errs []truce.FieldError) {
	it.Report, it.Errors = nil, errs
}

// Decode reads items from r in the given format and calls fn for each, in
// order. It stops at fn's first error and returns it. Broken input becomes
// rejected items, not an error: Decode fails only on read errors, on fn's
// error, or past MaxItems.
func Decode(r io.Reader, f Format, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if f == Auto {
		f = sniff(br)
	}
	switch f {
	case CSV:
		return decodeCSV(br, fn)
	case JSON:
		return decodeJSON(br, fn)
	default:
		return decodeNDJSON(br, fn)
	}
}

// FormatOf picks a format from a file name or a content type.
func FormatOf(nameOrType string) Format {
	s := strings.ToLower(nameOrType)
	switch {
	case strings.HasSuffix(s, ".csv"), strings.Contains(s, "text/csv"):
		return CSV
	case strings.HasSuffix(s, ".ndjson"), strings.HasSuffix(s, ".jsonl"),
		strings.Contains(s, "ndjson"), strings.Contains(s, "jsonl"):
		return NDJSON
	}
	return Auto
}

// sniff tells a JSON array or single object from NDJSON: an array starts
// with '['; an object alone in the input is JSON; anything else is NDJSON.
func sniff(br *bufio.Reader) Format {
	for i := 1; ; i++ {
		b, err := br.Peek(i)
		if err != nil || len(b) < i {
			return NDJSON
		}
		c := b[i-1]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF {
			continue // white space or a UTF-8 byte order mark
		}
		if c == '[' {
			return JSON
		}
		return NDJSON
	}
}

// decodeJSON reads a JSON array of reports (or, for NDJSON's sake, a single
// object). An element that is valid JSON but not a valid report becomes a
// rejected item; broken JSON ends the array with one rejected item.
func decodeJSON(br *bufio.Reader, fn func(Item) error) error {
	data, err := io.ReadAll(io.LimitReader(br, int64(MaxItems)*MaxItemBytes))
	if err != nil {
		return err
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // '['
		return fn(brokenItem(0, 1, data, err))
	}
	for i := 0; dec.More(); i++ {
		if i >= MaxItems {
			return truce.Errorf(truce.ETOOLARGE, "more than %d items in one batch; split the input", MaxItems)
		}
		start := skipSpace(data, int(dec.InputOffset()))
		line := 1 + bytes.Count(data[:start], []byte("\n"))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fn(brokenItem(i, line, data[start:], err))
		}
		if err := fn(decodeOne(i, line, raw)); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // ']'
		end := int(dec.InputOffset())
		return fn(brokenItem(-1, 1+bytes.Count(data[:end], []byte("\n")), data[end:], err))
	}
	return nil
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t' || data[i] == ',') {
		i++
	}
	return i
}

func brokenItem(index, line int, rest []byte, err error) Item {
	raw := rest
	if len(raw) > MaxItemBytes {
		raw = raw[:MaxItemBytes]
	}
	msg := "not valid JSON: " + err.Error()
	if index < 0 {
		msg = "the JSON array is not closed properly: " + err.Error()
		index = 0
	}
	return Item{Index: index, Line: line, Raw: append([]byte(nil), raw...),
		Errors: []truce.FieldError{{Message: msg + "; the rest of the input was not read"}}}
}

// decodeOne decodes one JSON item.
func decodeOne(index, line int, raw []byte) Item {
	it := Item{Index: index, Line: line, Raw: append([]byte(nil), raw...)}
	if len(raw) > MaxItemBytes {
		it.Errors = []truce.FieldError{{Message: fmt.Sprintf("item too large (%d bytes, at most %d)", len(raw), MaxItemBytes)}}
		return it
	}
	r, errs := truce.DecodeReport(raw)
	if len(errs) > 0 {
		it.Errors = errs
		if errs[0].Field != "" || len(errs) > 1 {
			it.partial = &r
		}
		return it
	}
	it.Report = &r
	return it
}

// decodeNDJSON reads one JSON object a line. Blank lines are skipped; an
// over-long line is rejected and skipped, not fatal.
func decodeNDJSON(br *bufio.Reader, fn func(Item) error) error {
	index := 0
	for line := 1; ; line++ {
		raw, tooLong, err := readLine(br)
		if len(bytes.TrimSpace(raw)) > 0 || tooLong {
			if index >= MaxItems {
				return truce.Errorf(truce.ETOOLARGE, "more than %d items in one batch; split the input", MaxItems)
			}
			it := decodeOne(index, line, bytes.TrimSpace(raw))
			if tooLong {
				it.reject([]truce.FieldError{{Message: fmt.Sprintf("line longer than %d bytes", MaxItemBytes)}})
			}
			if line == 1 {
				it.Raw = bytes.TrimPrefix(it.Raw, []byte("\xEF\xBB\xBF"))
			}
			if ferr := fn(it); ferr != nil {
				return ferr
			}
			index++
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readLine returns the next line without its newline. A line longer than
// MaxItemBytes is cut there (tooLong) and the rest of it is discarded. At
// the end of the input it returns io.EOF (with any unterminated last line).
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		if err != nil {
			return buf, tooLong, err
		}
		if len(buf)+len(chunk) <= MaxItemBytes {
			buf = append(buf, chunk...)
		} else {
			tooLong = true
		}
		if !isPrefix {
			return buf, tooLong, nil
		}
	}
}
