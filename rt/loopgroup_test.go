package rt_test

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgen/asyncgen/rt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// whereAmI returns "i/N" for the loop that runs it.
//
// async
func whereAmI() (string, error) {
	g := rt.CurrentGroup()
	if g == nil {
		return "", errors.New("no group")
	}
	i := rt.LoopIndex()
	if rt.CurrentLoop().Index() != i {
		return "", errors.New("Loop.Index and LoopIndex differ")
	}
	return fmt.Sprintf("%d/%d", i, g.Len()), nil
}

// awaitAll awaits the remotes in order.
//
// async
func awaitAll[T any](rs []*rt.Remote[T]) ([]T, error) {
	out := make([]T, len(rs))
	for i, r := range rs {
		v, err := rt.Await[T](r)
		if err != nil {
			return out, err
		}
		out[i] = v
	}
	return out, nil
}

// identities submits whereAmI to every loop, then with Next, 2N times.
//
// async
func identities() ([]string, error) {
	g := rt.CurrentGroup()
	me, err := whereAmI()
	if err != nil {
		return nil, err
	}
	var rs []*rt.Remote[string]
	for i := 0; i < g.Len(); i++ {
		rs = append(rs, rt.Submit(g.Loop(i), whereAmIAsync()))
	}
	for i := 0; i < 2*g.Len(); i++ {
		rs = append(rs, rt.Submit(g.Next(), whereAmIAsync()))
	}
	got, err := awaitAll(rs)
	return append([]string{me}, got...), err
}

func TestGroupIdentityAndRoundRobin(t *testing.T) {
	got, err := rt.RunGroup(identitiesAsync(), rt.Loops(3))
	require.NoError(t, err)
	assert.Equal(t, []string{"0/3", "0/3", "1/3", "2/3", "0/3", "1/3", "2/3", "0/3", "1/3", "2/3"}, got)

	// Ordinary code has no loop.
	assert.Nil(t, rt.CurrentGroup())
	assert.Equal(t, -1, rt.LoopIndex())
}

func TestGroupDefaultSize(t *testing.T) {
	n, err := rt.RunGroup(rt.Func(func() (int, error) { return 0, nil }))
	require.NoError(t, err)
	assert.Equal(t, 0, n)
	got, err := rt.RunGroup(whereAmIAsync(), rt.LockOSThread())
	require.NoError(t, err)
	assert.Regexp(t, `^0/\d+$`, got)
}

// keyOwner returns the index of the loop that ran it.
//
// async
func keyOwner() (int, error) { return rt.LoopIndex(), nil }

// shardKeys submits keyOwner to the loop of each key, twice.
//
// async
func shardKeys(keys []string) (map[string][]int, error) {
	g := rt.CurrentGroup()
	out := map[string][]int{}
	for round := 0; round < 2; round++ {
		for _, k := range keys {
			i, err := rt.Await[int](rt.Submit(g.ForKey(k), keyOwnerAsync()))
			if err != nil {
				return nil, err
			}
			out[k] = append(out[k], i)
		}
	}
	return out, nil
}

func TestGroupForKey(t *testing.T) {
	var keys []string
	for i := 0; i < 64; i++ {
		keys = append(keys, fmt.Sprintf("user-%d", i))
	}
	got, err := rt.RunGroup(shardKeysAsync(keys), rt.Loops(4))
	require.NoError(t, err)
	used := map[int]int{}
	for _, k := range keys {
		require.Len(t, got[k], 2)
		assert.Equal(t, got[k][0], got[k][1], "key %s moved between loops", k)
		used[got[k][0]]++
	}
	assert.Len(t, used, 4, "64 keys should reach all 4 loops: %v", used)
}

// parkOn parks a task forever on the loop that runs it, after telling
// started; done counts its deferred call.
//
// async
func parkOn(started *rt.Mailbox[int], done *atomic.Int64) error {
	defer done.Add(int64(1)) // int64(...): the generator types an untyped constant deferred argument as int (reported)
	started.Send(rt.LoopIndex())
	rt.Sleep(time.Hour)
	return nil
}

