// Package a exercises every check of the asyncgen analyzer.
package a

import (
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/asyncgen/asyncgen/rt"
)

// fetch returns the length of url.
//
// async
func fetch(url string) (int, error) {
	rt.Sleep(time.Millisecond)
	return len(url), nil
}

// async
func ping() error { return nil }

// tick yields one turn.
//
// async
func tick() { rt.Sleep(0) }

// fresh is marked but not generated yet: it is async all the same.
//
// async
func fresh() {}

// Load is async and exported, for package b.
//
// async
func Load(key string) (string, error) { return key, nil }

// pick is a generic async function.
//
// async
func pick[T any](x T) T { return x }

// Store has an async method.
type Store struct{}

// Get returns the value of k.
//
// async
func (s *Store) Get(k string) (string, error) { return k, nil }

// Plain has an async-looking name but no companion: not async.
func Plain() {}

func use(aw rt.Awaitable[int]) {}

// Natural calls, rt.Await and go statements in ordinary code.
func ordinary(s *Store) {
	fetch("x") // want `call of async function fetch from ordinary code runs it as blocking plain Go: use rt\.Run\(fetchAsync\(\.\.\.\)\) or mark the caller //async`
	n, err := rt.Run(fetchAsync("x"))
	_, _ = n, err
	rt.Await(tickAsync()) // want `rt\.Await outside an async function: mark the enclosing function //async, or use rt\.Run`
	rt.Sleep(time.Second) // want `call of async function rt\.Sleep from ordinary code runs it as blocking plain Go: use rt\.Run\(rt\.SleepAsync\(\.\.\.\)\)`
	rt.Spawn(tickAsync()) // want `rt\.Spawn from ordinary code panics, since no loop runs there: start a loop with rt\.Run`
	go tick()             // want `go statement launches async function tick: use rt\.Spawn\(tickAsync\(\.\.\.\)\)`
	fresh()               // want `call of async function fresh from ordinary code`
	s.Get("k")            // want `call of async method s\.Get from ordinary code runs it as blocking plain Go: use rt\.Run\(s\.GetAsync\(\.\.\.\)\)`
	_ = pick[int](1)      // want `call of async function pick from ordinary code runs it as blocking plain Go: use rt\.Run\(pickAsync\[int\]\(\.\.\.\)\)`
	later := func() {
		tick() // want `call of async function tick from ordinary code`
	}
	later()
	Plain()
	_ = rt.Now // a function value, not a call
}

// Coroutines made and dropped.
func dropped(s *Store) {
	fetchAsync("x")                                    // want `coroutine fetchAsync\(\.\.\.\) is never awaited, so it never runs: await it with rt\.Await, start it with rt\.Spawn or rt\.Run, or pass it to rt\.Gather`
	_ = pingAsync()                                    // want `coroutine pingAsync\(\.\.\.\) is never awaited`
	s.GetAsync("k")                                    // want `coroutine s\.GetAsync\(\.\.\.\) is never awaited`
	rt.Gather(tickAsync())                             // want `coroutine rt\.Gather\(\.\.\.\) is never awaited`
	rt.Gather2(tickAsync(), pingAsync())               // want `coroutine rt\.Gather2\(\.\.\.\) is never awaited`
	go tickAsync()                                     // want `coroutine tickAsync\(\.\.\.\) is never awaited`
	defer pingAsync()                                  // want `coroutine pingAsync\(\.\.\.\) is never awaited`
	rt.SleepAsync(0)                                   // want `coroutine rt\.SleepAsync\(\.\.\.\) is never awaited`
	_ = rt.Func(func() (int, error) { return 1, nil }) // want `coroutine rt\.Func\(\.\.\.\) is never awaited`

	// Stored, passed, run, spawned: fine.
	aw := fetchAsync("y")
	jobs := []rt.Awaitable[int]{fetchAsync("z")}
	use(fetchAsync("w"))
	_, _ = rt.Run(aw)
	_ = jobs
}

var _ = fetchAsync("pkg") // want `coroutine fetchAsync\(\.\.\.\) is never awaited`

var size, _ = fetch("pkg") // want `call of async function fetch from ordinary code`

