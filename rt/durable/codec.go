package durable

import (
	"encoding"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"unsafe"
)

// The snapshot format (version 2; version 1 encoded maps by value).
//
// A snapshot's Data is a header and the root frame:
//
//	"agd" 0x01        magic and format version
//	uvarint seq       this checkpoint's number in the run, from 1
//	uvarint steps     steps started in the run (the next step's index)
//	frame             the root frame, its awaited child inline, and so on
//
// A frame is its registered name (string), its fingerprint at the current
// resume point (uvarint), and its fields in declaration order, each in the
// encoding of its type:
//
//	signed integers   zig-zag varint          unsigned   uvarint
//	bool              one byte 0 or 1          float      8 bytes, IEEE 754 bits, little endian
//	complex           two floats               string     uvarint length, bytes
//	slice             uvarint 0 for nil, else length+1, then the elements
//	map               like a pointer (0 nil, n+2 the object numbered n), or
//	                  1, the length, keys and values alternating (iteration
//	                  order): a map held twice decodes to one map
//	array, struct     the elements, the fields, in order (no tags)
//	pointer           uvarint 0 nil; 1 a new object, its value follows and it
//	                  takes the next object number; n+2 the object numbered n
//	                  earlier in the same snapshot (aliasing is kept)
//	error             uvarint 0 nil, else 1 and the message
//	Codec             whatever its DurableEncode writes
//	BinaryMarshaler   uvarint length, the bytes of MarshalBinary
//	awaitable         a tag (see awaitTag) and what the tag needs
//
// Why this and not gob, CBOR or protobuf: the generator knows every type
// statically, so no self-description is needed (the fingerprint, checked
// before any field is read, stands for the schema); the encoding is the
// smallest that varints give; it needs no dependency and no reflection;
// and it is stable because it is specified here, not by a library's
// version. Field order is fixed by the fingerprint, which covers every
// field's name and type (deeply), so a changed shape is refused, never
// misread.

const formatVersion = 2

var magic = []byte{'a', 'g', 'd', formatVersion}

// Codec is implemented by a type that encodes itself in snapshots: a
// durable frame may hold values of such a type (or pointers to them) even
// when its fields would not be encodable. DurableDecode is called on a
// pointer to the zero value and must read exactly what DurableEncode
// wrote. The fingerprint covers only the type's name: change the encoding
// compatibly (or rename the type) when it must change.
type Codec interface {
	DurableEncode(e *Encoder)
}

// Decodable is the decoding half of Codec, implemented by *T.
type Decodable interface {
	DurableDecode(d *Decoder)
}

// Encoder writes one snapshot. Generated codecs call its methods; the
// first failure is kept (Err) and later writes are ignored.
type Encoder struct {
	buf  []byte
	ptrs map[any]uint64
	err  error
	fps  []string // each frame's name@fingerprint, outermost first
	leaf any      // the op that took the snapshot, once encoded
	run  *run
}

// Fail records err as the encoding's failure, unless one is recorded.
func (e *Encoder) Fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Err returns the first failure.
func (e *Encoder) Err() error { return e.err }

func (e *Encoder) Uvarint(u uint64) { e.buf = binary.AppendUvarint(e.buf, u) }
func (e *Encoder) Varint(i int64)   { e.buf = binary.AppendVarint(e.buf, i) }
func (e *Encoder) Bool(b bool) {
	if b {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}
func (e *Encoder) Float(f float64) {
	e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(f))
}
func (e *Encoder) String(s string) {
	e.Uvarint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

// Len writes a slice's or map's length, or that it is nil.
func (e *Encoder) Len(n int, isNil bool) {
	if isNil {
		e.Uvarint(0)
		return
	}
	e.Uvarint(uint64(n) + 1)
}

// Ref writes pointer p's reference. It returns true when the pointed-to
// value must follow (p is new in this snapshot), false when p is nil or
// was written before. p must be a non-interface pointer value (boxed in
// an any); pointers of different types are different objects.
func (e *Encoder) Ref(p any, isNil bool) bool {
	if isNil {
		e.Uvarint(0)
		return false
	}
	if e.ptrs == nil {
		e.ptrs = map[any]uint64{}
	}
	if n, ok := e.ptrs[p]; ok {
		e.Uvarint(n + 2)
		return false
	}
	e.ptrs[p] = uint64(len(e.ptrs))
	e.Uvarint(1)
	return true
}

// mapID is a map's identity among the objects of a snapshot.
type mapID struct{ p unsafe.Pointer }

// MapRef writes map m's reference, like Ref: true when its n entries must
// follow. m is the map (boxed in an any); its identity is the only thing
// taken from it by reflection.
func (e *Encoder) MapRef(m any, n int, isNil bool) bool {
	if isNil {
		e.Uvarint(0)
		return false
	}
	if !e.Ref(mapID{reflect.ValueOf(m).UnsafePointer()}, false) {
		return false
	}
	e.Uvarint(uint64(n))
	return true
}

// Error writes an error value: nil, or its message. Decoding gives an
// error with the same message (*RestoredError), not the same value.
func (e *Encoder) Error(err error) {
	if err == nil {
		e.Uvarint(0)
		return
	}
	e.Uvarint(1)
	e.String(err.Error())
}

// Binary writes a value through its MarshalBinary (time.Time, big.Int...).
func (e *Encoder) Binary(m encoding.BinaryMarshaler) {
	b, err := m.MarshalBinary()
	if err != nil {
		e.Fail(fmt.Errorf("durable: encoding %T: %w", m, err))
	}
	e.String(string(b))
}

// RestoredError is an error value decoded from a snapshot: its message is
// the original error's, its identity and type are lost (errors.Is against
// a sentinel does not hold after a resume).
type RestoredError struct{ Msg string }

func (r *RestoredError) Error() string { return r.Msg }

// ErrCorrupt is returned for snapshot data that does not decode.
var ErrCorrupt = errors.New("durable: corrupt snapshot")

// Decoder reads one snapshot. Generated codecs call its methods; after a
// failure (Err) reads return zero values.
type Decoder struct {
	data   []byte
	off    int
	ptrs   []any
	err    error
	frames []Frame // decoded frames, outermost first
	wake   int64   // unix nanoseconds of a durable sleep's end, or 0
	fps    []string
}

// Fail records err as the decoding's failure, unless one is recorded.
func (d *Decoder) Fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// Err returns the first failure.
func (d *Decoder) Err() error { return d.err }

func (d *Decoder) corrupt(what string) {
	d.Fail(fmt.Errorf("%w: %s at byte %d", ErrCorrupt, what, d.off))
	d.off = len(d.data)
}

func (d *Decoder) Uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	u, n := binary.Uvarint(d.data[d.off:])
	if n <= 0 {
		d.corrupt("bad uvarint")
		return 0
	}
	d.off += n
	return u
}

