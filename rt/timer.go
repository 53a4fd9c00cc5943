package rt

// timer is an entry of the loop's timer heap: run r at when (nanoseconds on
// the loop clock); seq breaks ties so timers with equal deadlines fire in
// the order they were set.
type timer struct {
	when int64
	seq  uint64
	r    runnable
}

func (a *timer) before(b *timer) bool {
	return a.when < b.when || a.when == b.when && a.seq < b.seq
}

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
		if st, ok := t.r.(staleTimer); ok && st.stale(t.seq) {
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
