package analyze

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"
)

// This file finds, in async code, calls of plain (not async) functions of
// the module that call rt's async functions: rt.Now, rt.Sleep,
// rt.CurrentTask... Called from a plain function, those run their natural
// forms, which do not use the loop: a plain units() that calls rt.Now()
// reads the wall clock even under rt.VirtualTime, a plain nap() that calls
// rt.Sleep blocks the loop. Marking the plain function //async makes the
// generator await them. The generator follows the functions of every
// package it loaded (naturalIndex); asyncvet those of its package, and
// the exported ones of the module's other packages through a fact
// (naturalFact).

// naturalUse is a call of one of rt's async functions from plain code.
type naturalUse struct {
	At     string // file.go:line:col of the call
	Name   string // how the rt function reads: rt.Now, rt.Event.Wait
	Effect string // what its natural form does (naturalEffect)
	// Via are the plain functions through which the function called from
	// async code reaches it, in call order (none for a direct call).
	Via []ViaFunc
}

// ViaFunc is a plain function on the way from async code to an rt call.
type ViaFunc struct {
	Path, Pkg string // its package's import path and name
	Name      string // plainName
}

// via names fn for naturalUse.Via.
func via(fn *types.Func) ViaFunc {
	return ViaFunc{Path: fn.Pkg().Path(), Pkg: fn.Pkg().Name(), Name: plainName(fn)}
}

// viaName is how v reads from package c.pkg.
func (c *checker) viaName(v ViaFunc) string {
	if v.Path == c.pkg.Path() {
		return v.Name
	}
	return v.Pkg + "." + v.Name
}

// naturalIndex finds the plain functions of the other packages of the
// main module that the generator loaded, by funcKey: one checker per
// package, whose plainNatural is memoized.
type naturalIndex struct {
	byPath map[string]*checker
}

func (x *naturalIndex) lookup(fn *types.Func) *naturalUse {
	if x == nil || fn.Pkg() == nil {
		return nil
	}
	c := x.byPath[fn.Pkg().Path()]
	if c == nil {
		return nil
	}
	return c.plainNaturalKey(funcKey(fn))
}

// plainNaturalCall warns about call, in async code, when it calls a plain
// function of the module that calls one of rt's async functions, directly
// or through other plain functions.
func (c *checker) plainNaturalCall(call *ast.CallExpr) {
	fn := CalledFunc(c.info, call)
	if fn == nil || fn.Pkg() == nil || c.pkg == nil || ownPackage(c.pkg.Path()) || Companion(fn) != nil {
		return
	}
	u := c.calleeNatural(fn)
	if u == nil {
		return
	}
	names := []string{c.viaName(via(fn))}
	for _, v := range u.Via {
		names = append(names, c.viaName(v))
	}
	chain := strings.Join(append(names[1:len(names):len(names)], u.Name), ", which calls ")
	mark := strings.Join(names, " and ")
	name := names[0]
	c.warnf(call.Pos(), "%s is not async but calls %s (%s), so from async code %s runs its natural form, %s: mark %s //async so that the generator awaits it",
		name, chain, u.At, u.Name, u.Effect, mark)
}

// calleeNatural is plainNatural for a function this package calls: one of
// its own, or one of another package of the module (c.extern).
func (c *checker) calleeNatural(fn *types.Func) *naturalUse {
	fn = fn.Origin()
	if fn.Pkg() == c.pkg {
		return c.plainNaturalKey(funcKey(fn))
	}
	if ownPackage(fn.Pkg().Path()) || fn.Pkg().Path() == RTPath || c.extern == nil {
		return nil
	}
	return c.extern(fn)
}

// funcKey names fn within the module: its package's path and plainName.
func funcKey(fn *types.Func) string {
	return fn.Pkg().Path() + " " + plainName(fn)
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

// plainNaturalKey returns the first call of one of rt's async functions in
// the plain function of this package named key (funcKey), directly or
// through the plain functions it calls (of this package or, through
// c.extern, of the module's others); nil when there is none or its body
// is not in the package's files. Function literals are not searched: they
// may run anywhere.
func (c *checker) plainNaturalKey(key string) *naturalUse {
	if c.decls == nil {
		c.decls = map[string]*ast.FuncDecl{}
		c.naturals = map[string]*naturalUse{}
		for _, f := range c.files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && !IsAsyncDecl(fd) {
					if obj, ok := c.info.Defs[fd.Name].(*types.Func); ok {
						c.decls[funcKey(obj)] = fd
					}
				}
			}
		}
	}
	if u, seen := c.naturals[key]; seen {
		return u // nil while key is being searched: a recursive call
	}
	c.naturals[key] = nil
	d := c.decls[key]
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
					pos := c.fset.Position(n.Pos())
					found = &naturalUse{
						At:     fmt.Sprintf("%s:%d:%d", filepath.Base(pos.Filename), pos.Line, pos.Column),
						Name:   rtName(callee),
						Effect: naturalEffect(callee),
					}
				}
				break
			}
			if Companion(callee) == nil {
				if u := c.calleeNatural(callee); u != nil {
					found = &naturalUse{At: u.At, Name: u.Name, Effect: u.Effect, Via: append([]ViaFunc{via(callee.Origin())}, u.Via...)}
				}
			}
		}
		return true
	})
	c.naturals[key] = found
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
