package intake

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce"
)

// numericFields are the report fields whose CSV cells are numbers; a cell
// that does not parse is passed on as a string so the validator names it.
var numericFields = map[string]bool{
	"credibility": true, "location.lat": true, "location.lon": true,
	"location.uncertainty_m": true, "casualties.killed": true,
	"casualties.injured": true, "counts.launched": true,
	"counts.intercepted": true, "counts.hit": true,
}

// boolFields are the report fields whose CSV cells are booleans.
var boolFields = map[string]bool{"aggregate": true, "casualties.civilian": true}

// indexedRE matches a list column such as weapons[0].class.
var indexedRE = regexp.MustCompile(`^([a-z_]+)\[(\d{1,2})\]\.([a-z_]+)$`)

// decodeCSV reads a CSV file whose header row names report fields with
// dots (location.place). List fields take indexed columns (weapons[0].class,
// weapons[0].model) or, for weapons, one column of classes separated by ';'.
// Empty cells are absent fields. Row numbers count the header as row 1.
func decodeCSV(br *bufio.Reader, fn func(Item) error) error {
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return fn(Item{Line: 1, Errors: []truce.FieldError{{Message: "CSV header row: " + err.Error()}}})
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	headerLine := csvLine(header)
	for index := 0; ; index++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if index >= MaxItems {
			return truce.Errorf(truce.ETOOLARGE, "more than %d rows in one batch; split the input", MaxItems)
		}
		// Raw holds the header and the row, so a kept item reads on its own.
		it := Item{Index: index, Raw: append(append(append([]byte(nil), headerLine...), '\n'), csvLine(rec)...)}
		if err == nil && len(rec) > 0 {
			it.Line, _ = cr.FieldPos(0)
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				it.Line = pe.StartLine
			}
			it.Errors = []truce.FieldError{{Message: "CSV: " + err.Error()}}
		} else {
			it.Report, it.Errors = rowReport(header, rec)
			if len(it.Errors) > 0 {
				it.partial, it.Report = it.Report, nil
			}
		}
		if err := fn(it); err != nil {
			return err
		}
	}
}

func csvLine(rec []string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(rec)
	w.Flush()
	return bytes.TrimRight(b.Bytes(), "\r\n")
}

// rowReport builds a report from one CSV row.
func rowReport(header, rec []string) (*truce.Report, []truce.FieldError) {
	if len(rec) > len(header) {
		return nil, []truce.FieldError{{Message: fmt.Sprintf("row has %d cells but the header names %d columns", len(rec), len(header))}}
	}
	m := map[string]any{}
	for i, cell := range rec {
		cell = strings.TrimSpace(cell)
		if cell == "" || header[i] == "" {
			continue
		}
		if err := setCell(m, header[i], cell); err != nil {
			return nil, []truce.FieldError{{Field: header[i], Message: err.Error()}}
		}
	}
	r, errs := truce.ReportFromMap(m)
	return &r, errs
}

// setCell puts one cell into the nested map under its dotted column name.
func setCell(m map[string]any, col, cell string) error {
	if col == "weapons" {
		var list []any
		for _, c := range strings.Split(cell, ";") {
			if c = strings.TrimSpace(c); c != "" {
				list = append(list, map[string]any{"class": c})
			}
		}
		m["weapons"] = list
		return nil
	}
	if g := indexedRE.FindStringSubmatch(col); g != nil {
		return setIndexed(m, g[1], g[2], g[3], cell)
	}
	parts := strings.Split(col, ".")
	cur := m
	for _, p := range parts[:len(parts)-1] {
		next, ok := cur[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[p] = next
		}
		cur = next
	}
	cur[parts[len(parts)-1]] = cellValue(col, cell)
	return nil
}

func setIndexed(m map[string]any, list, idx, field, cell string) error {
	i, _ := strconv.Atoi(idx)
	arr, _ := m[list].([]any)
	for len(arr) <= i {
		arr = append(arr, map[string]any{})
	}
	obj, ok := arr[i].(map[string]any)
	if !ok {
		return fmt.Errorf("column %s[%d] mixes with a plain %s column", list, i, list)
	}
	if field == "count" {
		obj[field] = numberOrString(cell)
	} else {
		obj[field] = cell
	}
	m[list] = arr
	return nil
}

func cellValue(col, cell string) any {
	switch {
	case numericFields[col]:
		return numberOrString(cell)
	case boolFields[col]:
		if b, err := strconv.ParseBool(cell); err == nil {
			return b
		}
	}
	return cell
}

func numberOrString(cell string) any {
	if _, err := strconv.ParseFloat(cell, 64); err == nil {
		return json.Number(cell)
	}
	return cell
}