// leastLoaded parks 3 tasks on loop 0 and 2 on loop 1, then asks which
// loop is the least loaded, three times, parking a task there each time.
//
// async
func leastLoaded(done *atomic.Int64) ([]int, error) {
	g := rt.CurrentGroup()
	started := rt.NewMailbox[int]()
	for i := 0; i < 2; i++ {
		rt.Post(g.Loop(0), parkOnAsync(started, done))
		rt.Post(g.Loop(1), parkOnAsync(started, done))
	}
	for i := 0; i < 4; i++ {
		if _, err := started.Recv(); err != nil {
			return nil, err
		}
	}
	// Loop 0 also runs this main task: loads are 3, 2, 0.
	var picks []int
	for i := 0; i < 3; i++ {
		lp := g.LeastLoaded()
		picks = append(picks, lp.Index())
		rt.Post(lp, parkOnAsync(started, done))
		if _, err := started.Recv(); err != nil {
			return nil, err
		}
	}
	picks = append(picks, g.Loads()...)
	return picks, nil
}

func TestGroupLeastLoaded(t *testing.T) {
	var done atomic.Int64
	got, err := rt.RunGroup(leastLoadedAsync(&done), rt.Loops(3))
	require.NoError(t, err)
	// Loads 3,2,0 -> 2 (3,2,1) -> 2 (3,2,2) -> 1 (3,3,2); the last three
	// are the loads at the end: main, and the parked tasks.
	assert.Equal(t, []int{2, 2, 1, 3, 3, 2}, got)
	assert.Equal(t, int64(7), done.Load(), "every parked task ran its deferred call at shutdown")
}

var errRemote = errors.New("remote failure")

// outcome returns, fails or panics, after an await, on the loop it runs on.
//
// async
func outcome(kind string) (string, error) {
	rt.Sleep(time.Millisecond)
	switch kind {
	case "fail":
		return "", errRemote
	case "panic":
		panic(fmt.Sprintf("panic on loop %d", rt.LoopIndex()))
	}
	return fmt.Sprintf("%s from loop %d", kind, rt.LoopIndex()), nil
}

// outcomes submits each kind to loop 1 and collects what awaiting says.
//
// async
func outcomes(kinds []string) ([]string, error) {
	g := rt.CurrentGroup()
	var out []string
	for _, k := range kinds {
		v, err := rt.Await[string](rt.Submit(g.Loop(1), outcomeAsync(k)))
		var pe *rt.PanicError
		switch {
		case errors.As(err, &pe):
			out = append(out, fmt.Sprintf("panic: %v", pe.Value))
		case err != nil:
			out = append(out, "error: "+err.Error())
		default:
			out = append(out, v)
		}
	}
	return out, nil
}

func TestGroupSubmitOutcomes(t *testing.T) {
	got, err := rt.RunGroup(outcomesAsync([]string{"ok", "fail", "panic", "again"}), rt.Loops(2))
	require.NoError(t, err)
	assert.Equal(t, []string{"ok from loop 1", "error: remote failure", "panic: panic on loop 1", "again from loop 1"}, got)
}

// trace is a log shared by the loops of a test.
type trace struct {
	mu    sync.Mutex
	lines []string
}

func (tr *trace) log(format string, args ...any) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.lines = append(tr.lines, fmt.Sprintf(format, args...))
}

func (tr *trace) String() string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return strings.Join(tr.lines, "\n")
}

// remoteSleeper sleeps on its loop; its deferred call says where it ran
// and whether it was cancelled.
//
// async
func remoteSleeper(tr *trace, d time.Duration) (int, error) {
	me, task := rt.LoopIndex(), rt.CurrentTask()
	defer func() {
		tr.log("remote deferred on loop %d, cancelling=%v", me, task.Cancelling())
	}()
	rt.Sleep(d)
	return 7, nil
}

