package translog

import (
	"testing"

	"golang.org/x/mod/sumdb/tlog"
)

func TestTilePaths(t *testing.T) {
	tests := []struct {
		path string
		want tlog.Tile
		ok   bool
	}{
		{"0/000", tlog.Tile{H: 8, L: 0, N: 0, W: 256}, true},
		{"0/001.p/44", tlog.Tile{H: 8, L: 0, N: 1, W: 44}, true},
		{"3/x001/x234/067", tlog.Tile{H: 8, L: 3, N: 1234067, W: 256}, true}, // C2SP's example
		{"3/x001/x234/067.p/255", tlog.Tile{H: 8, L: 3, N: 1234067, W: 255}, true},
		{"entries/x001/000", tlog.Tile{H: 8, L: -1, N: 1000, W: 256}, true},
		{"entries/999.p/1", tlog.Tile{H: 8, L: -1, N: 999, W: 1}, true},
		{"63/000", tlog.Tile{H: 8, L: 63, N: 0, W: 256}, true},
		{"64/000", tlog.Tile{}, false},
		{"00/000", tlog.Tile{}, false},
		{"-1/000", tlog.Tile{}, false},
		{"data/000", tlog.Tile{}, false},
		{"0/1000", tlog.Tile{}, false},
		{"0/x000/001", tlog.Tile{}, false},
		{"0/001/002", tlog.Tile{}, false},
		{"0/000.p/256", tlog.Tile{}, false},
		{"0/000.p/0", tlog.Tile{}, false},
		{"0/000.p/01", tlog.Tile{}, false},
		{"0/000.p", tlog.Tile{}, false},
		{"0", tlog.Tile{}, false},
		{"", tlog.Tile{}, false},
	}
	for _, tt := range tests {
		got, err := parseTilePath(tt.path)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseTilePath(%q) = %+v, %v; want %+v, ok %v", tt.path, got, err, tt.want, tt.ok)
			continue
		}
		if tt.ok && tilePath(got) != tt.path {
			t.Errorf("tilePath(%+v) = %q, want %q", got, tilePath(got), tt.path)
		}
	}
}

func TestTileFits(t *testing.T) {
	tests := []struct {
		tile tlog.Tile
		size int64
		want bool
	}{
		{tlog.Tile{H: 8, L: 0, N: 0, W: 1}, 0, false},
		{tlog.Tile{H: 8, L: 0, N: 0, W: 1}, 1, true},
		{tlog.Tile{H: 8, L: 0, N: 0, W: 256}, 255, false},
		{tlog.Tile{H: 8, L: 0, N: 0, W: 256}, 256, true},
		{tlog.Tile{H: 8, L: -1, N: 272, W: 256}, 70000, true},
		{tlog.Tile{H: 8, L: -1, N: 273, W: 112}, 70000, true},
		{tlog.Tile{H: 8, L: -1, N: 273, W: 113}, 70000, false},
		{tlog.Tile{H: 8, L: 1, N: 0, W: 256}, 70000, true},
		{tlog.Tile{H: 8, L: 1, N: 1, W: 17}, 70000, true},
		{tlog.Tile{H: 8, L: 1, N: 1, W: 18}, 70000, false},
		{tlog.Tile{H: 8, L: 2, N: 0, W: 1}, 70000, true},
		{tlog.Tile{H: 8, L: 2, N: 0, W: 2}, 70000, false},
		{tlog.Tile{H: 8, L: 3, N: 0, W: 1}, 70000, false},
		{tlog.Tile{H: 8, L: 63, N: 0, W: 1}, 1 << 62, false},
		{tlog.Tile{H: 8, L: 0, N: 1 << 60, W: 1}, 1 << 62, false},
	}
	for _, tt := range tests {
		if got := tileFits(tt.tile, tt.size); got != tt.want {
			t.Errorf("tileFits(%+v, %d) = %v, want %v", tt.tile, tt.size, got, tt.want)
		}
	}
}

// FuzzTilePath: whatever a client sends, parsing accepts only canonical
// paths, and never panics.
func FuzzTilePath(f *testing.F) {
	for _, s := range []string{"0/000", "entries/x001/x234/067.p/5", "1/000.p/256", "x/y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		tile, err := parseTilePath(p)
		if err != nil {
			return
		}
		if got := tilePath(tile); got != p {
			t.Errorf("parseTilePath accepted %q, whose canonical form is %q", p, got)
		}
		tileFits(tile, 1<<40)
	})
}
