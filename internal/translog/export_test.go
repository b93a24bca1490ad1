package translog

import "github.com/truce-monitor/truce"

// AppendEntries exposes appendEntries to the benchmarks, which build big
// logs from ready entries.
func AppendEntries(tx truce.LogTx, entries []truce.LogEntry) ([]int64, error) {
	idx, _, err := appendEntries(tx, entries)
	return idx, err
}
