package aredis

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unsafe"
)

// Kind is the type of a reply.
type Kind uint8

// The kinds of reply. RESP2 has simple strings, errors, integers, bulk
// strings and arrays (its null bulk string and null array are Null);
// RESP3 adds the rest.
const (
	Null     Kind = iota // RESP2 $-1 and *-1, RESP3 _
	Simple               // +OK
	Error                // -ERR ... and RESP3's bulk error !
	Int                  // :42
	Bulk                 // $3 foo
	Array                // *2 ...
	Double               // RESP3 ,3.14 (also inf, -inf, nan)
	Bool                 // RESP3 #t, #f
	BigInt               // RESP3 (12345678901234567890, kept as text in Str
	Verbatim             // RESP3 =, its format in Format and its text in Str
	Map                  // RESP3 %, keys and values alternating in Elems
	Set                  // RESP3 ~
	Push                 // RESP3 >, out of band (see the package doc)
)

var kindNames = [...]string{"null", "simple string", "error", "integer", "bulk string", "array",
	"double", "boolean", "big number", "verbatim string", "map", "set", "push"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Value is one reply, in 48 bytes. Which fields are set depends on Kind:
// Elems for arrays, sets, pushes and maps (a map's keys and values
// alternate: key0, value0, key1, ...); Str for the rest: the text of the
// strings, errors and big numbers, and the reply's own text of the
// others, which Int, Float, Bool and Format read (an integer's digits, a
// double as sent, "t" or "f", a verbatim string's format, a colon and
// its text). Attributes (RESP3 |) are skipped.
//
// The Values of a reply's aggregates share one backing array, and its
// strings share one copy of the reply's bytes: keeping any part of a
// reply keeps all of it.
type Value struct {
	Kind  Kind
	Str   string
	Elems []Value
}

// IntValue returns the Value of an integer reply.
func IntValue(n int64) Value { return Value{Kind: Int, Str: strconv.FormatInt(n, 10)} }

// DoubleValue returns the Value of a RESP3 double.
func DoubleValue(f float64) Value {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	switch {
	case math.IsInf(f, 1):
		s = "inf"
	case math.IsInf(f, -1):
		s = "-inf"
	case math.IsNaN(f):
		s = "nan"
	}
	return Value{Kind: Double, Str: s}
}

// BoolValue returns the Value of a RESP3 boolean.
func BoolValue(b bool) Value {
	if b {
		return Value{Kind: Bool, Str: "t"}
	}
	return Value{Kind: Bool, Str: "f"}
}

// VerbatimValue returns the Value of a RESP3 verbatim string; format is
// its three-byte format ("txt", "mkd").
func VerbatimValue(format, text string) Value {
	return Value{Kind: Verbatim, Str: format + ":" + text}
}

// Int returns an integer reply's value (0 for other kinds; Int64 also
// reads strings that hold integers, and says what went wrong).
func (v Value) Int() int64 {
	if v.Kind != Int {
		return 0
	}
	n, _ := parseInt(unsafe.Slice(unsafe.StringData(v.Str), len(v.Str)))
	return n
}

// Float returns a double reply's value (0 for other kinds).
func (v Value) Float() float64 {
	if v.Kind != Double {
		return 0
	}
	switch v.Str {
	case "inf":
		return math.Inf(1)
	case "-inf":
		return math.Inf(-1)
	case "nan", "-nan":
		return math.NaN()
	}
	f, _ := strconv.ParseFloat(v.Str, 64)
	return f
}

// Bool returns a boolean reply's value (false for other kinds).
func (v Value) Bool() bool { return v.Kind == Bool && v.Str == "t" }

// Format returns a verbatim string's format, such as "txt" ("" for
// other kinds).
func (v Value) Format() string {
	if v.Kind != Verbatim || len(v.Str) < 4 {
		return ""
	}
	return v.Str[:3]
}

// IsNull reports whether v is a null reply (a missing key, a BLPOP that
// timed out).
func (v Value) IsNull() bool { return v.Kind == Null }

// Err returns v as an *Error when it is an error reply, else nil. Error
// replies inside a pipeline's results or an array are Values of kind
// Error; Err turns them into Go errors.
func (v Value) Err() error {
	if v.Kind != Error {
		return nil
	}
	return &RedisError{Msg: v.Str}
}

// Text returns the text of a simple, bulk or verbatim string, a big
// number, or an integer or double in decimal; a null is ErrNil.
func (v Value) Text() (string, error) {
	switch v.Kind {
	case Simple, Bulk, BigInt, Int:
		return v.Str, nil
	case Verbatim:
		if len(v.Str) < 4 {
			return "", nil
		}
		return v.Str[4:], nil
	case Double:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64), nil
	case Null:
		return "", ErrNil
	case Error:
		return "", v.Err()
	}
	return "", fmt.Errorf("aredis: %s reply is not a string", v.Kind)
}