// awaiter awaits r and logs what it got.
//
// async
func awaiter(tr *trace, r *rt.Remote[int]) (int, error) {
	v, err := rt.Await[int](r)
	tr.log("awaiter on loop %d got %d, %v", rt.LoopIndex(), v, err)
	return v, err
}

// cancelAwaiter cancels a task of loop 0 that awaits a remote task of
// loop 1: the remote task is cancelled on loop 1 and its deferred call runs
// there, before the awaiter ends.
//
// async
func cancelAwaiter(tr *trace) (string, error) {
	g := rt.CurrentGroup()
	r := rt.Submit(g.Loop(1), remoteSleeperAsync(tr, time.Hour))
	t := rt.Spawn(awaiterAsync(tr, r))
	rt.Sleep(10 * time.Millisecond)
	t.Cancel()
	_, err := rt.Await(rt.WaitFor[int](t, 5*time.Second))
	tr.log("awaiter task: %v", err)
	_, rerr := r.Result()
	tr.log("remote: %v, done=%v", rerr, r.Done())
	return tr.String(), nil
}

func TestGroupCancelAwaiterCancelsRemote(t *testing.T) {
	tr := &trace{}
	got, err := rt.RunGroup(cancelAwaiterAsync(tr), rt.Loops(2))
	require.NoError(t, err)
	assert.Equal(t, "remote deferred on loop 1, cancelling=true\nawaiter task: rt: canceled\nremote: rt: canceled, done=true", got)
}

// gatherRemotes awaits a Gather of two remote tasks of loop 1 and
// cancels it. As asyncio's gather does, the gather ends with the first
// child's cancellation (the other may still be unwinding); each Remote,
// awaited afterwards, ends once its task has run its deferred call on
// loop 1.
//
// async
func gatherRemotes(tr *trace) (string, error) {
	g := rt.CurrentGroup()
	r1 := rt.Submit(g.Loop(1), remoteSleeperAsync(tr, time.Hour))
	r2 := rt.Submit(g.Loop(1), remoteSleeperAsync(tr, time.Hour))
	t := rt.Spawn(rt.Gather[int](r1, r2))
	rt.Sleep(10 * time.Millisecond)
	t.Cancel()
	_, err := rt.Await(rt.WaitFor[[]int](t, 5*time.Second))
	_, err1 := rt.Await[int](r1)
	_, err2 := rt.Await[int](r2)
	out := tr.String()
	return fmt.Sprintf("%d deferred calls; gather: %v; remotes: %v, %v", strings.Count(out, "remote deferred on loop 1, cancelling=true"), err, err1, err2), nil
}

func TestGroupGatherOfRemotesCancel(t *testing.T) {
	for range 10 {
		tr := &trace{}
		got, err := rt.RunGroup(gatherRemotesAsync(tr), rt.Loops(2))
		require.NoError(t, err)
		assert.Equal(t, "2 deferred calls; gather: rt: canceled; remotes: rt: canceled, rt: canceled", got)
	}
}

// cancelRemote cancels a remote task of loop 1 through its Remote: the
// task awaiting it on loop 0 sees the cancellation as its result.
//
// async
func cancelRemote(tr *trace) (string, error) {
	g := rt.CurrentGroup()
	r := rt.Submit(g.Loop(1), remoteSleeperAsync(tr, time.Hour))
	t := rt.Spawn(awaiterAsync(tr, r))
	rt.Sleep(10 * time.Millisecond)
	first := r.Cancel()
	_, err := rt.Await(rt.WaitFor[int](t, 5*time.Second))
	tr.log("awaiter task: %v; cancel: %v, again: %v", err, first, r.Cancel())
	return tr.String(), nil
}

