package analyze

import (
	"go/ast"
	"go/token"
	"go/types"
)

// This file finds blocking operations in the body of an async function. The
// event loop is one goroutine: a call that blocks it stops every task, not
// only the one that made it. Each finding names the rt alternative, or says
// that rt has none yet; the advice follows what the rt package that the code
// imports actually declares.

// blockingUse is one blocking operation in an async function.
type blockingUse struct {
	Pos     token.Pos
	Message string
	// Sleep is the call when the use is time.Sleep, which rt.Sleep
	// replaces as it stands (the analyzer's suggested fix).
	Sleep *ast.CallExpr
}

// blockingKind groups blocking operations that share the same advice.
type blockingKind int

const (
	blockSleep blockingKind = iota
	blockLock
	blockCond
	blockWaitGroup
	blockIO
)

// blockingFuncs are the blocking functions and methods, by types.Func.FullName.
var blockingFuncs = map[string]blockingKind{
	"time.Sleep": blockSleep,

	"(*sync.Mutex).Lock":     blockLock,
	"(*sync.RWMutex).Lock":   blockLock,
	"(*sync.RWMutex).RLock":  blockLock,
	"(*sync.Cond).Wait":      blockCond,
	"(*sync.WaitGroup).Wait": blockWaitGroup,

	"net/http.Get":                blockIO,
	"net/http.Head":               blockIO,
	"net/http.Post":               blockIO,
	"net/http.PostForm":           blockIO,
	"(*net/http.Client).Do":       blockIO,
	"(*net/http.Client).Get":      blockIO,
	"(*net/http.Client).Head":     blockIO,
	"(*net/http.Client).Post":     blockIO,
	"(*net/http.Client).PostForm": blockIO,

	"net.Dial":                       blockIO,
	"net.DialTimeout":                blockIO,
	"(*net.Dialer).Dial":             blockIO,
	"(*net.Dialer).DialContext":      blockIO,
	"(net.Conn).Read":                blockIO,
	"(net.Conn).Write":               blockIO,
	"(*net.conn).Read":               blockIO,
	"(*net.conn).Write":              blockIO,
	"(net.Listener).Accept":          blockIO,
	"(*net.TCPListener).Accept":      blockIO,
	"(*net.TCPListener).AcceptTCP":   blockIO,
	"(*net.UnixListener).Accept":     blockIO,
	"(*net.UnixListener).AcceptUnix": blockIO,
	"(net.PacketConn).ReadFrom":      blockIO,
	"(*net.UDPConn).ReadFrom":        blockIO,
	"(*net.UDPConn).ReadFromUDP":     blockIO,

	"os.ReadFile":            blockIO,
	"os.WriteFile":           blockIO,
	"(*os.File).Read":        blockIO,
	"(*os.File).ReadAt":      blockIO,
	"(*os.File).ReadFrom":    blockIO,
	"(*os.File).Write":       blockIO,
	"(*os.File).WriteAt":     blockIO,
	"(*os.File).WriteString": blockIO,
	"(*os.File).Sync":        blockIO,
}

// blockingUses returns the blocking operations in body, an async function's
// body, in source order. Function literals are skipped: where they run (on
// the loop, or on a worker thread) cannot be known here; async closures
// (rt.Func literals) run on the loop and are checked.
func blockingUses(info *types.Info, pkg *types.Package, body *ast.BlockStmt) []blockingUse {
	rt := rtPackage(pkg)
	var uses []blockingUse
	report := func(pos token.Pos, what, advice string) {
		uses = append(uses, blockingUse{Pos: pos, Message: what + " in an async function blocks the event loop: " + advice})
	}
	chanAdvice := channelAdvice(rt)
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SendStmt:
			report(n.Arrow, "channel send", chanAdvice)
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				report(n.OpPos, "channel receive", chanAdvice)
			}
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					report(n.For, "range over a channel", chanAdvice)
				}
			}
		case *ast.SelectStmt:
			// The communications of a select are its own: it blocks
			// unless it has a default case, and then none of them does.
			hasDefault := false
			for _, cl := range n.Body.List {
				if cc, ok := cl.(*ast.CommClause); ok && cc.Comm == nil {
					hasDefault = true
				}
			}
			if !hasDefault {
				report(n.Select, "select without default", chanAdvice)
			}
			for _, cl := range n.Body.List {
				for _, s := range cl.(*ast.CommClause).Body {
					ast.Inspect(s, visit)
				}
			}
			return false
		case *ast.CallExpr:
			if lit, ok := IsRTFuncLit(info, n); ok {
				ast.Inspect(lit.Body, visit)
				return false
			}
			genAsPlainIterator(info, n, report)
			fn := CalledFunc(info, n)
			if fn == nil {
				break
			}
			kind, ok := blockingFuncs[fn.FullName()]
			if !ok {
				break
			}
			what := blockingName(info, n, fn)
			switch kind {
			case blockSleep:
				report(n.Pos(), what, "use rt.Sleep, which suspends only this task")
				uses[len(uses)-1].Sleep = n
			case blockLock:
				report(n.Pos(), what, lockAdvice(rt))
			case blockCond:
				report(n.Pos(), what, condAdvice(rt))
			case blockWaitGroup:
				report(n.Pos(), what, "spawn the tasks with rt.Spawn and wait for them with rt.Await(rt.Gather(...))")
			case blockIO:
				report(n.Pos(), what+" (blocking I/O)", ioAdvice(rt))
			}
		}
		return true
	}
	ast.Inspect(body, visit)
	return uses
}

