//go:build unix

package aredis_test

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/internal/redistest"
	"github.com/asyncgen/asyncgen/rt"
	"github.com/asyncgen/asyncgen/rt/aredis"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests run against a real redis-server that redistest starts on a
// Unix socket of the test's own.

// replyKinds runs commands whose replies cover the types of the protocol
// the client speaks and returns "command: kind value" lines.
//
// async
func replyKinds(cl *aredis.Client, debug bool) ([]string, error) {
	var out []string
	cmds := [][]any{
		{"SET", "s", "hello"},
		{"GET", "s"},
		{"GET", "missing"},
		{"INCR", "n"},
		{"RPUSH", "l", "a", "b"},
		{"LRANGE", "l", 0, -1},
		{"HSET", "h", "f", "v"},
		{"HGETALL", "h"},
		{"SADD", "set", "m"},
		{"SMEMBERS", "set"},
		{"ZADD", "z", 1.5, "m"},
		{"ZSCORE", "z", "m"},
		{"LPOP", "nolist"},
		{"EXISTS", "s"},
	}
	if debug {
		for _, p := range []string{"bignum", "true", "false", "verbatim", "double", "map", "set", "attrib", "null"} {
			cmds = append(cmds, []any{"DEBUG", "PROTOCOL", p})
		}
	}
	for _, cmd := range cmds {
		v, err := cl.Do(cmd...)
		if err != nil {
			return out, fmt.Errorf("%v: %w", cmd, err)
		}
		out = append(out, fmt.Sprintf("%v: %s", cmd, show(v)))
	}
	return out, nil
}

// show prints a Value compactly.
func show(v aredis.Value) string {
	switch v.Kind {
	case aredis.Null:
		return "null"
	case aredis.Int:
		return "int " + strconv.FormatInt(v.Int(), 10)
	case aredis.Double:
		return "double " + strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case aredis.Bool:
		return "bool " + strconv.FormatBool(v.Bool())
	case aredis.Verbatim:
		return "verbatim " + v.Format() + " " + strconv.Quote(v.Str[4:])
	case aredis.Array, aredis.Set, aredis.Map, aredis.Push:
		var parts []string
		for _, e := range v.Elems {
			parts = append(parts, show(e))
		}
		return v.Kind.String() + " [" + strings.Join(parts, ", ") + "]"
	}
	return v.Kind.String() + " " + strconv.Quote(v.Str)
}

func TestReplyTypesRESP2(t *testing.T) {
	srv := redistest.Start(t, "--enable-debug-command", "yes")
	cl := aredis.New(aredis.Options{Addr: srv.Socket()})
	got, err := rt.Run(replyKindsAsync(cl, false))
	require.NoError(t, err)
	assert.Equal(t, []string{
		"[SET s hello]: simple string \"OK\"",
		"[GET s]: bulk string \"hello\"",
		"[GET missing]: null",
		"[INCR n]: int 1",
		"[RPUSH l a b]: int 2",
		"[LRANGE l 0 -1]: array [bulk string \"a\", bulk string \"b\"]",
		"[HSET h f v]: int 1",
		"[HGETALL h]: array [bulk string \"f\", bulk string \"v\"]",
		"[SADD set m]: int 1",
		"[SMEMBERS set]: array [bulk string \"m\"]",
		"[ZADD z 1.5 m]: int 1",
		"[ZSCORE z m]: bulk string \"1.5\"",
		"[LPOP nolist]: null",
		"[EXISTS s]: int 1",
	}, got)
}

