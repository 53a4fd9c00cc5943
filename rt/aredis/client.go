//go:build unix

package aredis

import (
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/anet"
)

// Defaults of Options.
const (
	DefaultPoolSize      = 8
	DefaultMaxReplyBytes = 512 << 20 // Redis's own proto-max-bulk-len
)

// Options say where the server is and how to talk to it. The zero value
// of every field but Addr is a sensible default.
type Options struct {
	// Network is "unix" or "tcp"; empty means "unix" when Addr starts
	// with '/' and "tcp" otherwise.
	Network string
	// Addr is a Unix socket's path or a TCP host:port.
	Addr string
	// Username and Password authenticate each connection (AUTH, or HELLO's
	// AUTH when Protocol is 3); an empty Username is Redis's "default".
	Username, Password string
	// DB is the database each connection SELECTs (0: no SELECT).
	DB int
	// Protocol is 2 (RESP2, the default) or 3 (RESP3: each connection
	// says HELLO 3 first).
	Protocol int
	// ClientName, when set, names each connection (CLIENT SETNAME).
	ClientName string
	// DialTimeout bounds connecting, including the AUTH/SELECT/HELLO
	// handshake; zero means no limit but the command's (CommandTimeout).
	DialTimeout time.Duration
	// CommandTimeout bounds a command (or a pipeline): waiting for a
	// connection of the pool, connecting if it must, writing the command
	// and reading its reply. A command
	// past it fails with an error that wraps os.ErrDeadlineExceeded and
	// its connection is closed. Blocking commands are not bounded by it
	// (see the package doc). Zero means no limit. A command that ends in
	// time leaves no timer behind: its deadline's timer is stale at once
	// and the loop drops it from its heap, so a long timeout costs nothing
	// after the command.
	CommandTimeout time.Duration
	// PoolSize bounds the connections one loop uses at once for ordinary
	// commands, and how many idle ones it keeps; zero means
	// DefaultPoolSize.
	PoolSize int
	// MaxReplyBytes bounds one reply; a longer one fails and closes its
	// connection. Zero means DefaultMaxReplyBytes.
	MaxReplyBytes int
}

// Client is a Redis client with a small pool of connections per loop. Make
// it with New; it may be shared by several loops (each uses its own
// connections) and by the goroutines that run them.
type Client struct {
	opts     Options
	mu       sync.Mutex
	pools    map[rt.Loop]*pool
	dials    atomic.Int64
	halfRead atomic.Int64 // connections closed with part of a reply read
}

// Dials returns how many connections the client has opened.
func (cl *Client) Dials() int { return int(cl.dials.Load()) }

// New returns a client for the server opts describe. It connects lazily,
// on the first command.
func New(opts Options) *Client {
	if opts.Network == "" {
		opts.Network = "tcp"
		if strings.HasPrefix(opts.Addr, "/") {
			opts.Network = "unix"
		}
	}
	if opts.PoolSize <= 0 {
		opts.PoolSize = DefaultPoolSize
	}
	if opts.MaxReplyBytes <= 0 {
		opts.MaxReplyBytes = DefaultMaxReplyBytes
	}
	return &Client{opts: opts, pools: map[rt.Loop]*pool{}}
}

// pool is the part of a Client that belongs to one loop.
type pool struct {
	cl     *Client
	loop   rt.Loop
	idle   []*conn // the newest is reused first
	slots  *rt.Semaphore
	closed bool // by Client.Close: connections that come back are closed
}

// conn is a connection and what reading replies on it needs.
type conn struct {
	c       *anet.Conn
	wbuf    []byte
	scanErr error
	scan    scanState
	end     func([]byte, int) int
	endMany func([]byte, int) int // cn.endMany, made once
	want    int                   // endMany's bound
	got     int                   // endMany's count
	max     int                   // MaxReplyBytes
}

// errTooLong is a reply past MaxReplyBytes.
var errTooLong = errors.New("aredis: reply longer than MaxReplyBytes")

// endOf is the conn's ReadUntilFunc delimiter: where the reply at the
// start of buf ends, -1 while it is incomplete, 0 with scanErr set when it
// is invalid.
func (cn *conn) endOf(buf []byte, _ int) int {
	n, err := cn.scan.scan(buf)
	if (err == nil && n > cn.max) || (err == errIncomplete && len(buf) >= cn.max) {
		err = errTooLong
	}
	switch err {
	case nil:
		return n
	case errIncomplete:
		return -1
	}
	cn.scanErr = err
	return 0
}