func TestGroupRemoteCancelSeenByAwaiter(t *testing.T) {
	tr := &trace{}
	got, err := rt.RunGroup(cancelRemoteAsync(tr), rt.Loops(2))
	require.NoError(t, err)
	assert.Equal(t, "remote deferred on loop 1, cancelling=true\nawaiter on loop 0 got 0, rt: canceled\nawaiter task: rt: canceled; cancel: true, again: false", got)
}

// sameLoop submits to its own loop and awaits it, and cancels one
// submitted there before it starts.
//
// async
func sameLoop(tr *trace) (int, error) {
	me := rt.CurrentLoop()
	v, err := rt.Await[int](rt.Submit(me, remoteSleeperAsync(tr, time.Millisecond)))
	if err != nil {
		return 0, err
	}
	r := rt.Submit(me, remoteSleeperAsync(tr, time.Millisecond))
	r.Cancel()
	_, err = rt.Await[int](r)
	if !errors.Is(err, rt.ErrCanceled) {
		return 0, fmt.Errorf("cancelled before it started: %v", err)
	}
	return v, nil
}

func TestGroupSubmitSameLoopAndLoneLoop(t *testing.T) {
	tr := &trace{}
	v, err := rt.RunGroup(sameLoopAsync(tr), rt.Loops(2))
	require.NoError(t, err)
	assert.Equal(t, 7, v)
	// The one cancelled before its first step never ran its body.
	assert.Equal(t, "remote deferred on loop 0, cancelling=false", tr.String())

	// A loop that is not in a group takes submissions too.
	tr = &trace{}
	v, err = rt.Run(sameLoopAsync(tr))
	require.NoError(t, err)
	assert.Equal(t, 7, v)
}

// publish hands the group to ordinary code and waits until stop is sent.
//
// async
func publish(tell func(*rt.Group), stop *rt.Mailbox[struct{}]) error {
	tell(rt.CurrentGroup())
	_, err := stop.Recv()
	return err
}

func TestGroupSubmitFromGoroutine(t *testing.T) {
	groups := make(chan *rt.Group, 1)
	stop := rt.NewMailbox[struct{}]()
	result := make(chan error, 1)
	go func() {
		_, err := rt.RunGroup(publishAsync(func(g *rt.Group) { groups <- g }, stop), rt.Loops(2))
		result <- err
	}()
	g := <-groups
	tr := &trace{}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := rt.Submit(g.Next(), remoteSleeperAsync(tr, time.Millisecond)).Wait()
			assert.NoError(t, err)
			assert.Equal(t, 7, v)
		}()
	}
	wg.Wait()
	require.NoError(t, stop.Send(struct{}{}))
	require.NoError(t, <-result)
	// After the group stopped, a submission fails at once.
	_, err := rt.Submit(g.Loop(1), remoteSleeperAsync(tr, time.Millisecond)).Wait()
	assert.ErrorIs(t, err, rt.ErrCanceled)
	assert.False(t, rt.Post(g.Loop(0), remoteSleeperAsync(tr, time.Millisecond)))
}

// parked parks its task in one of the ways a task parks: a sleep, a
// future, a mailbox, or a remote task of loop a that awaits a remote task
// of loop b that sleeps. Each task counts its deferred call.
//
// async
func parked(how string, a, b *rt.Loop, done, started *atomic.Int64) (int, error) {
	defer done.Add(int64(1)) // int64(...): the generator types an untyped constant deferred argument as int (reported)
	started.Add(1)
	switch how {
	case "sleep":
		rt.Sleep(time.Hour)
	case "future":
		return rt.Await[int](rt.NewFuture[int]())
	case "mailbox":
		return rt.NewMailbox[int]().Recv()
	case "remote":
		return rt.Await[int](rt.Submit(a, parkedAsync("remote2", a, b, done, started)))
	case "remote2":
		return rt.Await[int](rt.Submit(b, parkedAsync("sleep", a, b, done, started)))
	}
	return 0, nil
}