func TestReplyTypesRESP3(t *testing.T) {
	srv := redistest.Start(t, "--enable-debug-command", "yes")
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), Protocol: 3})
	got, err := rt.Run(replyKindsAsync(cl, true))
	require.NoError(t, err)
	assert.Equal(t, []string{
		"[SET s hello]: simple string \"OK\"",
		"[GET s]: bulk string \"hello\"",
		"[GET missing]: null",
		"[INCR n]: int 1",
		"[RPUSH l a b]: int 2",
		"[LRANGE l 0 -1]: array [bulk string \"a\", bulk string \"b\"]",
		"[HSET h f v]: int 1",
		"[HGETALL h]: map [bulk string \"f\", bulk string \"v\"]",
		"[SADD set m]: int 1",
		"[SMEMBERS set]: set [bulk string \"m\"]",
		"[ZADD z 1.5 m]: int 1",
		"[ZSCORE z m]: double 1.5",
		"[LPOP nolist]: null",
		"[EXISTS s]: int 1",
		"[DEBUG PROTOCOL bignum]: big number \"1234567999999999999999999999999999999\"",
		"[DEBUG PROTOCOL true]: bool true",
		"[DEBUG PROTOCOL false]: bool false",
		"[DEBUG PROTOCOL verbatim]: verbatim txt \"This is a verbatim\\nstring\"",
		"[DEBUG PROTOCOL double]: double 3.141",
		"[DEBUG PROTOCOL map]: map [int 0, bool false, int 1, bool true, int 2, bool false]",
		"[DEBUG PROTOCOL set]: set [int 0, int 1, int 2]",
		"[DEBUG PROTOCOL attrib]: bulk string \"Some real reply following the attribute\"",
		"[DEBUG PROTOCOL null]: null",
	}, got)
}

// pipeline sends n INCRs with a WRONGTYPE error among them, in one go.
//
// async
func pipeline(cl *aredis.Client, n int) ([]aredis.Value, error) {
	if _, err := cl.Do("SET", "str", "x"); err != nil {
		return nil, err
	}
	p := cl.Pipeline()
	for i := range n {
		if i == n/2 {
			p.Add("INCR", "str")
		} else {
			p.Add("INCR", "counter")
		}
	}
	return p.Exec()
}

func TestPipeline(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 1})
	vals, err := rt.Run(pipelineAsync(cl, 1000))
	require.NoError(t, err)
	require.Len(t, vals, 1000)
	want := int64(0)
	for i, v := range vals {
		if i == 500 {
			var re *aredis.RedisError
			require.True(t, errors.As(v.Err(), &re), "%v", show(v))
			assert.Contains(t, re.Msg, "not an integer")
			continue
		}
		want++
		require.Equal(t, want, v.Int(), "reply %d", i)
	}
	assert.Equal(t, 1, cl.Dials(), "one connection for the SET and the pipeline")

	// A command that cannot be encoded fails the pipeline before it is sent.
	_, err = rt.Run(badPipelineAsync(cl))
	assert.ErrorContains(t, err, "pipeline command 1: aredis: argument 2: cannot send a struct {}")
	assert.Equal(t, 1, cl.Dials())
}

// badPipeline holds a command that cannot be encoded.
//
// async
func badPipeline(cl *aredis.Client) ([]aredis.Value, error) {
	return cl.Pipeline().Add("PING").Add("SET", "k", struct{}{}).Exec()
}

// errorsThenMore gets a WRONGTYPE error, then reuses the connection.
//
// async
func errorsThenMore(cl *aredis.Client) (string, error) {
	cl.Do("RPUSH", "list", "a")
	_, err := cl.Int("INCR", "list")
	var re *aredis.RedisError
	if !errors.As(err, &re) {
		return "", fmt.Errorf("INCR of a list: %v, want a RedisError", err)
	}
	if re.Code() != "WRONGTYPE" {
		return "", fmt.Errorf("code %q", re.Code())
	}
	if _, err := cl.Do("NOSUCHCOMMAND"); err == nil || !strings.Contains(err.Error(), "unknown command") {
		return "", fmt.Errorf("unknown command: %v", err)
	}
	if _, err := cl.String("GET", "missing"); err != aredis.ErrNil {
		return "", fmt.Errorf("GET missing: %v, want ErrNil", err)
	}
	return cl.String("PING")
}

func TestErrorReplies(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 1})
	got, err := rt.Run(errorsThenMoreAsync(cl))
	require.NoError(t, err)
	assert.Equal(t, "PONG", got)
	assert.Equal(t, 1, cl.Dials(), "an error reply keeps the connection")
}

// ping returns PING's reply.
//
// async
func ping(cl *aredis.Client) (string, error) { return cl.String("PING") }

