package rt

import "unsafe"

// timer is an entry of the loop's timer heap: run its action at when
// (nanoseconds on the loop clock); its seq breaks ties so timers with
// equal deadlines fire in the order they were set. An entry is 24 bytes
// (TestTaskSize), a million sleeping tasks' 24 MB: the action is one
// pointer, its type (one of the few kinds of timer action, timerKind) in
// the top bits of the seq word.
type timer struct {
	when int64
	// seqKind is the seq (its low seqBits bits) and the kind of the
	// action (above them).
	seqKind uint64
	act     unsafe.Pointer
}

// timerKind says what a timer's act points to.
type timerKind uint64

const (
	timerSleep   timerKind = iota // *sleepTimer: a task's sleep
	timerIO                       // *ioSlot: an FD wait's deadline
	timerHandle                   // *TimerHandle: CallLater, CallAt
	timerScope                    // *scopeTimer: a TimeoutScope's deadline
	timerWaitFor                  // *waitForTimer: a WaitFor's deadline

	// seqBits: timer seqs have 60 bits (a loop setting a billion timers a
	// second wraps after 36 years), the kind the 4 above.
	seqBits = 60
	seqMask = 1<<seqBits - 1
)

func (a *timer) seq() uint64 { return a.seqKind & seqMask }

func (a *timer) before(b *timer) bool {
	return a.when < b.when || a.when == b.when && a.seq() < b.seq()
}

// newTimer returns the entry that runs r at when; r is one of the timer
// actions of timerKind.
func newTimer(when int64, seq uint64, r runnable) timer {
	var k timerKind
	var p unsafe.Pointer
	switch r := r.(type) {
	case *sleepTimer:
		k, p = timerSleep, unsafe.Pointer(r)
	case *ioSlot:
		k, p = timerIO, unsafe.Pointer(r)
	case *TimerHandle:
		k, p = timerHandle, unsafe.Pointer(r)
	case *scopeTimer:
		k, p = timerScope, unsafe.Pointer(r)
	case *waitForTimer:
		k, p = timerWaitFor, unsafe.Pointer(r)
	default:
		panic("rt: a timer action of an unknown kind")
	}
	return timer{when: when, seqKind: seq&seqMask | uint64(k)<<seqBits, act: p}
}

// action returns what the timer runs.
func (a *timer) action() runnable {
	switch timerKind(a.seqKind >> seqBits) {
	case timerSleep:
		return (*sleepTimer)(a.act)
	case timerIO:
		return (*ioSlot)(a.act)
	case timerHandle:
		return (*TimerHandle)(a.act)
	case timerScope:
		return (*scopeTimer)(a.act)
	default:
		return (*waitForTimer)(a.act)
	}
}

// stale reports whether the timer's action no longer wants to run.
func (a *timer) stale() bool { return a.action().(staleTimer).stale(a.seq()) }

// timerHeap is a 4-ary min-heap of timers by value: the children of entry
// i are 4i+1 to 4i+4. It is hand-written rather than container/heap so
// pushing does not box the entry. Four children per node halve the depth
// of a binary heap, and the four sit in two cache lines, so a pop from a
// heap of a million timers touches about half the cache lines a binary
// heap does (the cost per timer in BenchmarkTimers stays flat from 100k
// to 1M).
type timerHeap []timer

func (h *timerHeap) push(t timer) {
	if len(*h) == cap(*h) {
		// Doubling, not append's 1.25 for big slices: a million tasks
		// that each set a timer in one iteration would otherwise leave
		// four times the final heap (128 MB) in copies for the collector,
		// which at the default GOGC stays in the process's RSS (see
		// bench/million).
		grown := make(timerHeap, len(*h), max(2*cap(*h), 64))
		copy(grown, *h)
		*h = grown
	}
	*h = append(*h, t)
	s := *h
	i := len(s) - 1
	for i > 0 {
		p := (i - 1) / 4
		if !s[i].before(&s[p]) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

func (h *timerHeap) pop() timer {
	s := *h
	top := s[0]
	last := len(s) - 1
	s[0] = s[last]
	s[last] = timer{}
	s = s[:last]
	*h = s
	h.down(0)
	return top
}

// A timer whose action no longer wants to run (a cancelled sleep, a
// cancelled TimerHandle, a WaitFor that finished first) stays in the heap
// until the loop compacts it: staleTimer says which ones.
type staleTimer interface {
	stale(seq uint64) bool
}

func (s *sleepTimer) stale(seq uint64) bool { return (*Coro)(s).sleepSeq != seq }

func (h *TimerHandle) stale(uint64) bool { return h.cancelled }

// dropStale removes the stale timers and restores the heap order. The loop
// calls it when stale timers make up half the heap, so cancelled timers
// cost amortized O(1) each and never pile up.
func (h *timerHeap) dropStale() {
	s := (*h)[:0]
	for _, t := range *h {
		if t.stale() {
			continue
		}
		s = append(s, t)
	}
	clear((*h)[len(s):])
	*h = s
	for i := (len(s) - 2) / 4; i >= 0; i-- {
		h.down(i)
	}
}

func (h *timerHeap) down(i int) {
	s := *h
	for {
		l := 4*i + 1
		if l >= len(s) {
			return
		}
		m := l
		for r, end := l+1, min(l+4, len(s)); r < end; r++ {
			if s[r].before(&s[m]) {
				m = r
			}
		}
		if !s[m].before(&s[i]) {
			return
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
}
