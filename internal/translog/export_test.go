package translog

import (
	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// AppendEntries exposes appendEntries to the benchmarks, which build big
// logs from ready entries.
func AppendEntries(tx truce.LogTx, entries []truce.LogEntry) ([]int64, error) {
	leaves := make([]tlog.Hash, len(entries))
	for i, e := range entries {
		leaves[i] = tlog.RecordHash(e.Data)
	}
	return appendEntries(tx, entries, leaves)
}
