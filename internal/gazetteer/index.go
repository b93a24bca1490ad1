package gazetteer

// altRef marks a reference made by a name from GeoNames' alternate-name
// list only (a historic or foreign name), which a current name outranks.
const altRef = int32(1) << 30

// nameIndex maps normalized names to entry references (an entry index, with
// altRef set for alternate names). Most names have one reference, stored in
// the map itself; names with several point into many.
type nameIndex struct {
	one  map[string]int32 // a reference, or -(k+1) for many[k]
	many [][]int32
}

// newNameIndex makes an index sized for about n names.
func newNameIndex(n int) nameIndex {
	return nameIndex{one: make(map[string]int32, n)}
}

// add records that name n refers to ref; a name already referring to the
// same entry keeps its current (not alternate) reference.
func (x *nameIndex) add(n string, ref int32) {
	v, ok := x.one[n]
	switch {
	case !ok:
		x.one[n] = ref
	case v >= 0:
		if v&^altRef == ref&^altRef {
			x.one[n] = min(v, ref)
			return
		}
		x.many = append(x.many, []int32{v, ref})
		x.one[n] = -int32(len(x.many))
	default:
		k := -v - 1
		for i, r := range x.many[k] {
			if r&^altRef == ref&^altRef {
				x.many[k][i] = min(r, ref)
				return
			}
		}
		x.many[k] = append(x.many[k], ref)
	}
}

// get appends the references of name n to buf.
func (x *nameIndex) get(n string, buf []int32) []int32 {
	v, ok := x.one[n]
	switch {
	case !ok:
		return buf
	case v >= 0:
		return append(buf, v)
	}
	return append(buf, x.many[-v-1]...)
}

// each calls f for every name and its references.
func (x *nameIndex) each(f func(n string, refs []int32)) {
	var buf [1]int32
	for n, v := range x.one {
		if v >= 0 {
			buf[0] = v
			f(n, buf[:])
		} else {
			f(n, x.many[-v-1])
		}
	}
}