// genAsPlainIterator reports an async generator (an rt.Gen or rt.Gen2)
// that call converts to, or passes as, a type that is not a generator: an
// iter.Seq, a func(yield func(T) bool). Ranged over or pulled there, it runs
// as a plain iterator, whose awaits block the loop.
func genAsPlainIterator(info *types.Info, call *ast.CallExpr, report func(token.Pos, string, string)) {
	advice := "range over the generator itself in the async function, so that its awaits suspend the task"
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 && IsGenType(info.TypeOf(call.Args[0])) && !IsGenType(tv.Type) {
			report(call.Args[0].Pos(), "async generator converted to "+types.ExprString(call.Fun)+", a plain iterator,", advice)
		}
		return
	}
	sig, ok := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature)
	if !ok {
		return
	}
	for i, arg := range call.Args {
		if !IsGenType(info.TypeOf(arg)) {
			continue
		}
		var pt types.Type
		switch {
		case sig.Variadic() && i >= sig.Params().Len()-1:
			if s, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice); ok && !call.Ellipsis.IsValid() {
				pt = s.Elem()
			}
		case i < sig.Params().Len():
			pt = sig.Params().At(i).Type()
		}
		if pt != nil && !IsGenType(pt) {
			report(arg.Pos(), "async generator passed as "+types.TypeString(pt, nil)+", a plain iterator,", advice)
		}
	}
}

// channelAdvice says what to use instead of a channel between tasks.
func channelAdvice(rt *types.Package) string {
	if rtHas(rt, "NewQueue") {
		return "pass values between tasks with an rt.Queue (rt.NewQueue) or an rt.Future (rt.NewFuture)"
	}
	return "pass a value between tasks with an rt.Future (rt.NewFuture); rt has no async queue yet"
}

// lockAdvice says what to use instead of a sync.Mutex.
func lockAdvice(rt *types.Package) string {
	advice := "code between two awaits already runs atomically, so it needs no lock"
	if name := rtFirst(rt, "Lock", "Mutex"); name != "" {
		return advice + "; to hold a lock across an await, use an rt." + name
	}
	return advice + "; rt has no async lock yet to hold across an await"
}

// condAdvice says what to use instead of a sync.Cond.
func condAdvice(rt *types.Package) string {
	if name := rtFirst(rt, "Condition", "Cond"); name != "" {
		return "use an rt." + name + ", whose Wait suspends only this task"
	}
	return "rt has no async condition variable yet; signal tasks with an rt.Future (rt.NewFuture)"
}

// ioAdvice says what to do about blocking I/O.
func ioAdvice(rt *types.Package) string {
	if rtHas(rt, "ToThread") {
		return "run it on a worker thread with rt.ToThread"
	}
	return "rt has no rt.ToThread yet to run blocking I/O on a worker thread; keep it out of async functions for now"
}

// rtFirst returns the first of names that rt declares, or "".
func rtFirst(rt *types.Package, names ...string) string {
	for _, name := range names {
		if rtHas(rt, name) {
			return name
		}
	}
	return ""
}

// blockingName names the called function the way the user reads it:
// time.Sleep, sync.Mutex.Lock, net.Conn.Read.
func blockingName(info *types.Info, call *ast.CallExpr, fn *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	// The declaring type, unless it is unexported (net.conn): then the
	// type the user holds (net.TCPConn).
	recv := sig.Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	if named, ok := recv.(*types.Named); ok && !named.Obj().Exported() {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok {
				recv = s.Recv()
			}
		}
	}
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	return types.TypeString(recv, qual) + "." + fn.Name()
}

// warnBlocking reports the blocking operations in an async function as
// warnings: generation goes on.
func (c *checker) warnBlocking(d *ast.FuncDecl) {
	for _, u := range blockingUses(c.info, c.pkg, d.Body) {
		c.warnf(u.Pos, "%s", u.Message)
	}
}
