package transform

import (
	"go/ast"
	"go/token"
)

// A return inside range-over-func loops (iterators or async generators)
// with results, as part of pass "flatten".
//
// Go assigns the results at the return statement, in the loop body,
// before the iterators stop (cmd/compile/internal/rangefunc gives the
// function named results for it): an iterator that panics when the loop is
// left, and a deferred recover, leave the function returning those
// results. So the results are evaluated into temporaries, stored where
// the function's results live (its named results, or the frame's result
// fields), and only then are the loops stopped, innermost first; the
// return itself is then bare:
//
//	return v, nil        ag_t4, ag_t5 = v, nil
//	                     ag_f.ag_r0, ag_f.ag_err = ag_t4, ag_t5   (or the named results)
//	                     stop(); ...
//	                     goto ag_exit                             (or return rt.Ready)

// resultMarker marks a synthetic identifier that names the frame's field
// of a natural result (synthetic.result is its index).
const resultMarker = "\x00result"

func (l *lowerer) returnFromPulls(s *ast.ReturnStmt, results []ast.Expr) {
	temps := l.resultTemps(results)
	sig := l.fn.Sig.Results()
	lhs := make([]ast.Expr, sig.Len())
	for i := range lhs {
		v := sig.At(i)
		if v.Name() != "" && v.Name() != "_" {
			lhs[i] = l.refAt(v, s.Pos())
			continue
		}
		id := ast.NewIdent(v.Name())
		id.NamePos = s.Pos() // the store maps to the return's line
		l.synth[id] = synthetic{qpath: resultMarker, result: i}
		lhs[i] = id
	}
	l.emit(&instStmt{stmt: &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, TokPos: s.Pos(), Rhs: temps}, targets: l.targets})
	l.stopPulls(0)
	l.emit(&instReturn{at: s.Pos()})
}
