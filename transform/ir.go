package transform

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/asyncgen/asyncgen/analyze"
)

// The lowering passes turn an async function body into a flat list of
// instructions: labels, jumps, ordinary statements and await points. Control
// flow that holds an await point becomes labels and jumps, so that every
// resume point sits at the top level of Resume, where the dispatch switch can
// jump to it. Statements without await points stay nested Go statements.

type inst interface{ pos() token.Pos }

// instLabel is a jump target.
type instLabel struct{ id int }

// instGoto jumps unconditionally.
type instGoto struct{ to int }

// instIf jumps to `to` when cond is true (or false, with neg).
type instIf struct {
	cond ast.Expr
	neg  bool
	to   int
	at   token.Pos
}

// instStmt is an ordinary Go statement with no await point inside. It may
// be compound; its break and continue statements that leave it resolve
// through targets, and its returns become frame returns.
type instStmt struct {
	stmt    ast.Stmt
	targets *targets
	// Filled in by the layout pass:
	exits    map[*ast.BranchStmt]int // break/continue that leave stmt, by label id
	returns  bool                    // stmt holds a return statement
	terminal bool                    // control never flows past stmt
}

// instAwait is an await point: evaluate the awaitable (a companion call or
// rt.Await's operand), start awaiting, suspend if needed, then assign the
// outcome to dst.
type instAwait struct {
	aw *analyze.Await
	// awaitable is the expression that makes the awaitable, with every await
	// inside it already lowered.
	awaitable ast.Expr
	// dst receives the natural results (value and/or error), or is empty.
	dst   []ast.Expr
	state int
	at    token.Pos
}

// instReturn sets the frame's results and finishes.
type instReturn struct {
	results []ast.Expr // nil for a bare return
	at      token.Pos
}

// instFresh gives a variable declared inside a loop a new home for this
// execution of its declaration, when something (a closure, a pointer) can
// hold on to the previous one. Go 1.22 loop variables get one per iteration
// this way, as Go gives them.
type instFresh struct {
	v *types.Var
	// copy keeps the value: the implicit per-iteration copy of a three-clause
	// for loop's variable before its post statement.
	copy bool
}

func (i *instFresh) pos() token.Pos  { return token.NoPos }
func (i *instLabel) pos() token.Pos  { return token.NoPos }
func (i *instGoto) pos() token.Pos   { return token.NoPos }
func (i *instIf) pos() token.Pos     { return i.at }
func (i *instStmt) pos() token.Pos   { return i.stmt.Pos() }
func (i *instAwait) pos() token.Pos  { return i.at }
func (i *instReturn) pos() token.Pos { return i.at }

// targets is the stack of flattened statements that break and continue can
// leave, innermost first.
type targets struct {
	parent *targets
	label  string // the user's label on the statement, if any
	brk    int    // label id for break
	cont   int    // label id for continue, or -1 for a switch or select
	// pulls is how many range-over-func loops (see rangefunc.go) enclose
	// the statement, itself included: a jump to it stops the ones inside.
	pulls int
}

func (t *targets) lookup(label string, isContinue bool) (int, bool) {
	to, _, ok := t.resolve(label, isContinue)
	return to, ok
}

// resolve finds the target of a break or continue: the label id and the
// number of range-over-func loops around the target.
func (t *targets) resolve(label string, isContinue bool) (to, pulls int, ok bool) {
	for ; t != nil; t = t.parent {
		if label != "" && t.label != label {
			continue
		}
		if isContinue {
			if t.cont < 0 {
				if label != "" {
					return 0, 0, false
				}
				continue
			}
			return t.cont, t.pulls, true
		}
		return t.brk, t.pulls, true
	}
	return 0, 0, false
}