// timeouts runs DEBUG SLEEP past the command timeout, then a PING.
//
// async
func timeouts(cl *aredis.Client) (string, error) {
	start := rt.Now()
	_, err := cl.Do("DEBUG", "SLEEP", "0.5")
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		return "", fmt.Errorf("DEBUG SLEEP: %v, want a timeout", err)
	}
	if d := rt.Now().Sub(start); d > 400*time.Millisecond {
		return "", fmt.Errorf("timed out after %v", d)
	}
	rt.Sleep(600 * time.Millisecond) // the server is busy until then
	return cl.String("PING")
}

func TestCommandTimeout(t *testing.T) {
	srv := redistest.Start(t, "--enable-debug-command", "yes")
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), CommandTimeout: 100 * time.Millisecond, PoolSize: 1})
	got, err := rt.Run(timeoutsAsync(cl))
	require.NoError(t, err)
	assert.Equal(t, "PONG", got)
	assert.Equal(t, 2, cl.Dials(), "the timed-out connection was closed")
}

func TestDialTimeout(t *testing.T) {
	// A listener that accepts and never answers: the handshake (AUTH)
	// waits for a reply that never comes.
	path := filepath.Join(t.TempDir(), "mute.sock")
	ln, err := net.Listen("unix", path)
	require.NoError(t, err)
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	cl := aredis.New(aredis.Options{Addr: path, Password: "x", DialTimeout: 50 * time.Millisecond})
	start := time.Now()
	_, err = rt.Run(pingAsync(cl))
	assert.ErrorIs(t, err, os.ErrDeadlineExceeded)
	assert.ErrorContains(t, err, "connect: AUTH")
	assert.Less(t, time.Since(start), 2*time.Second)

	// A command cancelled while it connects gives its slot back: the
	// next one connects (and is cancelled too) rather than wait for ever.
	cl = aredis.New(aredis.Options{Addr: path, Password: "x", PoolSize: 1})
	_, err = rt.Run(twoCancelledPingsAsync(cl))
	require.NoError(t, err)
	assert.Equal(t, 2, cl.Dials())

	// Without a DialTimeout, the command's timeout bounds connecting.
	cl = aredis.New(aredis.Options{Addr: path, Password: "x", CommandTimeout: 50 * time.Millisecond})
	start = time.Now()
	_, err = rt.Run(pingAsync(cl))
	assert.ErrorIs(t, err, os.ErrDeadlineExceeded)
	assert.ErrorContains(t, err, "connect: AUTH")
	assert.Less(t, time.Since(start), 2*time.Second)
}

// twoCancelledPings pings twice, each cancelled after 20 ms.
//
// async
func twoCancelledPings(cl *aredis.Client) (int, error) {
	for range 2 {
		if _, err := rt.Await(rt.WaitFor(cl.StringAsync("PING"), 20*time.Millisecond)); err != rt.ErrTimeout {
			return 0, fmt.Errorf("PING: %v, want rt.ErrTimeout", err)
		}
	}
	return 0, nil
}

// auth checks AUTH, SELECT and CLIENT SETNAME on connect.
//
// async
func auth(good, other, bad *aredis.Client) (string, error) {
	if _, err := good.Do("SET", "k", "in db 3"); err != nil {
		return "", err
	}
	name, err := good.String("CLIENT", "GETNAME")
	if err != nil || name != "tester" {
		return "", fmt.Errorf("CLIENT GETNAME: %q, %v", name, err)
	}
	if _, err := other.String("GET", "k"); err != aredis.ErrNil {
		return "", fmt.Errorf("db 0 sees k: %v", err)
	}
	_, err = bad.Do("PING")
	var re *aredis.RedisError
	if !errors.As(err, &re) || re.Code() != "WRONGPASS" || !strings.Contains(err.Error(), "aredis: connect: ") {
		return "", fmt.Errorf("wrong password: %v", err)
	}
	return good.String("GET", "k")
}

