package web

// SetMaxMapPoints lowers the number of points a map draws one by one, for
// a test of the grid; the returned func restores it.
func SetMaxMapPoints(n int) func() {
	old := maxMapPoints
	maxMapPoints = n
	return func() { maxMapPoints = old }
}
