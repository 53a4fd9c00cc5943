package rt

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// Group is a set of event loops, one per core by default, each on its own
// goroutine (thread-per-core, as Seastar and Glommio run): RunGroup starts
// it, runs a main coroutine on loop 0 and stops every loop when main
// returns. A task is placed on a loop when it starts and never migrates;
// Submit and Post start a coroutine on a chosen loop (Loop, Next,
// LeastLoaded, ForKey), Remote awaits its outcome from another loop, and
// Mailbox carries values from any loop or goroutine to one loop. See the
// package doc, "Loop groups".
//
// The methods of a Group may be called from any goroutine.
type Group struct {
	loops   []*Loop
	members []*groupMember
	rr      atomic.Uint64 // Next's counter

	stopOnce sync.Once
	mu       sync.Mutex
	crash    error // the first loop failure (a panic outside any task)
	main     *Coro // the main task, on loop 0
	wg       sync.WaitGroup
}

// groupMember is what a loop of a group knows of it.
type groupMember struct {
	g     *Group
	index int
	// load is the loop's number of live tasks, kept by link and unlink
	// for LeastLoaded.
	load atomic.Int64
	// gate orders Submit against the loop's exit: a coroutine submitted
	// while exited is false reaches the loop's inbox before the loop
	// drains it for the last time; after that Submit fails at once.
	gate   sync.Mutex
	exited bool
	// stopping is set, on the loop, when the group asks it to stop.
	stopping bool
}

// GroupOption configures RunGroup: Loops, LockOSThread, CancelOn,
// WithLoopOptions.
type GroupOption func(*groupConfig)

type groupConfig struct {
	n        int
	lock     bool
	signals  []os.Signal
	loopOpts []LoopOption
	perLoop  func(i int) []LoopOption
}

// Loops sets the number of loops of the group (default GOMAXPROCS, one
// per core the Go scheduler uses). n < 1 means the default.
func Loops(n int) GroupOption { return func(c *groupConfig) { c.n = n } }

// LockOSThread locks each loop's goroutine to its own OS thread for the
// group's lifetime (loop 0 runs on the goroutine that called RunGroup).
// The Go scheduler then never moves a loop between threads: useful with
// thread-local C libraries or CPU pinning done by the program.
func LockOSThread() GroupOption { return func(c *groupConfig) { c.lock = true } }

// CancelOn cancels the main task when the process receives one of sigs
// (os.Interrupt for Ctrl-C): main unwinds, running its deferred calls,
// then every loop's tasks are cancelled and unwind too, and RunGroup
// returns ErrCanceled. Only the first signal is caught: a second one
// (while a cleanup hangs) is handled as Go does by default, ending the
// program. Run has CancelOnSignal.
func CancelOn(sigs ...os.Signal) GroupOption {
	return func(c *groupConfig) { c.signals = append(c.signals, sigs...) }
}

// WithLoopOptions applies opts (Debug, VirtualTime, ExceptionHandler, ...)
// to every loop of the group. perLoop, when given, returns more options
// for loop i, applied after opts.
func WithLoopOptions(opts []LoopOption, perLoop func(i int) []LoopOption) GroupOption {
	return func(c *groupConfig) {
		c.loopOpts = append(c.loopOpts, opts...)
		c.perLoop = perLoop
	}
}

// RunGroup starts a group of loops, runs main as the main task of loop 0
// on the calling goroutine, and returns its outcome once it is done, as
// Run does for one loop. Loops 1..N-1 run on goroutines of their own and
// wait for work (Submit, Post, Mailbox, their own tasks).
//
// When main finishes (or is cancelled by CancelOn), every loop cancels its
// tasks, which unwind on their own loops (their deferred calls run and may
// await, across loops too), then the loops close and RunGroup returns.
// The first failure of the group is returned: main's error, or a panic
// that escaped a loop outside any task (a callback), which also cancels
// main. Failures of tasks nobody awaited go to each loop's
// ExceptionHandler, as in Run. When main waits and nothing can wake it,
// RunGroup returns a *DeadlockError with the dump of every loop.
func RunGroup[T any](main Awaitable[T], opts ...GroupOption) (T, error) {
	cfg := groupConfig{}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.n < 1 {
		cfg.n = runtime.GOMAXPROCS(0)
	}
	g := newGroup(cfg)
	if cfg.lock {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
	}
	if len(cfg.signals) > 0 {
		ch := make(chan os.Signal, 1)
		done := make(chan struct{})
		signal.Notify(ch, cfg.signals...)
		go func() {
			select {
			case <-ch:
				signal.Stop(ch) // a second signal acts as without the option
				g.cancelMain()
			case <-done:
			}
		}()
		defer func() {
			signal.Stop(ch)
			close(done)
		}()
	}
	for i := 1; i < len(g.loops); i++ {
		g.wg.Add(1)
		go g.serve(i, cfg.lock)
	}

	l := g.loops[0].l
	release := l.claim()
	t := newTask(main, "")
	t.set(flagObserved)
	t.start(l)
	g.mu.Lock()
	g.main = &t.Coro
	crashed := g.crash != nil
	g.mu.Unlock()
	if crashed {
		t.Cancel()
	}
	t.waiters.add(l, stopper{l})
	l.stopped = false
	var deadlock error
	for !l.stopped {
		if !g.turn(0) {
			deadlock = g.deadlock()
			break
		}
	}
	g.stop()
	g.members[0].shutdown(g, l)
	release()
	g.wg.Wait()
	l.close()

	v, err := t.Result()
	if deadlock != nil {
		var zero T
		v, err = zero, deadlock
	}
	g.mu.Lock()
	crash := g.crash
	g.mu.Unlock()
	if crash != nil && (err == nil || err == ErrCanceled) {
		err = crash
	}
	return v, err
}