func TestAuthSelect(t *testing.T) {
	srv := redistest.Start(t, "--requirepass", "secret")
	for _, proto := range []int{2, 3} {
		t.Run(fmt.Sprint("RESP", proto), func(t *testing.T) {
			good := aredis.New(aredis.Options{Addr: srv.Socket(), Password: "secret", DB: 3, ClientName: "tester", Protocol: proto})
			other := aredis.New(aredis.Options{Addr: srv.Socket(), Password: "secret", Protocol: proto})
			bad := aredis.New(aredis.Options{Addr: srv.Socket(), Password: "wrong", Protocol: proto})
			got, err := rt.Run(authAsync(good, other, bad))
			require.NoError(t, err)
			assert.Equal(t, "in db 3", got)
		})
	}
}

func TestTCP(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	redistest.Start(t, "--port", strconv.Itoa(port), "--bind", "127.0.0.1")
	cl := aredis.New(aredis.Options{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	got, err := rt.Run(pingAsync(cl))
	require.NoError(t, err)
	assert.Equal(t, "PONG", got)
}

func TestNaturalCall(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket()})
	got, err := cl.String("PING") // no loop: blocks this goroutine
	require.NoError(t, err)
	assert.Equal(t, "PONG", got)
}

// cancelMidReply GETs a large value and cancels it once part of the
// reply has arrived (however long the server, on a loaded machine, takes
// to start it), then under ever shorter time limits, checking after each
// that the pool gives correct replies.
//
// async
func cancelMidReply(cl *aredis.Client, size int) (int, error) {
	big := strings.Repeat("x", size)
	if _, err := cl.Do("SET", "big", big); err != nil {
		return 0, err
	}
	var partial rt.Event
	aredis.OnPartialReply(cl, partial.Set) // the connection SET left idle
	get := rt.Spawn(cl.StringAsync("GET", "big"))
	partial.Wait() // the GET parks for the rest of its reply before the loop runs this
	get.Cancel()
	if _, err := rt.Await[string](get); err != rt.ErrCanceled {
		return 0, fmt.Errorf("GET cancelled mid-reply: %v, want ErrCanceled", err)
	}
	cancelled := 1
	if s, err := cl.String("ECHO", "after"); err != nil || s != "after" {
		return cancelled, fmt.Errorf("after a GET cancelled mid-reply: %q, %v", s, err)
	}
	for _, d := range []time.Duration{40 * time.Millisecond, 30 * time.Millisecond, 20 * time.Millisecond, 15 * time.Millisecond, 10 * time.Millisecond, 5 * time.Millisecond, 2 * time.Millisecond, 500 * time.Microsecond} {
		_, err := rt.Await(rt.WaitFor(cl.StringAsync("GET", "big"), d))
		if err == rt.ErrTimeout {
			cancelled++
		} else if err != nil {
			return cancelled, err
		}
		if s, err := cl.String("ECHO", "after"); err != nil || s != "after" {
			return cancelled, fmt.Errorf("after a cancelled GET: %q, %v", s, err)
		}
		if s, err := cl.String("GET", "big"); err != nil || s != big {
			return cancelled, fmt.Errorf("GET big after a cancelled one: %d bytes, %v", len(s), err)
		}
	}
	return cancelled, nil
}

func TestCancelMidReply(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 1})
	cancelled, err := rt.Run(cancelMidReplyAsync(cl, 32<<20))
	require.NoError(t, err)
	require.Greater(t, cancelled, 0, "no GET was cancelled")
	require.Greater(t, aredis.HalfRead(cl), 0, "no GET was cancelled in the middle of its reply")
	t.Logf("%d GETs cancelled, %d of them with part of the reply read", cancelled, aredis.HalfRead(cl))
	assert.Equal(t, 1+cancelled, cl.Dials(), "each cancelled GET's connection was closed")
}

