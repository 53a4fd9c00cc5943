// Package aredis is a Redis client on rt's loop: commands wait on the
// poller (through rt/anet) instead of blocking a goroutine, so a loop runs
// thousands of tasks that talk to Redis on a few connections. It knows
// the wire protocol (RESP2 and RESP3) and nothing of what is stored.
//
//	cl := aredis.New(aredis.Options{Addr: "/run/redis/redis.sock"})
//
//	//async
//	func visit(cl *aredis.Client, page string) (int64, error) {
//		return cl.Int("INCR", "visits:"+page)
//	}
//
// # Commands and replies
//
// Client.Do sends a command (its name and arguments: strings, []byte,
// integers, float64, bool, fmt.Stringers) and returns the reply as a
// Value, whose Kind says which of the protocol's types it is; Text,
// Int64 and Strings read it as Go values, and Client.String, Int and
// Strings do both in one call. A null reply (GET of a missing key) is
// Kind Null, and ErrNil from the typed helpers.
//
// An error reply of the server is returned as a *RedisError holding the
// server's message (errors.As; Code is its first word, such as WRONGTYPE
// or NOSCRIPT). It leaves the connection usable. Everything else that
// fails (the connection, a timeout, an invalid reply: a *ProtocolError
// with the offending byte's offset) closes the connection.
//
// Client.Pipeline collects commands that are written in one go and whose
// replies are read in one go: one round trip for all. Each command's
// error reply is a Value of kind Error in the results.
//
// Script runs Lua by its SHA1 with EVALSHA and sends the source with EVAL
// only when the server answers NOSCRIPT (the first time, after a restart
// or a SCRIPT FLUSH).
//
// # RESP3
//
// Options.Protocol 3 makes each connection say HELLO 3 (with AUTH when a
// password is set); replies then have RESP3's types: maps, sets, doubles,
// booleans, big numbers, verbatim strings, nulls. Attributes are skipped
// (the Value is the reply they describe) and push messages, which a
// client that does not subscribe or track receives only by accident, are
// dropped when they come before a reply; one that arrives while the
// connection is idle in the pool makes the pool close that connection
// rather than read it. Streamed strings and aggregates (a length of "?") are reported
// as invalid: Redis does not send them.
//
// The parser is this package's own: it works on the connection's read
// buffer, tells an incomplete reply (wait for more bytes) from an invalid
// one (fail now, at a byte offset), allocates nothing until a reply is
// complete and then one slice for it, with strings that point into it.
// FuzzReply checks it against arbitrary input.
//
// # What a reply costs
//
// A Value is 48 bytes: a kind, a string and the elements; integers,
// doubles and booleans are kept as the text the server sent (it is in
// the reply's bytes already), read with Int, Float and Bool. A reply is
// one copy of its bytes, which its strings share (a large reply
// that fills the connection's read buffer is handed over, not copied),
// and, when it has aggregates, one backing array for all their Values,
// however deeply they nest: a string reply allocates nothing to parse,
// XREADGROUP's reply of 256 entries one array of 1,283 Values (64 KB;
// 515 allocations of 104 KB when each aggregate had its own and a Value
// was 80 bytes). The replies of a pipeline that are already read ahead
// when their turn comes (after the first, most of them) are parsed
// without a coroutine, those found at once into one copy and one array:
// a pipelined GET, SET or HMGET reply costs no allocation of its own
// (from 3 or 4). Keeping any part of a reply, or of a pipeline's replies
// read together, keeps all of it. A command of its own costs about 16
// allocations, mostly coroutine frames. TestParseAllocs and
// TestReplyAllocs measure and guard these figures.
//
// # Connections
//
// A Client may be shared by loops and goroutines. Each loop has a pool of
// its own of at most Options.PoolSize connections for ordinary commands
// (a task past it waits, parking only itself) and keeps as many idle; a
// connection the server closed while it was idle is found and dropped
// before it is used, so after a server restart the next command
// reconnects. Unix sockets ("unix", or an Addr that starts with '/') and
// TCP are supported. On connect a connection says HELLO, AUTH, CLIENT
// SETNAME and SELECT as the Options ask, in one round trip, within
// DialTimeout.
//
// Called from ordinary code (no loop), Do and the helpers block the
// calling goroutine and use a connection of their own for each call.
//
// # Blocking commands
//
// BLPOP, BRPOP, BLMOVE, BLMPOP, BRPOPLPUSH, BZPOPMIN, BZPOPMAX, BZMPOP,
// WAIT, WAITAOF, and XREAD and XREADGROUP with BLOCK park only the
// calling task, on a connection that is not counted in the pool for the
// duration (an idle one or a new one, kept afterwards if the pool has
// room), so that tasks blocked in them never starve the others.
// CommandTimeout does not bound them: the server's own timeout argument
// does, or rt.WaitFor, whose cancellation closes the connection.
//
// # Timeouts and cancellation
//
// CommandTimeout bounds a command: the wait for a connection, connecting
// when the pool has no idle one, writing the command and reading its
// reply; past it the command fails with an error that wraps
// os.ErrDeadlineExceeded. A command whose task is cancelled (Task.Cancel,
// rt.WaitFor, a failing task group) unwinds at once. Either way a
// connection that may hold the rest of a reply, or half a command, is
// closed and never reused: the next command on the pool reads its own
// reply, not the end of another's. Whether the server ran a command that
// timed out or was cancelled is not known.
//
// # Not supported
//
// Pub/sub (SUBSCRIBE and the push messages it brings), client-side
// caching, MULTI/EXEC across pool connections (send MULTI ... EXEC in one
// Pipeline instead: a pipeline runs on one connection), Redis Cluster and
// Sentinel, TLS.
package aredis