// parkEverywhere parks tasks on every loop in every way a task parks,
// and returns once they all have started.
//
// async
func parkEverywhere(done, started *atomic.Int64) (int, error) {
	g := rt.CurrentGroup()
	n := 0
	for i := 0; i < g.Len(); i++ {
		lp, next := g.Loop(i), g.Loop((i+1)%g.Len())
		for _, how := range []string{"sleep", "future", "mailbox", "remote"} {
			rt.Post(lp, parkedAsync(how, next, lp, done, started))
		}
		n += 6 // "remote" parks three tasks: on lp, next, lp
	}
	for started.Load() < int64(n) {
		rt.Sleep(time.Millisecond)
	}
	return n, nil
}

func TestGroupShutdownCancelsEveryLoop(t *testing.T) {
	var done, started atomic.Int64
	n, err := rt.RunGroup(parkEverywhereAsync(&done, &started), rt.Loops(3))
	require.NoError(t, err)
	assert.Equal(t, 18, n)
	assert.Equal(t, int64(n), done.Load(), "every parked task ran its deferred call")
}

// crash makes loop 2 panic outside any task, and waits; its deferred call
// says whether it was cancelled.
//
// async
func crash(tr *trace) error {
	task := rt.CurrentTask()
	defer func() { tr.log("main deferred, cancelling=%v", task.Cancelling()) }()
	rt.CurrentGroup().Loop(2).CallSoonThreadSafe(func() { panic("callback bug") })
	rt.Sleep(time.Hour)
	return nil
}

func TestGroupFirstFailure(t *testing.T) {
	_, err := rt.RunGroup(rt.Func(func() (int, error) { return 0, errRemote }), rt.Loops(2))
	assert.ErrorIs(t, err, errRemote)

	tr := &trace{}
	_, err = rt.RunGroup(crashAsync(tr), rt.Loops(3))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "loop 2/3: panic outside any task: callback bug")
	assert.Equal(t, "main deferred, cancelling=true", tr.String())
}

// mailboxConsume receives until the mailbox is closed, checking that each
// producer's values come in order; it returns how many it got.
//
// async
func mailboxConsume(m *rt.Mailbox[[2]int], producers int) (int, error) {
	last := make([]int, producers)
	n := 0
	for {
		v, err := m.Recv()
		if errors.Is(err, rt.ErrMailboxClosed) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if v[1] != last[v[0]]+1 {
			return n, fmt.Errorf("producer %d: got %d after %d", v[0], v[1], last[v[0]])
		}
		last[v[0]] = v[1]
		n++
	}
}

// mailboxProduce sends count values tagged with id, yielding now and then.
//
// async
func mailboxProduce(m *rt.Mailbox[[2]int], id, count int) error {
	for i := 1; i <= count; i++ {
		if err := m.Send([2]int{id, i}); err != nil {
			return err
		}
		if i%7 == 0 {
			rt.Sleep(0)
		}
	}
	return nil
}

// pipeline: producers on loops 1 and 2 and on a plain goroutine, one
// consumer on loop 0.
//
// async
func pipeline(count int) (int, error) {
	g := rt.CurrentGroup()
	m := rt.NewMailbox[[2]int]()
	consumer := rt.Spawn(mailboxConsumeAsync(m, 3))
	p1 := rt.Submit(g.Loop(1), mailboxProduceAsync(m, 1, count))
	p2 := rt.Submit(g.Loop(2), mailboxProduceAsync(m, 2, count))
	plain := make(chan error, 1)
	go func() {
		for i := 1; i <= count; i++ {
			if err := m.Send([2]int{0, i}); err != nil {
				plain <- err
				return
			}
		}
		plain <- nil
	}()
	if _, err := rt.Await[struct{}](p1); err != nil {
		return 0, err
	}
	if _, err := rt.Await[struct{}](p2); err != nil {
		return 0, err
	}
	if perr, _ := rt.ToThread(func() (error, error) { return <-plain, nil }); perr != nil {
		return 0, perr
	}
	m.Close()
	if err := m.Send([2]int{0, 0}); !errors.Is(err, rt.ErrMailboxClosed) {
		return 0, fmt.Errorf("send after close: %v", err)
	}
	return rt.Await[int](consumer)
}

