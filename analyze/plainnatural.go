package analyze

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
)

// This file finds, in async code, calls of plain (not async) functions of
// the same package that call rt's async functions: rt.Now, rt.Sleep,
// rt.CurrentTask... Called from a plain function, those run their natural
// forms, which do not use the loop: a plain units() that calls rt.Now()
// reads the wall clock even under rt.VirtualTime, a plain nap() that calls
// rt.Sleep blocks the loop. Marking the plain function //async makes the
// generator await them.

// naturalUse is a call of one of rt's async functions from plain code.
type naturalUse struct {
	Pos  token.Pos
	Name string // how the rt function reads: rt.Now, (*rt.Event).Wait
	// Via are the plain functions of the package through which the
	// function called from async code reaches it, in call order ("" for a
	// direct call).
	Via []string
	Fn  *types.Func
}

// plainNaturalCall warns about call, in async code, when it calls a plain
// function of this package that calls one of rt's async functions,
// directly or through other plain functions of the package.
func (c *checker) plainNaturalCall(call *ast.CallExpr) {
	fn := CalledFunc(c.info, call)
	if fn == nil || fn.Pkg() != c.pkg || c.pkg == nil || ownPackage(c.pkg.Path()) || Companion(fn) != nil {
		return
	}
	u := c.plainNatural(fn.Origin())
	if u == nil {
		return
	}
	chain := strings.Join(append(append([]string(nil), u.Via...), u.Name), ", which calls ")
	mark := strings.Join(append([]string{plainName(fn)}, u.Via...), " and ")
	pos := c.fset.Position(u.Pos)
	c.warnf(call.Pos(), "%s is not async but calls %s (%s:%d:%d), so from async code %s runs its natural form, %s: mark %s //async so that the generator awaits it",
		plainName(fn), chain, filepath.Base(pos.Filename), pos.Line, pos.Column, u.Name, naturalEffect(u.Fn), mark)
}

// ownPackage reports whether path is rt or a package under it (rt/anet,
// rt/ahttp, ...), not their external tests: those call natural forms from
// plain helpers on purpose (a Mailbox drained after Close, which cannot
// wait).
func ownPackage(path string) bool {
	return (path == RTPath || strings.HasPrefix(path, RTPath+"/")) && !strings.HasSuffix(path, "_test")
}

// plainName is how the marker's target reads: the function's name, or
// T.M for a method.
func plainName(fn *types.Func) string {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return fn.Name()
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// naturalEffect says what the natural form of rt's async function fn does
// that its companion would not.
func naturalEffect(fn *types.Func) string {
	switch {
	case isRTFunc(fn, "Now"):
		return "which reads the wall clock, not the loop's (virtual under rt.VirtualTime)"
	case isRTFunc(fn, "Sleep"):
		return "which blocks the whole loop instead of suspending the task (and sleeps in real time under rt.VirtualTime)"
	case isRTFunc(fn, "CurrentTask"), isRTFunc(fn, "AllTasks"):
		return "which sees no task"
	case isRTFunc(fn, "Context"):
		return "which returns context.Background(), not the task's context"
	case isRTFunc(fn, "CurrentLoop"), isRTFunc(fn, "CurrentGroup"), isRTFunc(fn, "LoopIndex"):
		return "which sees no loop"
	case isRTFunc(fn, "Dump"):
		return "which writes nothing"
	}
	return "which does not use the loop (it blocks, panics or sees no loop)"
}

// plainNatural returns the first call of one of rt's async functions in
// the plain function fn of this package, directly or through the plain
// functions of the package it calls; nil when there is none or fn's body
// is not in the package's files. Function literals are not searched: they
// may run anywhere.
func (c *checker) plainNatural(fn *types.Func) *naturalUse {
	if c.decls == nil {
		c.decls = map[*types.Func]*ast.FuncDecl{}
		c.naturals = map[*types.Func]*naturalUse{}
		for _, f := range c.files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && !IsAsyncDecl(fd) {
					if obj, ok := c.info.Defs[fd.Name].(*types.Func); ok {
						c.decls[obj] = fd
					}
				}
			}
		}
	}
	if u, seen := c.naturals[fn]; seen {
		return u // nil while fn is being searched: a recursive call
	}
	c.naturals[fn] = nil
	d := c.decls[fn]
	if d == nil {
		return nil
	}
	var found *naturalUse
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			callee := CalledFunc(c.info, n)
			if callee == nil || callee.Pkg() == nil {
				break
			}
			if callee.Pkg().Path() == RTPath {
				if !isRTFunc(callee, "Await") && !isRTFunc(callee, "Spawn") && Companion(callee) != nil {
					found = &naturalUse{Pos: n.Pos(), Name: rtName(callee), Fn: callee}
				}
				break
			}
			if callee.Pkg() == c.pkg && Companion(callee) == nil {
				if u := c.plainNatural(callee.Origin()); u != nil {
					found = &naturalUse{Pos: u.Pos, Name: u.Name, Fn: u.Fn, Via: append([]string{plainName(callee)}, u.Via...)}
				}
			}
		}
		return true
	})
	c.naturals[fn] = found
	return found
}

// rtName is how rt's function or method fn reads: rt.Now, rt.Event.Wait.
func rtName(fn *types.Func) string {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return "rt." + fn.Name()
	}
	t := types.TypeString(recv.Type(), func(*types.Package) string { return "rt" })
	t = strings.TrimPrefix(t, "*")
	if i := strings.IndexByte(t, '['); i >= 0 {
		t = t[:i]
	}
	return fmt.Sprintf("%s.%s", t, fn.Name())
}