// loopPool returns lp's pool, made on first use; a new pool is the moment
// to forget those of loops that have closed.
func (cl *Client) loopPool(lp rt.Loop) *pool {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	p := cl.pools[lp]
	if p == nil {
		for l, old := range cl.pools {
			if l.Closed() {
				old.closeIdle()
				delete(cl.pools, l)
			}
		}
		p = &pool{cl: cl, loop: lp, slots: rt.NewSemaphore(cl.opts.PoolSize)}
		cl.pools[lp] = p
	}
	return p
}

// Close closes the idle connections of every loop's pool. Call it from a
// task of the loop that uses the client, or once its loops have ended;
// connections in use are closed when their commands end. The client
// stays usable: later commands connect again.
func (cl *Client) Close() error {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	for l, p := range cl.pools {
		p.closeIdle()
		p.closed = true
		delete(cl.pools, l)
	}
	return nil
}

func (p *pool) closeIdle() {
	for _, cn := range p.idle {
		cn.c.Close()
	}
	clear(p.idle)
	p.idle = p.idle[:0]
}

// tryGet returns an idle connection and a slot of the pool when it can
// without waiting, else nil.
func (p *pool) tryGet(blocking bool) *conn {
	if p == nil || len(p.idle) == 0 || (!blocking && !p.slots.TryAcquire()) {
		return nil
	}
	if cn := p.popIdle(); cn != nil {
		return cn
	}
	if !blocking {
		p.slots.Release()
	}
	return nil
}

// popIdle returns the newest idle connection that is still good, or nil.
func (p *pool) popIdle() *conn {
	for len(p.idle) > 0 {
		cn := p.idle[len(p.idle)-1]
		p.idle[len(p.idle)-1] = nil
		p.idle = p.idle[:len(p.idle)-1]
		if cn.c.Readable() { // the server closed it, or sent what nobody asked for
			cn.c.Close()
			continue
		}
		return cn
	}
	return nil
}

// get returns a connection for one command or pipeline: a slot of the
// pool and an idle connection or a new one. A blocking command takes no
// slot: it holds its connection for as long as the server blocks it, and
// must not keep the loop's other tasks from the pool.
//
// async
func (p *pool) get(cl *Client, blocking bool, dl time.Time) (*conn, error) {
	if p == nil {
		return cl.dial(dl)
	}
	if !blocking && !p.slots.TryAcquire() {
		if dl.IsZero() {
			p.slots.Acquire()
		} else if _, err := rt.Await(rt.TimeoutAt(dl, p.slots.AcquireAsync())); err != nil {
			if err == rt.ErrTimeout {
				return nil, fmt.Errorf("aredis: waiting for a connection: %w", os.ErrDeadlineExceeded)
			}
			return nil, err
		}
	}
	if cn := p.popIdle(); cn != nil {
		return cn, nil
	}
	var cn *conn
	defer func() {
		if cn == nil && !blocking { // dial failed or was cancelled: the slot is free again
			p.slots.Release()
		}
	}()
	cn, err := cl.dial(dl)
	return cn, err
}

// put takes back a connection: kept when clean (no reply left half
// read, nothing unasked for buffered), closed otherwise.
func (p *pool) put(cn *conn, clean, blocking bool) {
	if p == nil || p.loop.Closed() || p.closed {
		cn.c.Close()
		return
	}
	if !clean && cn.c.Buffered() > 0 {
		p.cl.halfRead.Add(1)
	}
	if clean && cn.c.Buffered() == 0 && len(p.idle) < p.cl.opts.PoolSize {
		cn.c.SetDeadline(time.Time{})
		if cap(cn.wbuf) > 64<<10 {
			cn.wbuf = nil
		}
		p.idle = append(p.idle, cn)
	} else {
		cn.c.Close()
	}
	if !blocking {
		p.slots.Release()
	}
}