// killed runs DEBUG SLEEP on a server that is killed under it, then
// waits for the restart and uses the pool again.
//
// async
func killed(cl *aredis.Client, srv *redistest.Server) (string, error) {
	// Two commands at once leave two idle connections, which the kill
	// breaks: the one DEBUG SLEEP takes, and one left idle.
	if _, err := rt.Await(rt.Gather(cl.DoAsync("DEBUG", "SLEEP", "0.05"), cl.DoAsync("DEBUG", "SLEEP", "0.05"))); err != nil {
		return "", err
	}
	down := make(chan struct{})
	go func() {
		time.Sleep(100 * time.Millisecond)
		srv.Kill()
		close(down)
	}()
	_, err := cl.Do("DEBUG", "SLEEP", "5")
	if err == nil || !strings.Contains(err.Error(), "server closed the connection") {
		return "", fmt.Errorf("DEBUG SLEEP on a killed server: %v", err)
	}
	// The connection breaks while the kernel is still tearing the
	// process down (its listening socket may accept one more connect):
	// wait until it has exited.
	if _, err := rt.ToThread(func() (struct{}, error) { <-down; return struct{}{}, nil }); err != nil {
		return "", err
	}
	if _, err := cl.Do("PING"); err == nil {
		return "", errors.New("PING with the server down did not fail")
	}
	_, err = rt.ToThread(func() (struct{}, error) { srv.Restart(); return struct{}{}, nil })
	if err != nil {
		return "", err
	}
	return cl.String("PING")
}

func TestServerKilledMidCommand(t *testing.T) {
	srv := redistest.Start(t, "--enable-debug-command", "yes")
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 2})
	got, err := rt.Run(killedAsync(cl, srv))
	require.NoError(t, err)
	assert.Equal(t, "PONG", got)
	assert.Equal(t, 3, cl.Dials(), "two before the kill, none while the server was down, one after")
}

// pushes turns on client tracking (RESP3), so that the server sends an
// invalidation push when a key read on the connection changes, and then
// changes that key in a pipeline: the push comes between the pipeline's
// replies and is skipped.
//
// async
func pushes(cl *aredis.Client) ([]string, error) {
	var out []string
	for _, cmd := range [][]any{{"CLIENT", "TRACKING", "ON"}, {"SET", "k", "v1"}, {"GET", "k"}} {
		s, err := cl.String(cmd...)
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
	vals, err := cl.Pipeline().Add("SET", "k", "v2").Add("GET", "k").Add("ECHO", "end").Exec()
	if err != nil {
		return out, err
	}
	for _, v := range vals {
		out = append(out, show(v))
	}
	return out, nil
}

func TestPushesSkipped(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), Protocol: 3, PoolSize: 1})
	got, err := rt.Run(pushesAsync(cl))
	require.NoError(t, err)
	assert.Equal(t, []string{"OK", "OK", "v1", `simple string "OK"`, `bulk string "v2"`, `bulk string "end"`}, got)
	assert.Equal(t, 1, cl.Dials(), "all on the connection that tracks k")
}

// tooLong GETs a value past MaxReplyBytes, then a short one.
//
// async
func tooLong(cl *aredis.Client) (string, error) {
	if _, err := cl.Do("SET", "long", strings.Repeat("y", 5000)); err != nil {
		return "", err
	}
	if _, err := cl.Do("GET", "long"); err == nil || !strings.Contains(err.Error(), "longer than MaxReplyBytes") {
		return "", fmt.Errorf("GET long: %v", err)
	}
	return cl.String("ECHO", "short")
}

func TestMaxReplyBytes(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), MaxReplyBytes: 1000, PoolSize: 1})
	got, err := rt.Run(tooLongAsync(cl))
	require.NoError(t, err)
	assert.Equal(t, "short", got)
	assert.Equal(t, 2, cl.Dials(), "the connection with the long reply was closed")
}

// incrs runs n INCRs as n tasks at once.
//
// async
func incrs(cl *aredis.Client, n int) (string, error) {
	tasks := make([]rt.Awaitable[int64], n)
	for i := range tasks {
		tasks[i] = rt.Spawn(cl.IntAsync("INCR", "c"))
	}
	if _, err := rt.Await(rt.Gather(tasks...)); err != nil {
		return "", err
	}
	return cl.String("GET", "c")
}

func TestPoolBound(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 4})
	got, err := rt.Run(incrsAsync(cl, 200))
	require.NoError(t, err)
	assert.Equal(t, "200", got)
	assert.Equal(t, 4, cl.Dials(), "200 tasks shared the pool's 4 connections")
}