// Errors of await points thrown away, and go statements, in async code.
//
// async
func worker(s *Store) error {
	fetch("a")                   // want `error returned by async function fetch is discarded: check it, or assign it to _ to drop it on purpose`
	ping()                       // want `error returned by async function ping is discarded`
	s.Get("k")                   // want `error returned by async function s\.Get is discarded`
	rt.Await(pingAsync())        // want `result of rt\.Await is discarded with its error, so a failed or panicked coroutine goes unnoticed: check the error, or assign the results to _`
	fetchAsync("b")              // want `coroutine fetchAsync\(\.\.\.\) is never awaited`
	go tick()                    // want `go statement launches async function tick`
	_, _ = fetch("c")            // dropped on purpose
	_, _ = rt.Await(pingAsync()) // dropped on purpose
	tick()                       // no error to drop
	rt.Sleep(0)
	t := rt.Spawn(fetchAsync("d")) // a task, kept
	rt.Spawn(tickAsync())          // fire and forget: the task still runs
	if _, err := rt.Await(t); err != nil {
		return err
	}
	n, err := fetch("e")
	if err != nil {
		return err
	}
	_ = n
	fresh()
	return ping()
}

type guarded struct{ sync.Mutex }

// Blocking operations in async code.
//
// async
func blocking(ch chan int, mu *sync.Mutex, rw *sync.RWMutex, wg *sync.WaitGroup, cond *sync.Cond, g *guarded, f *os.File, conn net.Conn, tcp *net.TCPConn, buf []byte) {
	time.Sleep(time.Millisecond) // want `time\.Sleep in an async function blocks the event loop: use rt\.Sleep, which suspends only this task`
	ch <- 1                      // want `channel send in an async function blocks the event loop: pass a value between tasks with an rt\.Future \(rt\.NewFuture\); rt has no async queue yet`
	<-ch                         // want `channel receive in an async function blocks the event loop`
	for range ch {               // want `range over a channel in an async function blocks the event loop`
	}
	select { // want `select without default in an async function blocks the event loop`
	case v := <-ch:
		_ = v
	case ch <- 2:
		<-ch // want `channel receive in an async function`
	}
	select {
	case <-ch:
	default:
	}
	mu.Lock() // want `sync\.Mutex\.Lock in an async function blocks the event loop: code between two awaits already runs atomically, so it needs no lock; rt has no async lock yet to hold across an await`
	mu.Unlock()
	g.Lock()                          // want `sync\.Mutex\.Lock in an async function`
	rw.RLock()                        // want `sync\.RWMutex\.RLock in an async function`
	cond.Wait()                       // want `sync\.Cond\.Wait in an async function blocks the event loop: rt has no async condition variable yet`
	wg.Wait()                         // want `sync\.WaitGroup\.Wait in an async function blocks the event loop: spawn the tasks with rt\.Spawn and wait for them with rt\.Await\(rt\.Gather\(\.\.\.\)\)`
	http.Get("http://example.com")    // want `http\.Get \(blocking I/O\) in an async function blocks the event loop: rt has no rt\.ToThread yet`
	net.Dial("tcp", "example.com:80") // want `net\.Dial \(blocking I/O\)`
	f.Read(buf)                       // want `os\.File\.Read \(blocking I/O\)`
	conn.Read(buf)                    // want `net\.Conn\.Read \(blocking I/O\)`
	tcp.Write(buf)                    // want `net\.TCPConn\.Write \(blocking I/O\)`
	os.ReadFile("x")                  // want `os\.ReadFile \(blocking I/O\)`
	rt.Sleep(time.Millisecond)        // the async sleep
	go func() {
		time.Sleep(time.Millisecond) // a literal may run anywhere: not reported
		ch <- 3
	}()
}

// Blocking operations in ordinary code are fine.
func plainBlocking(ch chan int, mu *sync.Mutex) {
	time.Sleep(time.Millisecond)
	ch <- 1
	mu.Lock()
}

// What the generator rejects in an async function.
//
// async
func inLiteral() {
	f := func() {
		tick() // want `await of tick inside a function literal, which cannot suspend its async function: move the call out of the literal, or make the literal an async closure`
	}
	f()
	defer func() {
		tick() // want `await of tick inside a deferred function literal, which cannot suspend its async function: defer an async closure instead`
	}()
	// An async closure may await, and what it does blocks like async code.
	_, _ = rt.Await(rt.Func(func() (int, error) {
		tick()
		time.Sleep(time.Millisecond) // want `time.Sleep in an async function blocks the event loop`
		return 0, nil
	}))
}

// async
func nine() (a, b, c, d, e, f, g, h, i int) { return } // want `async function nine returns 9 values, and the rt.TupleN its companion yields carries at most 8: group some of them in a struct`

// The body of an async closure is async code: its mistakes are reported as
// in the function around it; a plain literal's are not.
//
// async
func closureMistakes() {
	_, _ = rt.Await(rt.Func(func() (int, error) {
		pingAsync() // want `coroutine pingAsync\(\.\.\.\) is never awaited`
		fetch("x")  // want `error returned by async function fetch is discarded`
		return 0, nil
	}))
	func() {
		pingAsync() // want `coroutine pingAsync\(\.\.\.\) is never awaited`
	}()
}