// Int64 returns an integer reply, or a string reply that holds a
// decimal integer (GET of a counter); a null is ErrNil.
func (v Value) Int64() (int64, error) {
	switch v.Kind {
	case Int:
		return v.Int(), nil
	case Simple, Bulk, BigInt:
		n, err := strconv.ParseInt(v.Str, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("aredis: reply %q is not an integer", v.Str)
		}
		return n, nil
	case Bool:
		if v.Bool() {
			return 1, nil
		}
		return 0, nil
	case Null:
		return 0, ErrNil
	case Error:
		return 0, v.Err()
	}
	return 0, fmt.Errorf("aredis: %s reply is not an integer", v.Kind)
}

// Strings returns the elements of an array, set or map reply as text (a
// null element is ""); a null reply is ErrNil.
func (v Value) Strings() ([]string, error) {
	switch v.Kind {
	case Array, Set, Map, Push:
	case Null:
		return nil, ErrNil
	case Error:
		return nil, v.Err()
	default:
		return nil, fmt.Errorf("aredis: %s reply is not an array", v.Kind)
	}
	out := make([]string, len(v.Elems))
	for i, e := range v.Elems {
		if e.Kind == Null {
			continue
		}
		s, err := e.Text()
		if err != nil {
			return nil, fmt.Errorf("aredis: element %d: %w", i, err)
		}
		out[i] = s
	}
	return out, nil
}

// ErrNil is what the typed helpers return for a null reply.
var ErrNil = errors.New("aredis: nil reply")

// RedisError is an error reply of the server, carrying its message
// (such as "WRONGTYPE Operation against a key holding the wrong kind of
// value"). Use errors.As to get it; Code is its first word.
type RedisError struct {
	Msg string
}

func (e *RedisError) Error() string { return "redis: " + e.Msg }

// Code returns the error's prefix, the first word of the message: ERR,
// WRONGTYPE, NOSCRIPT, NOAUTH, ...
func (e *RedisError) Code() string {
	code, _, _ := strings.Cut(e.Msg, " ")
	return code
}

// ProtocolError is a reply that is not valid RESP; Offset is the byte of
// the reply where it goes wrong. The connection it came on is closed.
type ProtocolError struct {
	Offset int
	Msg    string
}

func (e *ProtocolError) Error() string {
	return fmt.Sprintf("aredis: invalid reply at byte %d: %s", e.Offset, e.Msg)
}

// errIncomplete says that the bytes so far are a valid prefix of a reply.
var errIncomplete = errors.New("aredis: incomplete reply")

// maxDepth bounds how deeply aggregates nest (the server's own replies
// nest a few levels; a deep one is an attack on the stack).
const maxDepth = 256

// scanReply returns the length of the reply that starts buf, errIncomplete
// when buf is a valid but incomplete prefix of one, or a *ProtocolError. It
// allocates nothing.
func scanReply(buf []byte) (int, error) {
	var st scanState
	return st.scan(buf)
}

// scanState is where a scan of an incomplete reply stopped, so that the
// next scan, of the same bytes and more, goes on from there instead of
// from the start: a large array that arrives in many reads is scanned
// once, not once per read.
type scanState struct {
	pos   int     // where the next value starts
	stack []int64 // values still to come in each open aggregate, outermost first
}

// reset readies st for a new reply.
func (st *scanState) reset() {
	st.pos = 0
	st.stack = st.stack[:0]
}