func TestGroupMailboxPipeline(t *testing.T) {
	n, err := rt.RunGroup(pipelineAsync(3000), rt.Loops(3))
	require.NoError(t, err)
	assert.Equal(t, 9000, n)
}

// cancelRecv cancels a receiver after a value was handed to it but before
// it ran, many times, and checks that no value is lost.
//
// async
func cancelRecv(rounds int) (int, error) {
	g := rt.CurrentGroup()
	m := rt.NewMailbox[int]()
	got := 0
	for i := 0; i < rounds; i++ {
		t := rt.Spawn(rt.Func(func() (int, error) { return m.Recv() }))
		rt.Sleep(0) // t parks
		// Loop 1 sends while this loop is still running this step, then
		// the cancel comes: the value was handed over, the wake-up posted.
		if _, err := rt.Submit(g.Loop(1), rt.Func(func() (struct{}, error) { return struct{}{}, m.Send(i) })).Wait(); err != nil {
			return 0, err
		}
		t.Cancel()
		if _, err := rt.Await[int](t); !errors.Is(err, rt.ErrCanceled) {
			return 0, fmt.Errorf("round %d: %v", i, err)
		}
		if m.Len() != 1 {
			return 0, fmt.Errorf("round %d: the value handed to the cancelled receiver was lost", i)
		}
		v, err := m.Recv()
		if err != nil || v != i {
			return 0, fmt.Errorf("round %d: the value handed to the cancelled receiver was lost: %v %v", i, v, err)
		}
		got++
	}
	return got, nil
}

func TestGroupMailboxCancelKeepsValue(t *testing.T) {
	n, err := rt.RunGroup(cancelRecvAsync(50), rt.Loops(2))
	require.NoError(t, err)
	assert.Equal(t, 50, n)
}

// spawnHere spawns a task on its own loop and returns it.
//
// async
func spawnHere() (*rt.Task[int], error) {
	return rt.Spawn(rt.Func(func() (int, error) { rt.Sleep(time.Hour); return 1, nil })), nil
}

// misuse awaits a task of loop 1 from loop 0, and receives from a
// mailbox bound to loop 1.
//
// async
func misuse() ([]string, error) {
	g := rt.CurrentGroup()
	var out []string
	other, err := rt.Await[*rt.Task[int]](rt.Submit(g.Loop(1), spawnHereAsync()))
	if err != nil {
		return nil, err
	}
	_, err = rt.Await[int](rt.Spawn(rt.Func(func() (int, error) { return rt.Await[int](other) })))
	out = append(out, err.Error())

	m := rt.NewMailbox[int]()
	m.Send(1)
	if _, err := rt.Await[int](rt.Submit(g.Loop(1), rt.Func(func() (int, error) { return m.Recv() }))); err != nil {
		return nil, err
	}
	_, err = rt.Await[int](rt.Spawn(rt.Func(func() (int, error) { return m.Recv() })))
	out = append(out, err.Error())
	return out, nil
}

func TestGroupWrongLoopPanics(t *testing.T) {
	got, err := rt.RunGroup(misuseAsync(), rt.Loops(2))
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Contains(t, got[0], `rt: panic in task`)
	assert.Contains(t, got[0], `rt: task "Task-2" belongs to loop 1/2 and was used from loop 0/2`)
	assert.Contains(t, got[1], `rt: a Mailbox's receiving end belongs to loop 1/2 and was used from loop 0/2`)
}