// dial connects and runs the handshake: HELLO, AUTH, SETNAME and SELECT
// as the options ask, pipelined in one write; within DialTimeout, and
// within dl, the deadline of the command it connects for (zero: none).
//
// async
func (cl *Client) dial(dl time.Time) (*conn, error) {
	o := &cl.opts
	if o.DialTimeout > 0 {
		if t := rt.Now().Add(o.DialTimeout); dl.IsZero() || t.Before(dl) {
			dl = t
		}
	}
	var c *anet.Conn
	var err error
	if !dl.IsZero() {
		left := dl.Sub(rt.Now())
		err = rt.ErrTimeout
		if left > 0 {
			c, err = rt.Await(rt.WaitFor(anet.DialAsync(o.Network, o.Addr), left))
		}
		if err == rt.ErrTimeout {
			err = fmt.Errorf("aredis: dial %s: %w", o.Addr, os.ErrDeadlineExceeded)
		}
	} else {
		c, err = anet.Dial(o.Network, o.Addr)
	}
	if err != nil {
		return nil, err
	}
	cl.dials.Add(1)
	cn := &conn{c: c, max: o.MaxReplyBytes}
	cn.end, cn.endMany = cn.endOf, cn.endManyOf
	c.SetReadLimit(o.MaxReplyBytes)
	ok := false
	defer func() {
		if !ok {
			c.Close()
		}
	}()
	var names []string
	if o.Protocol == 3 {
		args := []any{"HELLO", 3}
		if o.Password != "" {
			user := o.Username
			if user == "" {
				user = "default"
			}
			args = append(args, "AUTH", user, o.Password)
		}
		cn.wbuf, _ = appendCommand(cn.wbuf, args)
		names = append(names, "HELLO")
	} else if o.Protocol != 0 && o.Protocol != 2 {
		return nil, fmt.Errorf("aredis: unknown protocol %d (want 2 or 3)", o.Protocol)
	} else if o.Password != "" {
		if o.Username != "" {
			cn.wbuf, _ = appendCommand(cn.wbuf, []any{"AUTH", o.Username, o.Password})
		} else {
			cn.wbuf, _ = appendCommand(cn.wbuf, []any{"AUTH", o.Password})
		}
		names = append(names, "AUTH")
	}
	if o.ClientName != "" {
		cn.wbuf, _ = appendCommand(cn.wbuf, []any{"CLIENT", "SETNAME", o.ClientName})
		names = append(names, "CLIENT SETNAME")
	}
	if o.DB != 0 {
		cn.wbuf, _ = appendCommand(cn.wbuf, []any{"SELECT", o.DB})
		names = append(names, "SELECT")
	}
	if len(names) > 0 {
		c.SetDeadline(dl)
		if _, err := c.Write(cn.wbuf); err != nil {
			return nil, fmt.Errorf("aredis: connect: %w", err)
		}
		// Read every reply, so that a failed AUTH is reported rather
		// than the NOAUTH of the SELECT after it.
		var first error
		for _, name := range names {
			v, err := cn.readReply()
			if err != nil {
				return nil, fmt.Errorf("aredis: connect: %s: %w", name, err)
			}
			if e := v.Err(); e != nil && first == nil {
				first = fmt.Errorf("aredis: connect: %s: %w", name, e)
			}
		}
		if first != nil {
			return nil, first
		}
		c.SetDeadline(time.Time{})
	}
	ok = true
	return cn, nil
}

// readReply reads one reply. Pushes (RESP3's out-of-band messages) are
// skipped. A reply that is invalid, or that the connection ends or times
// out in the middle of, is an error after which the connection must be
// closed.
//
// async
func (cn *conn) readReply() (Value, error) {
	for {
		cn.scan.reset()
		raw, err := cn.c.ReadUntilFunc(cn.end)
		if err != nil {
			return Value{}, connErr(err)
		}
		if cn.scanErr != nil {
			return Value{}, cn.scanErr
		}
		v, _, _ := parseReply(raw) // scanReply found it complete and valid
		if v.Kind == Push {
			continue
		}
		return v, nil
	}
}

// bufferedReplies fills the start of many with the replies that the
// connection has already read ahead whole, without waiting, and returns
// how many (0 when not even one is: then call readReply). The replies
// of a pipeline after the first are often buffered: they cost no
// coroutine frame, and all those found at once share one copy of their
// bytes and one backing array of Values.
func (cn *conn) bufferedReplies(many []Value) (int, error) {
	cn.want, cn.got = len(many), 0
	raw, ok := cn.c.BufferedUntilFunc(cn.endMany)
	if !ok {
		return 0, nil
	}
	if cn.scanErr != nil {
		return 0, cn.scanErr
	}
	return parseReplies(raw, cn.got, many), nil
}