func newGroup(cfg groupConfig) *Group {
	g := &Group{}
	for i := 0; i < cfg.n; i++ {
		opts := cfg.loopOpts
		if cfg.perLoop != nil {
			opts = append(append([]LoopOption(nil), opts...), cfg.perLoop(i)...)
		}
		l := newLoop(opts...)
		m := &groupMember{g: g, index: i}
		l.member = m
		g.loops = append(g.loops, &Loop{l})
		g.members = append(g.members, m)
	}
	return g
}

// serve runs loop i on the current goroutine until the group stops.
func (g *Group) serve(i int, lock bool) {
	defer g.wg.Done()
	if lock {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
	}
	l, m := g.loops[i].l, g.members[i]
	defer l.claim()()
	for !m.stopping {
		if !g.turn(i) {
			l.block(-1) // nothing to do but wait for the inbox
		}
	}
	m.shutdown(g, l)
	l.close()
}

// turn runs one iteration of loop i; a panic that escapes it (a callback's,
// not a task's) is the group's failure: it is recorded, the main task is
// cancelled, and the loop goes on.
func (g *Group) turn(i int) (more bool) {
	defer func() {
		if v := recover(); v != nil {
			more = true
			g.fail(fmt.Errorf("rt: loop %d/%d: panic outside any task: %v", i, len(g.loops), v))
		}
	}()
	return g.loops[i].l.runOnce()
}

// fail records the group's first failure and cancels the main task.
func (g *Group) fail(err error) {
	g.mu.Lock()
	first := g.crash == nil
	if first {
		g.crash = err
	}
	g.mu.Unlock()
	if first {
		g.cancelMain()
	}
}

// cancelMain cancels the main task, on loop 0.
func (g *Group) cancelMain() {
	g.loops[0].l.inbox.post(func() {
		g.mu.Lock()
		c := g.main
		g.mu.Unlock()
		if c != nil {
			c.Cancel()
		}
	}, false)
}

// stop asks loops 1..N-1 to stop: each then cancels its tasks.
func (g *Group) stop() {
	g.stopOnce.Do(func() {
		for i := 1; i < len(g.loops); i++ {
			m := g.members[i]
			g.loops[i].l.inbox.post(func() { m.stopping = true }, false)
		}
	})
}

// shutdown cancels the loop's tasks and runs the loop until they have
// unwound, serving its inbox meanwhile (a task of another loop may be
// unwinding through a remote task of this one). Once it has no task and
// nothing posted, it refuses further submissions, and runs what was
// submitted before that: those tasks start cancelled, so they end at once.
func (m *groupMember) shutdown(g *Group, l *loop) {
	for {
		m.cancelAll(g, l)
		m.gate.Lock()
		if l.inbox.waiting() {
			m.gate.Unlock()
			g.turn(m.index)
			continue
		}
		m.exited = true
		m.gate.Unlock()
		break
	}
	for l.inbox.waiting() || l.ready.len() > 0 {
		g.turn(m.index)
		for c := l.head; c != nil; c = c.next {
			c.Cancel()
		}
	}
}

// cancelAll is loop.cancelAll with the group's turn (a panic outside a
// task fails the group instead of killing the loop's goroutine).
func (m *groupMember) cancelAll(g *Group, l *loop) {
	for l.head != nil {
		var live []*Coro
		for c := l.head; c != nil; c = c.next {
			live = append(live, c)
		}
		for _, c := range live {
			c.Cancel()
		}
		for l.head != nil {
			if !g.turn(m.index) {
				return // nothing can wake what is left
			}
		}
	}
}

