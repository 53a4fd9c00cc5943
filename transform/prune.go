package transform

// Pass "prune": drop what the flattening left unreachable (a jump after a
// return, the end label of a loop that only returns) and labels nobody
// jumps to, so the output passes go vet and compiles (Go rejects unused
// labels).
func (l *lowerer) prune() {
	for _, in := range l.code {
		if s, ok := in.(*instStmt); ok {
			s.exits = l.exits(s)
		}
	}
	for changed := true; changed; {
		changed = false
		used := map[int]bool{}
		for _, in := range l.code {
			switch in := in.(type) {
			case *instGoto:
				used[in.to] = true
			case *instIf:
				used[in.to] = true
			case *instStmt:
				for _, to := range in.exits {
					used[to] = true
				}
			}
		}
		out := l.code[:0]
		reachable := true
		for i, in := range l.code {
			if lb, ok := in.(*instLabel); ok {
				if !used[lb.id] {
					changed = true
					continue
				}
				reachable = true
				out = append(out, in)
				continue
			}
			if !reachable {
				changed = true
				continue
			}
			if g, ok := in.(*instGoto); ok && l.jumpsToNext(i, g.to) {
				changed = true
				continue
			}
			out = append(out, in)
			switch in := in.(type) {
			case *instGoto, *instReturn:
				reachable = false
			case *instStmt:
				reachable = !in.terminal
			}
		}
		l.code = out
	}
}

// jumpsToNext reports whether label `to` follows instruction i with only
// labels in between.
func (l *lowerer) jumpsToNext(i, to int) bool {
	for _, in := range l.code[i+1:] {
		lb, ok := in.(*instLabel)
		if !ok {
			return false
		}
		if lb.id == to {
			return true
		}
	}
	return false
}

// fallsOff reports whether control can reach the end of the code.
func (l *lowerer) fallsOff() bool {
	if len(l.code) == 0 {
		return true
	}
	switch in := l.code[len(l.code)-1].(type) {
	case *instGoto, *instReturn:
		return false
	case *instStmt:
		return !in.terminal
	}
	return true
}