// endManyOf is bufferedReplies' delimiter: where the last of the (at most
// cn.want) whole replies at the start of buf ends, their number in
// cn.got; -1 when there is none; 0 with scanErr set when the first is
// invalid or too long (one after it is left for the next read to find).
func (cn *conn) endManyOf(buf []byte, _ int) int {
	pos := 0
	for cn.got < cn.want {
		cn.scan.reset()
		n, err := cn.scan.scan(buf[pos:])
		if err == nil && n > cn.max {
			err = errTooLong
		}
		if err == errIncomplete {
			break
		}
		if err != nil {
			if cn.got == 0 {
				cn.scanErr = err
				return 0
			}
			break
		}
		pos += n
		cn.got++
	}
	if cn.got == 0 {
		return -1
	}
	return pos
}

// connErr describes a connection's failure to deliver a reply.
func connErr(err error) error {
	switch {
	case err == io.EOF:
		return fmt.Errorf("aredis: the server closed the connection: %w", err)
	case err == io.ErrUnexpectedEOF:
		return fmt.Errorf("aredis: the server closed the connection in the middle of a reply: %w", err)
	case err == anet.ErrTooLong:
		return errTooLong
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("aredis: command timed out: %w", err)
	}
	return fmt.Errorf("aredis: %w", err)
}

// Do sends one command and returns its reply. An error reply is
// returned as the Value and as a *RedisError; a failure of the connection
// (or a timeout, or cancellation) closes it. args are the command's name
// and arguments: strings, []byte, integers, float64, bool or
// fmt.Stringers.
//
// Do is async (DoAsync); called from ordinary code, outside a loop, it
// blocks and uses a connection of its own.
func (cl *Client) Do(args ...any) (Value, error) { return cl.exec(nil, args, nil) }

// DoAsync is the companion of Do (written by hand: it is exec's
// coroutine, so a command costs no frame of its own).
func (cl *Client) DoAsync(args ...any) rt.Awaitable[Value] { return cl.execAsync(nil, args, nil) }

// exec sends a command (args) or a pipeline's encoded commands (wire,
// len(many) of them) on a connection of the pool and reads the replies:
// a command's as the result (with its error reply as the error), a
// pipeline's into many.
//
// async
func (cl *Client) exec(wire []byte, args []any, many []Value) (Value, error) {
	blocking := args != nil && isBlocking(args)
	var dl time.Time
	if cl.opts.CommandTimeout > 0 && !blocking {
		dl = rt.Now().Add(cl.opts.CommandTimeout)
	}
	var p *pool // nil outside a loop: no pool
	if lp := rt.CurrentLoop(); lp != nil {
		p = cl.loopPool(*lp)
	}
	cn := p.tryGet(blocking)
	if cn == nil {
		var err error
		if cn, err = p.get(cl, blocking, dl); err != nil {
			return Value{}, err
		}
	}
	clean := false
	defer func() { p.put(cn, clean, blocking) }() // runs on cancellation too: a half-read reply closes cn
	if args != nil {
		var err error
		if cn.wbuf, err = appendCommand(cn.wbuf[:0], args); err != nil {
			clean = true
			return Value{}, err
		}
		wire = cn.wbuf
	}
	cn.c.SetDeadline(dl)
	if _, err := cn.c.Write(wire); err != nil {
		return Value{}, connErr(err)
	}
	if many == nil {
		v, err := cn.readReply()
		if err != nil {
			return Value{}, err
		}
		clean = true
		return v, v.Err()
	}
	for i := 0; i < len(many); {
		n, err := cn.bufferedReplies(many[i:])
		if err != nil {
			return Value{}, err
		}
		if n > 0 {
			i += n
			continue
		}
		v, err := cn.readReply()
		if err != nil {
			return Value{}, err
		}
		many[i] = v
		i++
	}
	clean = true
	return Value{}, nil
}

