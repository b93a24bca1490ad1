package extract

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// Article is one text of an evaluation corpus with its hand labels.
type Article struct {
	ID        string
	Split     string // dev or holdout
	Published time.Time
	DateOnly  bool // Published is a calendar day
	Text      string
	Labels    []Label // nil when the article has no labels here (holdout)
	Labelled  bool    // a label file was read (it may list no event)
}

// Label is one hand-labelled incident (news/README.md, label schema).
type Label struct {
	Date         *string  `json:"date"`
	DateInferred *string  `json:"date_inferred"`
	Place        *string  `json:"place"`
	Oblast       *string  `json:"oblast"`
	Country      *string  `json:"country"`
	Weapons      []string `json:"weapons"`
	Attacker     string   `json:"attacker"`
	Killed       *int     `json:"killed"`
	Injured      *int     `json:"injured"`
	TargetType   *string  `json:"target_type"`
	Aggregate    bool     `json:"aggregate"`
	Passing      bool     `json:"passing"`
	Launched     *int     `json:"launched"`
	Intercepted  *int     `json:"intercepted"`
}

// LoadCorpus reads the news evaluation corpus in dir (shared/data/news):
// index.csv, the texts (guardian_nyt_subset.csv rows, gdelt_articles/,
// the seed) and labels-dev/. A CSV row's headline is put before its text
// as its first paragraph, as a news item is read.
func LoadCorpus(dir string) ([]Article, error) {
	idx, err := readCSV(filepath.Join(dir, "index.csv"))
	if err != nil {
		return nil, err
	}
	rows, err := readCSV(filepath.Join(dir, "guardian_nyt_subset.csv"))
	if err != nil {
		return nil, err
	}
	byID := map[string]map[string]string{}
	for _, r := range rows {
		byID[r["id"]] = r
	}
	var out []Article
	for _, r := range idx {
		a := Article{ID: r["id"], Split: r["split"]}
		a.Published, a.DateOnly, err = parsePublished(r["published"])
		if err != nil {
			return nil, fmt.Errorf("index.csv: %s: %w", a.ID, err)
		}
		if a.Text, err = articleText(dir, r, byID); err != nil {
			return nil, err
		}
		if a.Labels, a.Labelled, err = readLabels(filepath.Join(dir, "labels-dev", a.ID+".events.json")); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func articleText(dir string, r map[string]string, byID map[string]map[string]string) (string, error) {
	if r["local_file"] == "guardian_nyt_subset.csv" {
		row, ok := byID[r["id"]]
		if !ok {
			return "", fmt.Errorf("guardian_nyt_subset.csv: no row %q", r["id"])
		}
		head := strings.TrimSpace(row["headlines"])
		if head == "" {
			return row["articles"], nil
		}
		return head + "\n\n" + row["articles"], nil
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r["local_file"])))
	return string(b), err
}

func readLabels(path string) ([]Label, bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var ls []Label
	if err := json.Unmarshal(b, &ls); err != nil {
		return nil, false, fmt.Errorf("%s: %w", path, err)
	}
	return ls, true, nil
}

func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			if i < len(rec) {
				m[strings.TrimPrefix(h, "\ufeff")] = rec[i]
			}
		}
		out = append(out, m)
	}
	return out, nil
}

// ParsePublished reads a publication time: RFC 3339, or a calendar day
// (2006-01-02 or 2006/01/02), which sets dateOnly.
func ParsePublished(s string) (t time.Time, dateOnly bool, err error) {
	return parsePublished(s)
}

func parsePublished(s string) (time.Time, bool, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false, nil
	}
	for _, f := range []string{"2006-01-02", "2006/01/02"} {
		if t, err := time.Parse(f, s); err == nil {
			return t, true, nil
		}
	}
	return time.Time{}, false, truce.Errorf(truce.EINVALID, "%q is not a time (want RFC 3339, e.g. 2025-08-15T09:30:00+03:00, or a day, 2025-08-15)", s)
}