// index returns the loop's index in its group, 0 for a loop on its own.
func (l *loop) groupIndex() int {
	if l.member == nil {
		return 0
	}
	return l.member.index
}

// Len returns the number of loops of the group.
func (g *Group) Len() int { return len(g.loops) }

// Loop returns loop i of the group (0 <= i < Len); loop 0 runs main.
func (g *Group) Loop(i int) *Loop { return g.loops[i] }

// Loops returns the group's loops, in index order.
func (g *Group) Loops() []*Loop { return append([]*Loop(nil), g.loops...) }

// Next returns the loops one after another, round robin, from loop 0:
// successive calls, from any goroutine, spread work evenly.
func (g *Group) Next() *Loop {
	return g.loops[(g.rr.Add(1)-1)%uint64(len(g.loops))]
}

// LeastLoaded returns the loop with the fewest live tasks, counting
// coroutines submitted to it and not started yet; ties go to the lowest
// index. The counts are read without stopping the loops, so they may be a
// moment old.
func (g *Group) LeastLoaded() *Loop {
	best, bestLoad := 0, int64(-1)
	for i, m := range g.members {
		n := m.load.Load() + g.loops[i].l.inbox.queued.Load()
		if bestLoad < 0 || n < bestLoad {
			best, bestLoad = i, n
		}
	}
	return g.loops[best]
}

// ForKey returns the loop that owns key: the same key always gives the
// same loop of a group of a given size (FNV-1a of the key, modulo Len).
// Sharding by key keeps each key's state on one loop, where its tasks
// touch it between awaits without a lock.
func (g *Group) ForKey(key string) *Loop {
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	return g.ForHash(h)
}

// ForHash returns the loop that owns a key whose hash is h (h modulo
// Len), for keys that are not strings.
func (g *Group) ForHash(h uint64) *Loop { return g.loops[h%uint64(len(g.loops))] }

// Loads returns each loop's number of live tasks, as LeastLoaded sees
// them: a cheap view of the group's balance, from any goroutine.
func (g *Group) Loads() []int {
	out := make([]int, len(g.members))
	for i, m := range g.members {
		out[i] = int(m.load.Load())
	}
	return out
}

// Index returns the loop's index in its group (0 for a loop that is not
// in a group).
func (lp *Loop) Index() int { return lp.l.groupIndex() }

// Group returns the group the loop belongs to, or nil.
func (lp *Loop) Group() *Group {
	if lp.l.member == nil {
		return nil
	}
	return lp.l.member.g
}

// String names the loop as "loop i/N" in a group, "loop" otherwise.
func (lp *Loop) String() string { return lp.l.label() }

func (l *loop) label() string {
	if l.member == nil {
		return "loop"
	}
	return fmt.Sprintf("loop %d/%d", l.member.index, len(l.member.g.loops))
}

// CurrentGroup returns the group of the loop running the current task, or
// nil when that loop is on its own. Called from ordinary code it returns
// nil.
//
// CurrentGroup is async: inside an //async function the generator awaits
// CurrentGroupAsync.
func CurrentGroup() *Group { return nil }

// CurrentGroupAsync is the companion of CurrentGroup.
func CurrentGroupAsync() Awaitable[*Group] { return &currentGroupOp{} }

type currentGroupOp struct{ g *Group }

func (o *currentGroupOp) AwaitStart(c *Coro) Status {
	if m := c.loop.member; m != nil {
		o.g = m.g
	}
	return Ready
}
func (o *currentGroupOp) AwaitResult() (*Group, error) { return o.g, nil }

// LoopIndex returns the index, in its group, of the loop running the
// current task (0 for a loop on its own). Called from ordinary code it
// returns -1.
//
// LoopIndex is async: inside an //async function the generator awaits
// LoopIndexAsync.
func LoopIndex() int { return -1 }

// LoopIndexAsync is the companion of LoopIndex.
func LoopIndexAsync() Awaitable[int] { return &loopIndexOp{} }

type loopIndexOp struct{ i int }

func (o *loopIndexOp) AwaitStart(c *Coro) Status { o.i = c.loop.groupIndex(); return Ready }
func (o *loopIndexOp) AwaitResult() (int, error) { return o.i, nil }