// isBlocking reports whether a command may block on the server: those get
// a connection of their own.
func isBlocking(args []any) bool {
	name, ok := args[0].(string)
	if !ok || len(name) < 4 {
		return false
	}
	switch strings.ToUpper(name) {
	case "BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BLMPOP", "BZPOPMIN", "BZPOPMAX", "BZMPOP", "WAIT", "WAITAOF":
		return true
	case "XREAD", "XREADGROUP":
		for _, a := range args[1:] {
			if s, ok := a.(string); ok && strings.EqualFold(s, "BLOCK") {
				return true
			}
		}
	}
	return false
}

// String runs a command whose reply is a string (GET, ...); a null reply
// is ErrNil.
//
// async
func (cl *Client) String(args ...any) (string, error) {
	v, err := cl.Do(args...)
	if err != nil {
		return "", err
	}
	return v.Text()
}

// Int runs a command whose reply is an integer (INCR, DEL, ...).
//
// async
func (cl *Client) Int(args ...any) (int64, error) {
	v, err := cl.Do(args...)
	if err != nil {
		return 0, err
	}
	return v.Int64()
}

// Strings runs a command whose reply is an array of strings (LRANGE,
// KEYS, ...); null elements are "".
//
// async
func (cl *Client) Strings(args ...any) ([]string, error) {
	v, err := cl.Do(args...)
	if err != nil {
		return nil, err
	}
	return v.Strings()
}

// Pipeline collects commands to send together, in one write, reading
// their replies in one go: n commands cost one round trip. Not safe for
// use by several tasks at once.
type Pipeline struct {
	cl   *Client
	wire []byte
	n    int
	err  error
}

// Pipeline returns an empty pipeline on cl.
func (cl *Client) Pipeline() *Pipeline { return &Pipeline{cl: cl} }

// Add appends a command to the pipeline. A command that cannot be encoded
// makes Exec fail without sending anything.
func (p *Pipeline) Add(args ...any) *Pipeline {
	var err error
	if p.wire, err = appendCommand(p.wire, args); err != nil && p.err == nil {
		p.err = fmt.Errorf("aredis: pipeline command %d: %w", p.n, err)
	}
	p.n++
	return p
}

// Len returns how many commands the pipeline holds.
func (p *Pipeline) Len() int { return p.n }

// Exec sends the pipeline's commands and returns their replies, one per
// command, in order, and empties the pipeline. An error reply is a Value
// of kind Error (Value.Err makes it an error); the error result is for
// the connection's failures, after which no reply is returned (which of
// the commands ran is not known). Blocking commands do not belong in a
// pipeline: it holds a connection of the pool while they block.
//
// async
func (p *Pipeline) Exec() ([]Value, error) {
	if p.err != nil {
		err := p.err
		p.wire, p.n, p.err = p.wire[:0], 0, nil
		return nil, err
	}
	if p.n == 0 {
		return nil, nil
	}
	vals := make([]Value, p.n)
	_, err := p.cl.exec(p.wire, nil, vals)
	p.wire, p.n = p.wire[:0], 0
	if err != nil {
		return nil, err
	}
	return vals, nil
}

// Script is a Lua script run by its SHA1 (EVALSHA), sent whole (EVAL)
// only when the server does not have it yet (NOSCRIPT): after a restart
// or SCRIPT FLUSH, or the first time.
type Script struct {
	src string
	sha string
}

// NewScript returns the script of src.
func NewScript(src string) *Script {
	h := sha1.Sum([]byte(src))
	return &Script{src: src, sha: hex.EncodeToString(h[:])}
}

// SHA returns the script's SHA1, as SCRIPT LOAD would.
func (s *Script) SHA() string { return s.sha }

// Run runs the script with keys (KEYS) and args (ARGV) on cl.
//
// async
func (s *Script) Run(cl *Client, keys []string, args ...any) (Value, error) {
	cmd := make([]any, 0, 3+len(keys)+len(args))
	cmd = append(cmd, "EVALSHA", s.sha, len(keys))
	for _, k := range keys {
		cmd = append(cmd, k)
	}
	cmd = append(cmd, args...)
	v, err := cl.Do(cmd...)
	var re *RedisError
	if errors.As(err, &re) && re.Code() == "NOSCRIPT" {
		cmd[0], cmd[1] = "EVAL", s.src
		return cl.Do(cmd...)
	}
	return v, err
}
