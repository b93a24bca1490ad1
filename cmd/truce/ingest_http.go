package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/intake"
)

// httpSender files chunks through a server's API.
type httpSender struct {
	base   string
	token  string
	client *http.Client
}

func (s *httpSender) send(ctx context.Context, _ string, f intake.Format, items []intake.Item) (*app.SubmitResult, error) {
	body, ctype := chunkBody(f, items)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(s.base, "/")+"/api/v1/reports", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Authorization", "Bearer "+s.token)
	if s.client == nil {
		s.client = &http.Client{Timeout: 2 * time.Minute}
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("cannot reach the server: %w", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK, http.StatusMultiStatus, http.StatusUnprocessableEntity:
		var res app.SubmitResult
		if err := json.Unmarshal(data, &res); err != nil {
			return nil, fmt.Errorf("the server's answer is not a submission result: %w", err)
		}
		return &res, nil
	}
	var eb struct {
		Error struct{ Message string } `json:"error"`
	}
	if json.Unmarshal(data, &eb) == nil && eb.Error.Message != "" {
		return nil, fmt.Errorf("server: %s (%s)", eb.Error.Message, resp.Status)
	}
	return nil, fmt.Errorf("server answered %s", resp.Status)
}

// chunkBody renders a chunk in its own format: NDJSON for JSON input, CSV
// (one header, then the rows) for CSV input, whose items carry their header.
func chunkBody(f intake.Format, items []intake.Item) ([]byte, string) {
	var b bytes.Buffer
	if f == intake.CSV {
		for i, it := range items {
			header, row, _ := bytes.Cut(it.Raw, []byte("\n"))
			if i == 0 {
				b.Write(header)
				b.WriteByte('\n')
			}
			b.Write(row)
			b.WriteByte('\n')
		}
		return b.Bytes(), "text/csv"
	}
	for _, it := range items {
		b.Write(bytes.ReplaceAll(it.Raw, []byte("\n"), []byte(" ")))
		b.WriteByte('\n')
	}
	return b.Bytes(), "application/x-ndjson"
}