// wrongLoop panics: what of loop owner was used from loop user. Loop-local
// values (tasks, futures, queues, locks, FDs) must be used only by the
// tasks of their own loop; across loops use Submit, Remote and Mailbox.
func wrongLoop(what string, owner, user *loop) {
	panic(fmt.Sprintf("rt: %s belongs to %s and was used from %s: loop-local values are used only on their own loop (use rt.Submit, a Remote or a Mailbox to cross loops)", what, owner.label(), user.label()))
}

// claim makes the calling goroutine the loop's owner in debug mode, until
// the returned function is called.
func (l *loop) claim() func() {
	if l.slow == 0 {
		return func() {}
	}
	prev := l.ownerGID
	l.ownerGID = goid()
	return func() { l.ownerGID = prev }
}

// checkOwner panics when the loop is being changed from a goroutine
// other than its own (debug mode): a future set, an event set, a task
// cancelled or woken by code that runs on another loop or goroutine.
func (l *loop) checkOwner() {
	if id := goid(); id != l.ownerGID {
		panic(fmt.Sprintf("rt: %s was changed from goroutine %d, not its own (%d): a loop-local value (a task, future, queue, lock, event) was used from another loop or goroutine; cross loops with rt.Submit, a Remote or a Mailbox, and goroutines with Loop.CallSoonThreadSafe", l.label(), id, l.ownerGID))
	}
}

// goid returns the current goroutine's id, read from its stack header
// ("goroutine 18 [running]:"). It is slow; debug mode only.
func goid() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = b[len("goroutine "):]
	var id uint64
	for _, ch := range b {
		if ch < '0' || ch > '9' {
			break
		}
		id = id*10 + uint64(ch-'0')
	}
	return id
}

// group is Dump on a loop of a group: each loop writes its own tasks, on
// its own goroutine, under a "loop i/N:" line, and the output comes in
// loop order once every loop has answered. A loop that has stopped says
// so.
func (o *dumpOp) group(c *Coro) Status {
	own := c.loop
	g := own.member.g
	d := &groupDump{o: o, c: c, bufs: make([]strings.Builder, len(g.loops)), left: len(g.loops)}
	for i, lp := range g.loops {
		l := lp.l
		if l == own {
			dumpLoop(&d.bufs[i], l, c)
			d.left--
			continue
		}
		own.inbox.promise()
		posted := postTask(l, callback(func() {
			dumpLoop(&d.bufs[i], l, nil)
			own.inbox.post(d.answer, true)
		}))
		if !posted {
			d.bufs[i].WriteString("(stopped)\n")
			own.inbox.post(d.answer, true)
		}
	}
	if d.left == 0 {
		d.write()
		return Ready
	}
	c.parked = d
	return Suspended
}

// groupDump collects the answers of a group's loops for Dump.
type groupDump struct {
	o    *dumpOp
	c    *Coro // the dumping task, nil once it was cancelled
	bufs []strings.Builder
	left int
}

// answer runs on the dumping task's loop, once per other loop.
func (d *groupDump) answer() {
	d.left--
	if d.left > 0 || d.c == nil {
		return
	}
	d.write()
	c := d.c
	c.parked = nil
	c.run()
}

func (d *groupDump) write() { writeGroupDump(d.o.w, d.bufs) }

// writeGroupDump writes the dumps of a group's loops, one section each.
func writeGroupDump(w io.Writer, bufs []strings.Builder) {
	for i := range bufs {
		fmt.Fprintf(w, "loop %d/%d:\n", i, len(bufs))
		for _, line := range strings.SplitAfter(bufs[i].String(), "\n") {
			if line != "" {
				io.WriteString(w, "  "+line)
			}
		}
	}
}

// deadlock returns the DeadlockError of the group's main loop (loop 0),
// called on its goroutine when it has nothing runnable: its task dump is
// that of every loop, as Dump writes it in a group. The other loops still
// run; each dumps its own tasks on its own goroutine.
func (g *Group) deadlock() error {
	bufs := make([]strings.Builder, len(g.loops))
	dumpLoop(&bufs[0], g.loops[0].l, nil)
	done := make(chan struct{}, len(g.loops))
	want := 0
	for i := 1; i < len(g.loops); i++ {
		l, b := g.loops[i].l, &bufs[i]
		if postTask(l, callback(func() { dumpLoop(b, l, nil); done <- struct{}{} })) {
			want++
		} else {
			b.WriteString("(stopped)\n")
		}
	}
	for ; want > 0; want-- {
		<-done
	}
	var b strings.Builder
	writeGroupDump(&b, bufs)
	return &DeadlockError{Tasks: b.String()}
}

func (d *groupDump) cancelWait(*Coro) { d.c = nil }
