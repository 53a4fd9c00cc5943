package aredis

import (
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// replies are valid replies and what they parse to, one row per RESP type.
var replies = []struct {
	wire string
	want Value
}{
	{"+OK\r\n", Value{Kind: Simple, Str: "OK"}},
	{"+\r\n", Value{Kind: Simple}},
	{"-ERR unknown command\r\n", Value{Kind: Error, Str: "ERR unknown command"}},
	{":0\r\n", IntValue(0)},
	{":-9223372036854775808\r\n", IntValue(math.MinInt64)},
	{":9223372036854775807\r\n", IntValue(math.MaxInt64)},
	{"$5\r\nhello\r\n", Value{Kind: Bulk, Str: "hello"}},
	{"$0\r\n\r\n", Value{Kind: Bulk}},
	{"$4\r\na\r\nb\r\n", Value{Kind: Bulk, Str: "a\r\nb"}},
	{"$-1\r\n", Value{Kind: Null}},
	{"*-1\r\n", Value{Kind: Null}},
	{"*0\r\n", Value{Kind: Array}},
	{"*2\r\n:1\r\n$1\r\nx\r\n", Value{Kind: Array, Elems: []Value{IntValue(1), {Kind: Bulk, Str: "x"}}}},
	{"*1\r\n*1\r\n$-1\r\n", Value{Kind: Array, Elems: []Value{{Kind: Array, Elems: []Value{{Kind: Null}}}}}},
	{"_\r\n", Value{Kind: Null}},
	{"#t\r\n", BoolValue(true)},
	{"#f\r\n", BoolValue(false)},
	{",3.25\r\n", Value{Kind: Double, Str: "3.25"}},
	{",-1e10\r\n", Value{Kind: Double, Str: "-1e10"}},
	{",inf\r\n", DoubleValue(math.Inf(1))},
	{",-inf\r\n", DoubleValue(math.Inf(-1))},
	{"(3492890328409238509324850943850943825024385\r\n", Value{Kind: BigInt, Str: "3492890328409238509324850943850943825024385"}},
	{"!21\r\nSYNTAX invalid syntax\r\n", Value{Kind: Error, Str: "SYNTAX invalid syntax"}},
	{"=15\r\ntxt:Some string\r\n", VerbatimValue("txt", "Some string")},
	{"%2\r\n+a\r\n:1\r\n+b\r\n#f\r\n", Value{Kind: Map, Elems: []Value{{Kind: Simple, Str: "a"}, IntValue(1), {Kind: Simple, Str: "b"}, BoolValue(false)}}},
	{"~2\r\n+a\r\n+b\r\n", Value{Kind: Set, Elems: []Value{{Kind: Simple, Str: "a"}, {Kind: Simple, Str: "b"}}}},
	{">2\r\n+message\r\n+hi\r\n", Value{Kind: Push, Elems: []Value{{Kind: Simple, Str: "message"}, {Kind: Simple, Str: "hi"}}}},
	{"|1\r\n+ttl\r\n:3600\r\n$3\r\nval\r\n", Value{Kind: Bulk, Str: "val"}}, // the attribute is skipped
}

func TestParseEveryType(t *testing.T) {
	for _, r := range replies {
		n, err := scanReply([]byte(r.wire + "+next\r\n"))
		require.NoError(t, err, "%q", r.wire)
		assert.Equal(t, len(r.wire), n, "%q: length", r.wire)
		v, m, err := parseReply([]byte(r.wire))
		require.NoError(t, err, "%q", r.wire)
		assert.Equal(t, len(r.wire), m)
		assert.Equal(t, r.want, v, "%q", r.wire)
		// Every proper prefix is incomplete, never invalid.
		for i := range len(r.wire) {
			_, err := scanReply([]byte(r.wire[:i]))
			assert.Equal(t, errIncomplete, err, "%q[:%d]", r.wire, i)
		}
	}
}

// invalid are malformed replies and the byte where each goes wrong.
var invalid = []struct {
	wire   string
	offset int
}{
	{"?\r\n", 0},
	{"+OK\n", 3},
	{"+O\rK\r\n", 3},
	{":12a\r\n", 1},
	{":\r\n", 1},
	{":99999999999999999999\r\n", 1},
	{"$-2\r\n", 1},
	{"$3\r\nabcd\r\n", 7},
	{"$x\r\n", 1},
	{"*-5\r\n", 1},
	{"%-1\r\n", 1},
	{"*3\r\n:1\r\n?\r\n", 8},         // found before the third element arrives
	{"*1000000\r\n:1\r\n:x\r\n", 15}, // a huge count: the bad element is still found
	{"#x\r\n", 1},
	{"_x\r\n", 1},
	{",1.2.3\r\n", 1},
	{",abc\r\n", 1},
	{"(12x\r\n", 1},
	{"=2\r\nab\r\n", 4},
	{"$?\r\n", 1},
	{"*?\r\n", 1},
	{strings.Repeat("*1\r\n", maxDepth+2) + ":1\r\n", 4 * (maxDepth + 1)},
}

// TestAccessors: Int, Float, Bool, Format and Text read the text a
// reply keeps in Str; the constructors make what the parser makes.
func TestAccessors(t *testing.T) {
	parse := func(wire string) Value {
		v, _, err := parseReply([]byte(wire))
		require.NoError(t, err, wire)
		return v
	}
	assert.Equal(t, int64(math.MinInt64), parse(":-9223372036854775808\r\n").Int())
	assert.Equal(t, int64(42), parse(":42\r\n").Int())
	assert.Equal(t, int64(0), parse("+42\r\n").Int(), "not an integer reply")
	n, err := parse("+42\r\n").Int64()
	assert.Equal(t, int64(42), n)
	assert.NoError(t, err)
	assert.Equal(t, -1e10, parse(",-1e10\r\n").Float())
	assert.Equal(t, 3.25, DoubleValue(3.25).Float())
	assert.True(t, math.IsInf(parse(",-inf\r\n").Float(), -1))
	assert.True(t, math.IsNaN(parse(",nan\r\n").Float()))
	assert.True(t, parse("#t\r\n").Bool())
	assert.False(t, parse("#f\r\n").Bool())
	assert.Equal(t, BoolValue(true), parse("#t\r\n"))
	v := parse("=15\r\nmkd:Some string\r\n")
	assert.Equal(t, "mkd", v.Format())
	text, err := v.Text()
	assert.Equal(t, "Some string", text)
	assert.NoError(t, err)
	assert.Equal(t, VerbatimValue("mkd", "Some string"), v)
	assert.Equal(t, IntValue(-7), parse(":-7\r\n"))
	text, err = parse(":-7\r\n").Text()
	assert.Equal(t, "-7", text)
	assert.NoError(t, err)
}

func TestParseInvalid(t *testing.T) {
	for _, r := range invalid {
		_, err := scanReply([]byte(r.wire))
		var pe *ProtocolError
		require.True(t, errors.As(err, &pe), "%q: %v, want a ProtocolError", r.wire, err)
		assert.Equal(t, r.offset, pe.Offset, "%q: %v", r.wire, err)
		assert.Contains(t, pe.Error(), "invalid reply at byte "+strconv.Itoa(r.offset))
	}
}

func TestAppendCommand(t *testing.T) {
	b, err := appendCommand(nil, []any{"SET", "k", []byte("v\r\n"), 42, int64(-1), uint(7), 1.5, true})
	require.NoError(t, err)
	assert.Equal(t, "*8\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\nv\r\n\r\n$2\r\n42\r\n$2\r\n-1\r\n$1\r\n7\r\n$3\r\n1.5\r\n$1\r\n1\r\n", string(b))
	_, err = appendCommand(nil, []any{"SET", struct{}{}})
	assert.ErrorContains(t, err, "argument 1: cannot send a struct {}")
	_, err = appendCommand(nil, nil)
	assert.ErrorContains(t, err, "empty command")
}

func TestRedisError(t *testing.T) {
	var err error = Value{Kind: Error, Str: "WRONGTYPE Operation against a key"}.Err()
	var re *RedisError
	require.True(t, errors.As(err, &re))
	assert.Equal(t, "WRONGTYPE", re.Code())
	assert.Equal(t, "redis: WRONGTYPE Operation against a key", err.Error())
	assert.NoError(t, Value{Kind: Simple}.Err())
}

// encode writes v back as RESP3, for the fuzz test's round trip.
func encode(b []byte, v Value) []byte {
	line := func(t byte, s string) []byte { return append(append(append(b, t), s...), '\r', '\n') }
	bulk := func(t byte, s string) []byte {
		b = line(t, strconv.Itoa(len(s)))
		return append(append(b, s...), '\r', '\n')
	}
	agg := func(t byte, n int, elems []Value) []byte {
		b = line(t, strconv.Itoa(n))
		for _, e := range elems {
			b = encode(b, e)
		}
		return b
	}
	switch v.Kind {
	case Null:
		return line('_', "")
	case Simple:
		return line('+', v.Str)
	case Error:
		return bulk('!', v.Str)
	case Int:
		return line(':', v.Str)
	case Bulk:
		return bulk('$', v.Str)
	case Double:
		switch {
		case math.IsInf(v.Float(), 1):
			return line(',', "inf")
		case math.IsInf(v.Float(), -1):
			return line(',', "-inf")
		case math.IsNaN(v.Float()):
			return line(',', "nan")
		}
		return line(',', strconv.FormatFloat(v.Float(), 'g', -1, 64))
	case Bool:
		if v.Bool() {
			return line('#', "t")
		}
		return line('#', "f")
	case BigInt:
		return line('(', v.Str)
	case Verbatim:
		text, _ := v.Text()
		return bulk('=', v.Format()+":"+text)
	case Array:
		return agg('*', len(v.Elems), v.Elems)
	case Set:
		return agg('~', len(v.Elems), v.Elems)
	case Push:
		return agg('>', len(v.Elems), v.Elems)
	case Map:
		return agg('%', len(v.Elems)/2, v.Elems)
	}
	panic(v.Kind)
}

// FuzzReply feeds arbitrary bytes to the parser: it never panics, never
// calls a valid reply's prefix invalid, positions its errors inside the
// input, and what it parses survives a round trip through RESP3.
func FuzzReply(f *testing.F) {
	for _, r := range replies {
		f.Add([]byte(r.wire))
	}
	for _, r := range invalid {
		f.Add([]byte(r.wire))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := scanReply(data)
		switch {
		case err == errIncomplete:
			return
		case err != nil:
			var pe *ProtocolError
			if !errors.As(err, &pe) {
				t.Fatalf("%q: error %v is not a ProtocolError", data, err)
			}
			if pe.Offset < 0 || pe.Offset >= len(data) {
				t.Fatalf("%q: offset %d outside the input", data, pe.Offset)
			}
			// More bytes never make an invalid prefix valid.
			if _, err2 := scanReply(append(data[:len(data):len(data)], "\r\n+\r\n"...)); err2 == nil || err2 == errIncomplete {
				t.Fatalf("%q invalid (%v), but with more bytes %v", data, err, err2)
			}
			return
		}
		if n <= 0 || n > len(data) {
			t.Fatalf("%q: length %d", data, n)
		}
		// Scanning in steps, as the bytes arrive, finds the same end.
		var st scanState
		for cut := 1; cut < n; cut += 1 + cut/2 {
			if _, err := st.scan(data[:cut]); err != errIncomplete {
				t.Fatalf("%q: resumed scan of %d bytes: %v, want incomplete", data[:n], cut, err)
			}
		}
		if m, err := st.scan(data); m != n || err != nil {
			t.Fatalf("%q: resumed scan: %d, %v; from the start: %d", data[:n], m, err, n)
		}
		for i := range n {
			if _, err := scanReply(data[:i]); err != errIncomplete {
				t.Fatalf("%q: prefix of %d bytes: %v, want incomplete", data[:n], i, err)
			}
		}
		buf := append([]byte(nil), data[:n]...)
		v, m, err := parseReply(buf)
		if err != nil || m != n {
			t.Fatalf("%q: scan said %d bytes, parse %d, %v", data[:n], n, m, err)
		}
		again, _, err := parseReply(encode(nil, v))
		if err != nil {
			t.Fatalf("%q: re-encoded reply does not parse: %v", data[:n], err)
		}
		if !sameValue(v, again) {
			t.Fatalf("%q: round trip\n%#v\n%#v", data[:n], v, again)
		}
	})
}

// sameValue is reflect.DeepEqual, but doubles are compared by value (a
// double's text is kept as sent; NaN is equal to itself).
func sameValue(a, b Value) bool {
	if a.Kind == Double {
		if math.IsNaN(a.Float()) {
			return b.Kind == Double && math.IsNaN(b.Float())
		}
		return b.Kind == Double && a.Float() == b.Float()
	}
	if len(a.Elems) != len(b.Elems) {
		return false
	}
	for i := range a.Elems {
		if !sameValue(a.Elems[i], b.Elems[i]) {
			return false
		}
	}
	a.Elems, b.Elems = nil, nil
	return reflect.DeepEqual(a, b)
}