func (d *Decoder) Varint() int64 {
	if d.err != nil {
		return 0
	}
	i, n := binary.Varint(d.data[d.off:])
	if n <= 0 {
		d.corrupt("bad varint")
		return 0
	}
	d.off += n
	return i
}

func (d *Decoder) Bool() bool {
	if d.err != nil {
		return false
	}
	if d.off >= len(d.data) || d.data[d.off] > 1 {
		d.corrupt("bad bool")
		return false
	}
	d.off++
	return d.data[d.off-1] == 1
}

func (d *Decoder) Float() float64 {
	if d.err != nil {
		return 0
	}
	if len(d.data)-d.off < 8 {
		d.corrupt("short float")
		return 0
	}
	d.off += 8
	return math.Float64frombits(binary.LittleEndian.Uint64(d.data[d.off-8:]))
}

func (d *Decoder) String() string {
	n := d.Uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.data)-d.off) {
		d.corrupt("string longer than the snapshot")
		return ""
	}
	s := string(d.data[d.off : d.off+int(n)])
	d.off += int(n)
	return s
}

// Len reads a slice's or map's length; isNil reports a nil one.
func (d *Decoder) Len() (n int, isNil bool) {
	u := d.Uvarint()
	if d.err != nil || u == 0 {
		return 0, true
	}
	u--
	// Every element takes at least one byte, except zero-size ones: a
	// length beyond the data left is corrupt, not an allocation to make.
	if u > uint64(len(d.data)-d.off) && u > 1<<16 {
		d.corrupt("length longer than the snapshot")
		return 0, true
	}
	return int(u), false
}

// Error reads an error written by Encoder.Error.
func (d *Decoder) Error() error {
	switch d.Uvarint() {
	case 0:
		return nil
	case 1:
		return &RestoredError{Msg: d.String()}
	}
	d.corrupt("bad error tag")
	return nil
}

// Binary reads a value written by Encoder.Binary into u.
func (d *Decoder) Binary(u encoding.BinaryUnmarshaler) {
	b := d.String()
	if d.err != nil {
		return
	}
	if err := u.UnmarshalBinary([]byte(b)); err != nil {
		d.Fail(fmt.Errorf("durable: decoding %T: %w", u, err))
	}
}

// DecodeMapRef reads a map reference written by Encoder.MapRef: a nil
// map, one decoded before, or a new one made by mk (fresh), whose n
// entries follow.
func DecodeMapRef[M any](d *Decoder, mk func(n int) M) (m M, fresh bool, n int) {
	u := d.Uvarint()
	switch {
	case d.err != nil || u == 0:
		return m, false, 0
	case u == 1:
		l := d.Uvarint()
		if l > uint64(len(d.data)-d.off) {
			d.corrupt("map longer than the snapshot")
			return m, false, 0
		}
		m = mk(int(l))
		d.ptrs = append(d.ptrs, m)
		return m, true, int(l)
	}
	if u-2 >= uint64(len(d.ptrs)) {
		d.corrupt("reference to an object not yet decoded")
		return m, false, 0
	}
	m, ok := d.ptrs[u-2].(M)
	if !ok {
		d.corrupt(fmt.Sprintf("reference of type %T to an object of type %T", m, d.ptrs[u-2]))
	}
	return m, false, 0
}

// DecodeRef reads a pointer written by Encoder.Ref. fresh reports that the
// pointed-to value follows and must be decoded into p.
func DecodeRef[T any](d *Decoder) (p *T, fresh bool) {
	u := d.Uvarint()
	switch {
	case d.err != nil || u == 0:
		return nil, false
	case u == 1:
		p = new(T)
		d.ptrs = append(d.ptrs, p)
		return p, true
	}
	if u-2 >= uint64(len(d.ptrs)) {
		d.corrupt("reference to an object not yet decoded")
		return nil, false
	}
	p, ok := d.ptrs[u-2].(*T)
	if !ok {
		d.corrupt(fmt.Sprintf("reference of type %T to an object of type %T", p, d.ptrs[u-2]))
	}
	return p, false
}

// Cell returns the value in a variable's cell (the zero value for none):
// generated code encodes a boxed variable by value, and its decoder gives
// it a new cell.
func Cell[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
