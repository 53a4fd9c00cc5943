package transform

import (
	"go/ast"
	"go/token"
)

// exits finds the break, continue and goto statements inside an ordinary
// statement that leave it for a flattened loop, switch or label, and
// whether it returns. They are rewritten to jumps and frame returns when emitted.
func (l *lowerer) exits(in *instStmt) map[*ast.BranchStmt]int {
	out := map[*ast.BranchStmt]int{}
	var walk func(n ast.Node, breakable, continuable bool, labels map[string]bool)
	walk = func(n ast.Node, breakable, continuable bool, labels map[string]bool) {
		ast.Inspect(n, func(x ast.Node) bool {
			if x == n {
				return true
			}
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				in.returns = true
			case *ast.LabeledStmt:
				inner := map[string]bool{x.Label.Name: true}
				for k := range labels {
					inner[k] = true
				}
				walk(x, breakable, continuable, inner)
				return false
			case *ast.ForStmt, *ast.RangeStmt:
				walk(x, true, true, labels)
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				walk(x, true, continuable, labels)
				return false
			case *ast.BranchStmt:
				if x.Tok == token.GOTO {
					// A goto to a label at the flattened level (lower_goto.go).
					if to, ok := l.flatLabels[x.Label.Name]; ok {
						out[x] = to
					}
					return true
				}
				if x.Tok != token.BREAK && x.Tok != token.CONTINUE {
					return true
				}
				name := ""
				if x.Label != nil {
					name = x.Label.Name
					if labels[name] {
						return true
					}
				} else if (x.Tok == token.BREAK && breakable) || (x.Tok == token.CONTINUE && continuable) {
					return true
				}
				if to, ok := in.targets.lookup(name, x.Tok == token.CONTINUE); ok {
					out[x] = to
				}
			}
			return true
		})
	}
	root := &ast.BlockStmt{List: []ast.Stmt{in.stmt}}
	walk(root, false, false, map[string]bool{})
	in.terminal = isTerminating(in.stmt)
	return out
}

// isTerminating is a conservative form of the spec's terminating
// statements: a return, a panic, a block or if/else that ends in them.
func isTerminating(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.GOTO
	case *ast.ExprStmt:
		if c, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	case *ast.BlockStmt:
		return len(s.List) > 0 && isTerminating(s.List[len(s.List)-1])
	case *ast.IfStmt:
		return s.Else != nil && isTerminating(s.Body) && isTerminating(s.Else)
	case *ast.LabeledStmt:
		return isTerminating(s.Stmt)
	}
	return false
}