// fanOut submits n small jobs round robin and sums them: a batch of work
// over the group.
//
// async
func fanOut(n int) ([]int, error) {
	g := rt.CurrentGroup()
	rs := make([]*rt.Remote[int], n)
	for i := range rs {
		rs[i] = rt.Submit(g.Next(), rt.Func(func() (int, error) {
			rt.Sleep(0)
			return rt.LoopIndex(), nil
		}))
	}
	per, err := awaitAll(rs)
	sort.Ints(per)
	return per, err
}

func TestGroupFanOut(t *testing.T) {
	per, err := rt.RunGroup(fanOutAsync(300), rt.Loops(3))
	require.NoError(t, err)
	count := map[int]int{}
	for _, i := range per {
		count[i]++
	}
	assert.Equal(t, map[int]int{0: 100, 1: 100, 2: 100}, count)
}

// dumpGroup dumps the group while a task of loop 0 awaits a task of loop
// 1 through a Remote.
//
// async
func dumpGroup(tr *trace, w io.Writer) error {
	g := rt.CurrentGroup()
	r := rt.Submit(g.Loop(1), remoteSleeperAsync(tr, time.Hour), rt.Name("sleeper"))
	rt.Spawn(awaiterAsync(tr, r), rt.Name("awaiter"))
	rt.Sleep(10 * time.Millisecond)
	rt.Dump(w)
	return nil
}

func TestGroupDump(t *testing.T) {
	var buf strings.Builder
	_, err := rt.RunGroup(dumpGroupAsync(&trace{}, &buf), rt.Loops(3))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, 7, buf.String())
	assert.Equal(t, "loop 0/3:", lines[0])
	assert.Regexp(t, `^  task "Task-1" #1 running at .*loopgroup_test.go:\d+$`, lines[1])
	assert.Regexp(t, `^  task "awaiter" #2 suspended at .*loopgroup_test.go:\d+$`, lines[2])
	assert.Equal(t, "loop 1/3:", lines[3])
	assert.Regexp(t, `^  task "sleeper" #1 suspended at .*loopgroup_test.go:\d+$`, lines[4])
	assert.Equal(t, `      awaited by task "awaiter" #2 on loop 0/3 (through rt.Submit)`, lines[5])
	assert.Equal(t, "loop 2/3:", lines[6])
}

// setFrom sets f, a future of another loop.
//
// async
func setFrom(f *rt.Future[int]) error {
	f.SetResult(1)
	return nil
}

// busy runs d without awaiting.
//
// async
func busy(d time.Duration) error {
	for start := time.Now(); time.Since(start) < d; {
	}
	return nil
}

// debugChecks sets a future of loop 0 from loop 1, and keeps loop 1 busy.
//
// async
func debugChecks() (string, error) {
	g := rt.CurrentGroup()
	f := rt.NewFuture[int]()
	rt.Spawn(rt.Func(func() (int, error) { return rt.Await[int](f) }))
	rt.Sleep(0)
	_, err := rt.Await[struct{}](rt.Submit(g.Loop(1), setFromAsync(f)))
	if err == nil {
		return "", errors.New("setting a future of loop 0 from loop 1 did not fail")
	}
	if _, err := rt.Await[struct{}](rt.Submit(g.Loop(1), busyAsync(20*time.Millisecond), rt.Name("spinner"))); err != nil {
		return "", err
	}
	return err.Error(), nil
}

// TestGroupDebugMode: in debug mode, waking a task of one loop from
// another panics, and a slow step names its loop.
func TestGroupDebugMode(t *testing.T) {
	var logs strings.Builder
	log.SetOutput(&logs)
	defer log.SetOutput(os.Stderr)
	msg, err := rt.RunGroup(debugChecksAsync(), rt.Loops(2),
		rt.WithLoopOptions([]rt.LoopOption{rt.Debug(5 * time.Millisecond)}, nil))
	require.NoError(t, err)
	assert.Regexp(t, `rt: loop 0/2 was changed from goroutine \d+, not its own \(\d+\)`, msg)
	assert.Contains(t, logs.String(), `rt: task "spinner" on loop 1/2 ran`)
}