// scan goes on scanning the reply that starts buf (which holds the bytes
// of the scans before it, and perhaps more). On errIncomplete st holds
// where to go on; after any other outcome, reset it.
func (st *scanState) scan(buf []byte) (int, error) {
	p := parser{buf: buf, pos: st.pos}
	for {
		at := p.pos
		if len(st.stack) > maxDepth {
			return 0, p.fail(at, "aggregates nested more than %d deep", maxDepth)
		}
		if at >= len(buf) {
			return 0, errIncomplete
		}
		children := int64(0)
		switch t := buf[at]; t {
		case '*', '~', '>', '%', '|':
			p.pos++
			n, err := p.length(t == '*')
			if err != nil {
				return 0, err
			}
			children = max(n, 0)
			if t == '%' || t == '|' {
				if n > math.MaxInt64/4 {
					return 0, p.fail(at+1, "map of %d pairs", n)
				}
				children = 2 * n
			}
			if t == '|' { // an attribute: its pairs, then the reply it describes
				children++
			}
		default:
			if _, err := p.value(len(st.stack), false); err != nil {
				return 0, err
			}
		}
		st.pos = p.pos
		if children > 0 {
			st.stack = append(st.stack, children)
			continue
		}
		// A value is complete: it may complete the aggregates around it.
		for len(st.stack) > 0 {
			top := len(st.stack) - 1
			if st.stack[top]--; st.stack[top] > 0 {
				break
			}
			st.stack = st.stack[:top]
		}
		if len(st.stack) == 0 {
			return p.pos, nil
		}
	}
}

// parseReply parses a reply that scanReply found complete. The strings
// of the Value point into buf, which the caller must never change.
//
// The Values of its aggregates are allocated at once, in one backing
// array: a first pass counts them. A reply without aggregates allocates
// nothing.
func parseReply(buf []byte) (Value, int, error) {
	p := parser{buf: buf}
	if len(buf) > 0 && isAggregate(buf[0]) {
		if _, err := p.value(0, false); err != nil {
			return Value{}, p.pos, err
		}
		if p.count > 0 {
			p.arena = make([]Value, p.count)
		}
		p.pos = 0
	}
	v, err := p.value(0, true)
	return v, p.pos, err
}

// parseReplies parses the n replies that buf holds whole, back to back,
// into out (skipping pushes), and returns how many it stored. Their
// Values are allocated at once, in one backing array.
func parseReplies(buf []byte, n int, out []Value) int {
	p := parser{buf: buf}
	for range n { // count the Values
		if _, err := p.value(0, false); err != nil {
			break
		}
	}
	if p.count > 0 {
		p.arena = make([]Value, p.count)
	}
	p.pos = 0
	stored := 0
	for range n {
		v, err := p.value(0, true)
		if err != nil { // never: the replies were scanned whole
			break
		}
		if v.Kind != Push {
			out[stored] = v
			stored++
		}
	}
	return stored
}

func isAggregate(t byte) bool {
	switch t {
	case '*', '~', '>', '%', '|':
		return true
	}
	return false
}

type parser struct {
	buf   []byte
	pos   int
	count int     // scanning: the Values of the aggregates so far
	arena []Value // building: where the next aggregate's Values go
}

func (p *parser) fail(at int, format string, args ...any) error {
	return &ProtocolError{Offset: at, Msg: fmt.Sprintf(format, args...)}
}

// line returns the bytes from the current position to the next CRLF and
// moves past it. A CR or LF that is not part of the CRLF is invalid.
func (p *parser) line() ([]byte, error) {
	rest := p.buf[p.pos:]
	i := bytes.IndexByte(rest, '\r')
	if i < 0 {
		if j := bytes.IndexByte(rest, '\n'); j >= 0 {
			return nil, p.fail(p.pos+j, "line feed without carriage return")
		}
		return nil, errIncomplete
	}
	if j := bytes.IndexByte(rest[:i], '\n'); j >= 0 {
		return nil, p.fail(p.pos+j, "line feed without carriage return")
	}
	if i+1 == len(rest) {
		return nil, errIncomplete
	}
	if rest[i+1] != '\n' {
		return nil, p.fail(p.pos+i+1, "carriage return not followed by line feed")
	}
	p.pos += i + 2
	return rest[:i], nil
}

// integer parses a line that holds a decimal int64.
func (p *parser) integer() (int64, error) {
	at := p.pos
	l, err := p.line()
	if err != nil {
		return 0, err
	}
	n, ok := parseInt(l)
	if !ok {
		return 0, p.fail(at, "%q is not an integer", l)
	}
	return n, nil
}

// parseInt parses an optional minus sign and 1 to 19 digits, without
// allocating.
func parseInt(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var n uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	if neg {
		if n > 1<<63 {
			return 0, false
		}
		return -int64(n), true
	}
	if n > math.MaxInt64 {
		return 0, false
	}
	return int64(n), true
}

