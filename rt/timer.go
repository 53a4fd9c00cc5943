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

// timerHeap is a binary min-heap of timers by value. It is hand-written
// rather than container/heap so pushing does not box the entry.
type timerHeap []timer

func (h *timerHeap) push(t timer) {
	*h = append(*h, t)
	s := *h
	i := len(s) - 1
	for i > 0 {
		p := (i - 1) / 2
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
	i := 0
	for {
		l := 2*i + 1
		if l >= len(s) {
			break
		}
		m := l
		if r := l + 1; r < len(s) && s[r].before(&s[l]) {
			m = r
		}
		if !s[m].before(&s[i]) {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
	return top
}
