package transform

import (
	"go/ast"
	"go/token"
	"go/types"
)

// goto, as part of pass "flatten".
//
// A label that a goto targets and that sits at the flattened level becomes
// an instruction label; every goto to it becomes a jump to that label,
// whether the goto sits at the flattened level or inside an ordinary
// statement (branches.go rewrites those). Flattened labels are all at the
// top level of Resume, so every such jump leaves blocks and never enters
// one, and since the lowering declares every flattened variable at the top
// of Resume, no jump crosses a declaration: Go's rules for the user's goto
// carry over to the generated one. Labels inside ordinary statements, with
// their gotos, stay as they are.
//
// A backward goto re-runs the declarations after its label, and each run
// declares new variables in Go; so in a function with a goto, every
// declaration gets a fresh home when something can hold on to the last one,
// as in a loop (instFresh).

// scanGotos records the labels that gotos target, and the range-over-func
// loops around each label.
func (l *lowerer) scanGotos() {
	l.gotoTargets = map[string]bool{}
	l.labelPulls = map[string][]*ast.RangeStmt{}
	var ranges []*ast.RangeStmt
	var stack []ast.Node
	ast.Inspect(l.fn.Decl.Body, func(n ast.Node) bool {
		if n == nil {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if r, ok := top.(*ast.RangeStmt); ok && len(ranges) > 0 && ranges[len(ranges)-1] == r {
				ranges = ranges[:len(ranges)-1]
			}
			return true
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its labels are its own
		case *ast.BranchStmt:
			if n.Tok == token.GOTO {
				l.gotoTargets[n.Label.Name] = true
			}
		case *ast.LabeledStmt:
			l.labelPulls[n.Label.Name] = append([]*ast.RangeStmt(nil), ranges...)
		case *ast.RangeStmt:
			if t := l.info.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Signature); ok {
					ranges = append(ranges, n)
				}
			}
		}
		stack = append(stack, n)
		return true
	})
	if len(l.gotoTargets) > 0 {
		l.loops = 1
	}
}

// userLabel returns the instruction label of the user's label name.
func (l *lowerer) userLabel(name string) int {
	id, ok := l.flatLabels[name]
	if !ok {
		id = l.newLabel()
		l.flatLabels[name] = id
	}
	return id
}

// gotoLabel lowers a labeled statement that a goto targets.
func (l *lowerer) gotoLabel(s *ast.LabeledStmt) {
	l.label(l.userLabel(s.Label.Name))
	if !l.flat(s.Stmt) && breaksTo(s.Stmt, s.Label.Name) {
		// An ordinary loop that its own break or continue names keeps
		// its label.
		l.opaque(s)
		return
	}
	l.stmt(s.Stmt, s.Label.Name)
}

// gotoStmt lowers a goto at the flattened level: stop the range-over-func
// loops it leaves, then jump.
func (l *lowerer) gotoStmt(s *ast.BranchStmt) {
	name := s.Label.Name
	keep := 0
	around := l.labelPulls[name]
	for keep < len(l.pulls) && keep < len(around) && l.pulls[keep].stmt == around[keep] {
		keep++
	}
	l.stopPulls(keep)
	l.emit(&instGoto{to: l.userLabel(name)})
}

// breaksTo reports whether s holds a break or continue naming label.
func breaksTo(s ast.Stmt, label string) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			if n.Label != nil && n.Label.Name == label && (n.Tok == token.BREAK || n.Tok == token.CONTINUE) {
				found = true
			}
		}
		return !found
	})
	return found
}

// flat reports whether statement s must be flattened: it holds an await
// point, or it sits in the body of a range-over-func loop and may leave it
// (a return, break, continue or goto), which must stop the iterator first.
func (l *lowerer) flat(s ast.Node) bool {
	if l.hasAwait(s) {
		return true
	}
	if len(l.pulls) == 0 {
		return false
	}
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			found = found || n.Tok != token.FALLTHROUGH
		}
		return !found
	})
	return found
}