// length parses the length line of a bulk string or an aggregate; -1 is
// allowed when null is (RESP2's null bulk string and array).
func (p *parser) length(null bool) (int64, error) {
	at := p.pos
	if p.pos < len(p.buf) && p.buf[p.pos] == '?' {
		return 0, p.fail(at, "streamed aggregates and strings are not supported")
	}
	n, err := p.integer()
	if err != nil {
		return 0, err
	}
	if n < 0 && !(null && n == -1) {
		return 0, p.fail(at, "negative length %d", n)
	}
	return n, nil
}

// str returns the text of b; when building, it points into the buffer.
func str(b []byte, build bool) string {
	if !build || len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// value scans (build false) or parses the value at the current position.
func (p *parser) value(depth int, build bool) (Value, error) {
	if depth > maxDepth {
		return Value{}, p.fail(p.pos, "aggregates nested more than %d deep", maxDepth)
	}
	if p.pos >= len(p.buf) {
		return Value{}, errIncomplete
	}
	at := p.pos
	t := p.buf[p.pos]
	p.pos++
	switch t {
	case '+', '-':
		l, err := p.line()
		if err != nil {
			return Value{}, err
		}
		k := Simple
		if t == '-' {
			k = Error
		}
		return Value{Kind: k, Str: str(l, build)}, nil
	case ':':
		l, err := p.line()
		if err != nil {
			return Value{}, err
		}
		if _, ok := parseInt(l); !ok {
			return Value{}, p.fail(at+1, "%q is not an integer", l)
		}
		return Value{Kind: Int, Str: str(l, build)}, nil
	case '_':
		l, err := p.line()
		if err != nil {
			return Value{}, err
		}
		if len(l) != 0 {
			return Value{}, p.fail(at+1, "null with a payload")
		}
		return Value{Kind: Null}, nil
	case '#':
		l, err := p.line()
		if err != nil {
			return Value{}, err
		}
		if len(l) != 1 || (l[0] != 't' && l[0] != 'f') {
			return Value{}, p.fail(at+1, "boolean %q is neither t nor f", l)
		}
		return Value{Kind: Bool, Str: str(l, build)}, nil
	case ',':
		l, err := p.line()
		if err != nil {
			return Value{}, err
		}
		if _, ok := parseDouble(l); !ok {
			return Value{}, p.fail(at+1, "%q is not a double", l)
		}
		return Value{Kind: Double, Str: str(l, build)}, nil
	case '(':
		l, err := p.line()
		if err != nil {
			return Value{}, err
		}
		if !bigInt(l) {
			return Value{}, p.fail(at+1, "%q is not a big number", l)
		}
		return Value{Kind: BigInt, Str: str(l, build)}, nil
	case '$', '!', '=':
		n, err := p.length(t == '$')
		if err != nil {
			return Value{}, err
		}
		if n == -1 {
			return Value{Kind: Null}, nil
		}
		if int64(len(p.buf)-p.pos) < n+2 {
			return Value{}, errIncomplete
		}
		body := p.buf[p.pos : p.pos+int(n)]
		if p.buf[p.pos+int(n)] != '\r' || p.buf[p.pos+int(n)+1] != '\n' {
			return Value{}, p.fail(p.pos+int(n), "string of length %d not followed by CRLF", n)
		}
		start := p.pos
		p.pos += int(n) + 2
		switch t {
		case '!':
			return Value{Kind: Error, Str: str(body, build)}, nil
		case '=':
			if len(body) < 4 || body[3] != ':' {
				return Value{}, p.fail(start, "verbatim string without a format")
			}
			return Value{Kind: Verbatim, Str: str(body, build)}, nil
		}
		return Value{Kind: Bulk, Str: str(body, build)}, nil
	case '*', '~', '>', '%', '|':
		n, err := p.length(t == '*')
		if err != nil {
			return Value{}, err
		}
		if n == -1 {
			return Value{Kind: Null}, nil
		}
		count := n
		if t == '%' || t == '|' {
			if n > math.MaxInt64/2 {
				return Value{}, p.fail(at+1, "map of %d pairs", n)
			}
			count = 2 * n
		}
		// Every element takes at least 3 bytes: a count past that is
		// incomplete for now (or a lie the read limit ends), and never
		// makes the parser allocate more than the buffer's size.
		if count > int64(len(p.buf)-p.pos)/3+1 {
			if _, err := p.skipValid(count, depth); err != nil {
				return Value{}, err
			}
			return Value{}, errIncomplete
		}
		if t == '|' { // an attribute: skipped (and not counted), then the reply it describes
			counted := p.count
			for range count {
				if _, err := p.value(depth+1, false); err != nil {
					return Value{}, err
				}
			}
			p.count = counted
			return p.value(depth, build)
		}
		var elems []Value
		if build && count > 0 {
			if int64(len(p.arena)) >= count {
				elems, p.arena = p.arena[:count:count], p.arena[count:]
			} else { // not counted first (never, from parseReply)
				elems = make([]Value, count)
			}
		} else if !build {
			p.count += int(count)
		}
		for i := range int(count) {
			e, err := p.value(depth+1, build)
			if err != nil {
				return Value{}, err
			}
			if build {
				elems[i] = e
			}
		}
		k := Array
		switch t {
		case '~':
			k = Set
		case '>':
			k = Push
		case '%':
			k = Map
		}
		return Value{Kind: k, Elems: elems}, nil
	}
	return Value{}, p.fail(at, "unknown type byte %q", t)
}

// skipValid scans the elements that the buffer holds of an aggregate
// announced with more elements than it can hold yet, so that invalid
// bytes among them are found now and not after the rest has arrived.
// It only returns errors: errIncomplete once the elements run out.
func (p *parser) skipValid(count int64, depth int) (int, error) {
	for range count {
		if _, err := p.value(depth+1, false); err != nil {
			return 0, err
		}
	}
	return 0, errIncomplete
}

func parseDouble(l []byte) (float64, bool) {
	switch string(l) {
	case "inf":
		return math.Inf(1), true
	case "-inf":
		return math.Inf(-1), true
	case "nan", "-nan":
		return math.NaN(), true
	}
	if len(l) == 0 || len(l) > 64 {
		return 0, false
	}
	for _, c := range l {
		if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(string(l), 64)
	return f, err == nil
}

func bigInt(l []byte) bool {
	if len(l) > 0 && (l[0] == '-' || l[0] == '+') {
		l = l[1:]
	}
	if len(l) == 0 {
		return false
	}
	for _, c := range l {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// appendCommand appends args as a RESP array of bulk strings, the form
// every command takes.
func appendCommand(buf []byte, args []any) ([]byte, error) {
	if len(args) == 0 {
		return buf, errors.New("aredis: empty command")
	}
	buf = append(buf, '*')
	buf = strconv.AppendInt(buf, int64(len(args)), 10)
	buf = append(buf, '\r', '\n')
	for i, a := range args {
		var err error
		if buf, err = appendArg(buf, a); err != nil {
			return buf, fmt.Errorf("aredis: argument %d: %w", i, err)
		}
	}
	return buf, nil
}

func appendArg(buf []byte, a any) ([]byte, error) {
	var num [32]byte
	var b []byte
	switch a := a.(type) {
	case string:
		return appendBulk(buf, a), nil
	case []byte:
		return appendBulk(buf, unsafe.String(unsafe.SliceData(a), len(a))), nil
	case int:
		b = strconv.AppendInt(num[:0], int64(a), 10)
	case int64:
		b = strconv.AppendInt(num[:0], a, 10)
	case int32:
		b = strconv.AppendInt(num[:0], int64(a), 10)
	case uint:
		b = strconv.AppendUint(num[:0], uint64(a), 10)
	case uint64:
		b = strconv.AppendUint(num[:0], a, 10)
	case uint32:
		b = strconv.AppendUint(num[:0], uint64(a), 10)
	case float64:
		b = strconv.AppendFloat(num[:0], a, 'g', -1, 64)
	case bool:
		b = num[:1]
		b[0] = '0'
		if a {
			b[0] = '1'
		}
	case fmt.Stringer:
		return appendBulk(buf, a.String()), nil
	default:
		return buf, fmt.Errorf("cannot send a %T (want a string, []byte, integer, float64 or bool)", a)
	}
	return appendBulk(buf, unsafe.String(unsafe.SliceData(b), len(b))), nil
}

func appendBulk(buf []byte, s string) []byte {
	buf = append(buf, '$')
	buf = strconv.AppendInt(buf, int64(len(s)), 10)
	buf = append(buf, '\r', '\n')
	buf = append(buf, s...)
	return append(buf, '\r', '\n')
}

// valueSize is the size of a Value, for the allocation tests.
const valueSize = int(unsafe.Sizeof(Value{}))
