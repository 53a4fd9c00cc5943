package flow

import (
	"fmt"
	"sort"
	"time"

	"github.com/asyncgen/asyncgen/rt/durable"
)

// Label is a named string.
type Label string

// Point3 is embedded in Inner.
type Point3 struct{ X, Y, Z int16 }

// Inner embeds a struct and points at a string.
type Inner struct {
	Point3
	Note *string
}

// Money encodes itself (durable.Codec), in a form unlike its memory.
type Money struct{ cents int64 }

// NewMoney returns c cents.
func NewMoney(c int64) Money { return Money{cents: c} }

// DurableEncode implements durable.Codec.
func (m Money) DurableEncode(e *durable.Encoder) { e.Varint(m.cents*10 + 7) }

// DurableDecode implements durable.Codec.
func (m *Money) DurableDecode(d *durable.Decoder) { m.cents = (d.Varint() - 7) / 10 }

// Kinds has a field of every kind a durable frame may hold.
type Kinds struct {
	I8      int8
	U64     uint64
	F32     float32
	C       complex128
	B       [3]bool
	L       Label
	R       rune
	U       uintptr
	By      []byte
	Nested  map[string][]int
	ByID    map[int]*Item
	Nil     []int
	Empty   []int
	NilMap  map[string]int
	PP      **int
	In      Inner
	M       Money
	T       time.Time
	Err     error
	Labels  []Label
	Matrix  [2][2]float64
	Ptrs    []*Point3
	Shared1 map[string]int
	Shared2 map[string]int
	private string
}

// SetPrivate sets the unexported field (kept by the codec: the package's own).
func (k *Kinds) SetPrivate(s string) { k.private = s }

// Dump prints k deterministically, pointers followed.
func (k Kinds) Dump() string {
	ids := make([]int, 0, len(k.ByID))
	for id := range k.ByID {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	var items []string
	for _, id := range ids {
		it := k.ByID[id]
		items = append(items, fmt.Sprintf("%d:%s/%d/%v/%v/next=%v", id, it.Name, it.Size, it.Tags, it.Attrs, it.Next != nil && it.Next.Name == it.Name))
	}
	alias := len(ids) >= 2 && k.ByID[ids[0]] == k.ByID[ids[1]]
	pp := "nil"
	if k.PP != nil && *k.PP != nil {
		pp = fmt.Sprint(**k.PP)
	}
	note := "nil"
	if k.In.Note != nil {
		note = *k.In.Note
	}
	err := "nil"
	if k.Err != nil {
		err = k.Err.Error()
	}
	var ptrs []string
	for _, p := range k.Ptrs {
		ptrs = append(ptrs, fmt.Sprint(*p))
	}
	ptrAlias := len(k.Ptrs) >= 2 && k.Ptrs[0] == k.Ptrs[1]
	mapAlias := false
	if k.Shared1 != nil && k.Shared2 != nil {
		k.Shared1["probe"] = 1
		mapAlias = k.Shared2["probe"] == 1
		delete(k.Shared1, "probe")
	}
	_, off := k.T.Zone()
	return fmt.Sprintf("%d %d %v %v %v %q %q %d %x %v %v alias=%v %v/%v %v/%v %s %v %s %d %d %d %s %v %v %v alias=%v %v maps=%v %q",
		k.I8, k.U64, k.F32, k.C, k.B, k.L, k.R, k.U, k.By, k.Nested, items, alias,
		k.Nil == nil, len(k.Nil), k.Empty == nil, len(k.Empty), fmt.Sprint(k.NilMap == nil), pp,
		fmt.Sprint(k.In.Point3, note), k.M.cents, k.T.UnixNano(), off, err, k.Labels, k.Matrix, ptrs, ptrAlias, k.Shared1, mapAlias, k.private)
}

// Echo dumps k before and after a checkpoint: resumed from it, the two
// dumps show what the snapshot restored.
//
// async durable
func Echo(k Kinds) (string, error) {
	before := k.Dump()
	if err := durable.Checkpoint("hold"); err != nil {
		return "", err
	}
	return before + "\n" + k.Dump(), nil
}
