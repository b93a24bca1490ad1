package fusion

// slabSize is how many values a slab allocates at once.
const slabSize = 1024

// slab allocates values of T in blocks, so that a million members are a
// thousand objects for the garbage collector, not a million. Values are
// never freed one by one: members and incidents live as long as the engine.
type slab[T any] struct {
	block []T
}

// alloc returns a pointer to a new zero T.
func (s *slab[T]) alloc() *T {
	if len(s.block) == cap(s.block) {
		s.block = make([]T, 0, slabSize)
	}
	s.block = s.block[:len(s.block)+1]
	return &s.block[len(s.block)-1]
}
