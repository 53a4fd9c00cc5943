package transform

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/asyncgen/asyncgen/analyze"
	"github.com/dave/jennifer/jen"
)

// Local constants.
//
// A const declaration at the flattened level stays where it is, but its
// block is gone: it now shares Resume's scope with every other flattened
// declaration, and it stays in scope after the user's block ended. So a
// constant whose name another object of the function, a package-level
// name, or a second flattened constant also has is renamed with the
// reserved prefix, ag_<name>_c<k>, in its declaration and at every use:
//
//	{ const limit = 3; tick(limit) }     const ag_limit_c1 = 3
//	{ const limit = 4; tick(limit) }     ... tickAsync(ag_limit_c1) ...
//	                                     const ag_limit_c2 = 4

// localConstDecl records the constants a flattened const declaration
// declares.
func (l *lowerer) localConstDecl(gd *ast.GenDecl) {
	for _, spec := range gd.Specs {
		for _, n := range spec.(*ast.ValueSpec).Names {
			if c, ok := l.info.Defs[n].(*types.Const); ok {
				l.localConsts = append(l.localConsts, c)
			}
		}
	}
}

// localConstNames names the flattened constants that need a new name.
func (l *lowerer) localConstNames() map[*types.Const]string {
	names := map[*types.Const]string{}
	if len(l.localConsts) == 0 {
		return names
	}
	used := map[string][]types.Object{}
	ast.Inspect(l.fn.Top().Decl, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			o := l.objOf(id)
			if v, ok := o.(*types.Var); ok && v.IsField() {
				return true // a field name is never in scope
			}
			if f, ok := o.(*types.Func); ok && f.Type().(*types.Signature).Recv() != nil {
				return true // nor a method name
			}
			if o != nil {
				used[id.Name] = append(used[id.Name], o)
			}
		}
		return true
	})
	seen := map[string]int{}
	for _, c := range l.localConsts {
		seen[c.Name()]++
	}
	taken := map[string]bool{}
	for _, c := range l.localConsts {
		name := c.Name()
		clash := seen[name] > 1 || injected[name] || l.pkg.Scope().Lookup(name) != nil
		for _, o := range used[name] {
			if o != c {
				clash = true
			}
		}
		if !clash {
			continue
		}
		for k := 1; ; k++ {
			name = fmt.Sprintf("%s%s_c%d", analyze.Prefix, c.Name(), k)
			if !taken[name] {
				break
			}
		}
		taken[name] = true
		names[c] = name
	}
	return names
}

// outerConst reports whether c is a constant of the async function around
// the closure being rendered: the closure's Resume, at package level,
// cannot see its declaration, so its uses there are its value (constValue).
func (e *emitter) outerConst(c *types.Const) bool {
	if e.fn.Lit == nil || c.Parent() == nil || c.Parent() == e.pkg.Scope() || c.Pkg() != e.pkg {
		return false
	}
	top := e.fn.Top().Decl
	inTop := c.Pos() >= top.Pos() && c.Pos() < top.End()
	inLit := c.Pos() >= e.fn.Lit.Pos() && c.Pos() < e.fn.Lit.End()
	return inTop && !inLit
}

// constValue renders the value of constant c as an expression of the same
// type: an untyped constant as a literal of its kind, a typed one
// converted, T(literal).
func (e *emitter) constValue(c *types.Const) jen.Code {
	val := c.Val()
	b, untyped := c.Type().(*types.Basic)
	untyped = untyped && b.Info()&types.IsUntyped != 0
	var lit string
	switch {
	case val.Kind() == constant.Bool:
		lit = val.ExactString()
	case val.Kind() == constant.String:
		lit = strconv.Quote(constant.StringVal(val))
	case untyped && b.Kind() == types.UntypedRune:
		if r, ok := constant.Int64Val(val); ok && r >= 0 && r <= utf8.MaxRune {
			lit = strconv.QuoteRune(rune(r))
		} else {
			lit = "rune(" + val.ExactString() + ")"
		}
	case val.Kind() == constant.Int:
		lit = val.ExactString()
	case val.Kind() == constant.Float:
		lit = floatLit(val)
	case val.Kind() == constant.Complex:
		lit = "complex(" + floatLit(constant.Real(val)) + ", " + floatLit(constant.Imag(val)) + ")"
	default:
		lit = val.ExactString()
	}
	if untyped {
		if val.Kind() == constant.Int && b.Kind() == types.UntypedFloat {
			lit += ".0" // keeps the constant a float
		}
		if strings.HasPrefix(lit, "-") {
			lit = "(" + lit + ")"
		}
		return jen.Id(lit)
	}
	return jen.Add(e.typeCode(c.Type())).Parens(jen.Id(lit))
}

// floatLit renders an untyped float constant exactly: a decimal when it is
// an integer, the quotient of two integers otherwise.
func floatLit(v constant.Value) string {
	if v.Kind() == constant.Int {
		return v.ExactString() + ".0"
	}
	num, den := constant.Num(v), constant.Denom(v)
	if constant.Compare(den, token.EQL, constant.MakeInt64(1)) {
		return num.ExactString() + ".0"
	}
	return "(" + num.ExactString() + ".0 / " + den.ExactString() + ")"
}