// invalidThenPing pings three times: well answered, invalid, well on a
// new connection.
//
// async
func invalidThenPing(cl *aredis.Client) (string, error) {
	if _, err := cl.String("PING"); err != nil {
		return "", err
	}
	_, err := cl.String("PING")
	var pe *aredis.ProtocolError
	if !errors.As(err, &pe) || pe.Offset != 1 {
		return "", fmt.Errorf("second PING: %v, want a ProtocolError at byte 1", err)
	}
	s, err2 := cl.String("PING")
	return err.Error() + " / " + s, err2
}

// TestInvalidReply uses a fake server, the one place where a real one
// cannot serve: Redis never sends an invalid reply. It answers the first
// command well and the second with bytes that are not RESP.
func TestInvalidReply(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.sock")
	ln, err := net.Listen("unix", path)
	require.NoError(t, err)
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				buf := make([]byte, 4096)
				for _, answer := range []string{"+PONG\r\n", ":12x\r\n"} {
					if _, err := c.Read(buf); err != nil {
						return
					}
					c.Write([]byte(answer))
				}
				c.Read(buf)
			}()
		}
	}()
	cl := aredis.New(aredis.Options{Addr: path, PoolSize: 1})
	got, err := rt.Run(invalidThenPingAsync(cl))
	require.NoError(t, err)
	assert.Equal(t, `aredis: invalid reply at byte 1: "12x" is not an integer / PONG`, got)
	assert.Equal(t, 2, cl.Dials())
}

const incrBy = `-- KEYS[1]: the counter; ARGV[1]: the increment
return redis.call('INCRBY', KEYS[1], ARGV[1])`

// scripts runs a script (NOSCRIPT the first time), again (EVALSHA), and
// after SCRIPT FLUSH (NOSCRIPT again).
//
// async
func scripts(cl *aredis.Client) ([]int64, error) {
	s := aredis.NewScript(incrBy)
	var out []int64
	for i := range 3 {
		if i == 2 {
			if _, err := cl.Do("SCRIPT", "FLUSH"); err != nil {
				return nil, err
			}
		}
		v, err := s.Run(cl, []string{"c"}, 10)
		if err != nil {
			return nil, err
		}
		out = append(out, v.Int())
	}
	exists, err := cl.Do("SCRIPT", "EXISTS", s.SHA())
	if err != nil {
		return nil, err
	}
	out = append(out, exists.Elems[0].Int())
	calls, err := cl.String("INFO", "commandstats")
	if err != nil {
		return nil, err
	}
	for _, cmd := range []string{"evalsha", "eval"} {
		for _, line := range strings.Split(calls, "\r\n") {
			if rest, ok := strings.CutPrefix(line, "cmdstat_"+cmd+":calls="); ok {
				n, _ := strconv.ParseInt(strings.Split(rest, ",")[0], 10, 64)
				out = append(out, n)
			}
		}
	}
	return out, nil
}

func TestScriptNoscriptFallback(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket()})
	got, err := rt.Run(scriptsAsync(cl))
	require.NoError(t, err)
	// Three runs: 10, 20, 30; the script exists; three EVALSHAs, two of
	// them answered NOSCRIPT and followed by an EVAL.
	assert.Equal(t, []int64{10, 20, 30, 1, 3, 2}, got)
}

// blpopParks blocks one task in BLPOP while another, through a pool of
// one connection, runs commands and finally pushes what BLPOP waits for.
//
// async
func blpopParks(cl *aredis.Client) ([]string, error) {
	var events []string
	if _, err := cl.Do("XGROUP", "CREATE", "stream", "g", "$", "MKSTREAM"); err != nil {
		return nil, err
	}
	blpop := rt.Spawn(cl.StringsAsync("BLPOP", "queue", 5))
	xread := rt.Spawn(cl.DoAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "5000", "STREAMS", "stream", ">"))
	rt.Sleep(50 * time.Millisecond) // BLPOP is on the server
	for i := range 20 {
		if _, err := cl.Int("INCR", "other"); err != nil {
			return nil, err
		}
		if i == 0 {
			events = append(events, "INCR ran while BLPOP blocked")
		}
	}
	events = append(events, fmt.Sprintf("done before the pushes: %v %v", blpop.Done(), xread.Done()))
	if _, err := cl.Do("LPUSH", "queue", "job"); err != nil {
		return nil, err
	}
	if _, err := cl.Do("XADD", "stream", "*", "f", "v"); err != nil {
		return nil, err
	}
	got, err := rt.Await(blpop)
	if err != nil {
		return nil, err
	}
	events = append(events, strings.Join(got, " "))
	x, err := rt.Await(xread)
	if err != nil {
		return nil, err
	}
	// [[stream [[id [f v]]]]]
	entry := x.Elems[0].Elems[1].Elems[0]
	fields, _ := entry.Elems[1].Strings()
	return append(events, x.Elems[0].Elems[0].Str+" "+strings.Join(fields, " ")), nil
}

func TestBlockingParksOnlyItsTask(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 1})
	got, err := rt.Run(blpopParksAsync(cl))
	require.NoError(t, err)
	assert.Equal(t, []string{"INCR ran while BLPOP blocked", "done before the pushes: false false", "queue job", "stream f v"}, got)
	assert.Equal(t, 3, cl.Dials(), "BLPOP and XREADGROUP had connections of their own")
}

// largeArray pushes n integers and reads them back in one LRANGE, a
// reply of megabytes that arrives in many reads.
//
// async
func largeArray(cl *aredis.Client, n int) ([]string, error) {
	p := cl.Pipeline()
	for i := range n {
		p.Add("RPUSH", "big", i)
	}
	if _, err := p.Exec(); err != nil {
		return nil, err
	}
	return cl.Strings("LRANGE", "big", 0, -1)
}

func TestLargeArray(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket()})
	const n = 200000
	got, err := rt.Run(largeArrayAsync(cl, n))
	require.NoError(t, err)
	require.Len(t, got, n)
	for i, s := range got {
		if s != strconv.Itoa(i) {
			t.Fatalf("element %d is %q", i, s)
		}
	}
}

// waitForSlot holds the pool's only connection with DEBUG SLEEP while
// another command waits for it and is cancelled by rt.WaitFor: the
// cancelled waiter does not take the slot with it.
//
// async
func waitForSlot(cl *aredis.Client) ([]string, error) {
	var out []string
	holder := rt.Spawn(cl.DoAsync("DEBUG", "SLEEP", "0.2"))
	rt.Sleep(20 * time.Millisecond)
	_, err := rt.Await(rt.WaitFor(cl.StringAsync("PING"), 20*time.Millisecond))
	out = append(out, fmt.Sprint("cancelled wait: ", err))
	if _, err := rt.Await(holder); err != nil {
		return out, err
	}
	s, err := cl.String("PING")
	return append(out, s), err
}

func TestCancelledWaitForConnection(t *testing.T) {
	srv := redistest.Start(t, "--enable-debug-command", "yes")
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 1})
	got, err := rt.Run(waitForSlotAsync(cl))
	require.NoError(t, err)
	assert.Equal(t, []string{"cancelled wait: rt: timeout", "PONG"}, got)
	assert.Equal(t, 1, cl.Dials(), "the waiter never had the connection")
}

// TestLoopsShareClient runs one client from four loops at once, each on
// its own goroutine: each loop has its own pool.
func TestLoopsShareClient(t *testing.T) {
	srv := redistest.Start(t)
	cl := aredis.New(aredis.Options{Addr: srv.Socket(), PoolSize: 2})
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			_, err := rt.Run(incrsAsync(cl, 50))
			errs <- err
		}()
	}
	for range 4 {
		require.NoError(t, <-errs)
	}
	n, err := cl.Int("GET", "c")
	require.NoError(t, err)
	assert.Equal(t, int64(200), n)
	// Each loop dials one or two connections (a second one only if a task
	// wants a connection while the first is busy: when the server answers
	// before the loop looks again, the first comes back idle), and the GET
	// from ordinary code one more; one pool shared by the loops would dial
	// at most its two.
	dials := cl.Dials()
	assert.GreaterOrEqual(t, dials, 4*1+1, "at least one connection per loop: each loop has its own pool")
	assert.LessOrEqual(t, dials, 4*2+1, "at most two per loop (PoolSize), and one for the GET from ordinary code")
}
