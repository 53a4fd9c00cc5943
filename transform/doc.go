// Package transform turns each async function into a resumable frame.
//
// # Theory of operation
//
// An async function F(params) R becomes four things in x_async.go:
//
//   - a frame struct ag_F: the state number, the parameters, the locals that
//     are live across an await point, one field per awaited type, and the
//     results;
//   - the companion FAsync(params) rt.Awaitable[T], which allocates the frame
//     and returns it, cold (an await of a direct call embeds the frame in
//     the caller's instead, see Embedded frames);
//   - AwaitStart and AwaitResult, the rt.Awaitable protocol: awaiting a
//     frame pushes it on the awaiting task's frame stack (no new task), and
//     its result is read straight from its fields;
//   - Resume, which runs F from the saved state until F returns (rt.Ready),
//     or an await parks the task (rt.Suspended) or pushes a child frame
//     (rt.Pushed).
//
// A task always resumes its innermost frame, so resuming costs the same at
// any call depth; outer frames never re-execute.
//
// Every function and method that is not variadic also gets a spawn
// helper, ag_0spawn_F(params, opts ...rt.TaskOption) (the method
// ag_0spawn_M), and an await point rt.Spawn(fAsync(args), opts...) or
// rt.Spawn(x.MAsync(args), opts...) of a companion generated in the same
// package becomes ag_0spawn_f(args, opts...) (x.ag_0spawn_M(args,
// opts...)): rt.SpawnFrame allocates the task and the frame (passed by
// value) as one object, so a spawn costs one allocation. The arguments are
// evaluated in the same order. Any other spawn (a hand-written companion,
// another package's, an interface's method, an awaitable value) goes
// through rt.SpawnAsync as before. The helper is emitted whether or not
// this build configuration uses it, since a file of another GOOS or a
// test file may.
//
// The passes, in order:
//
//	flatten (lower.go, lower_select.go, lower_goto.go, lower_rangefunc.go,
//	         localtypes.go) control flow holding await points → labels and jumps
//	order   (order.go)   awaits out of expressions, Go's evaluation order kept
//	prune   (prune.go)   unreachable code and unused labels dropped
//	layout  (liveness.go) frame fields for what lives across an await
//	emit    (emit.go, astjen.go, typejen.go) Go source via jennifer
//
// An async closure (closure.go) goes through the same passes as a function
// of its own, after the function that holds it.
//
// # Await points
//
// Before:
//
//	//async
//	func size(url string) (int, error) {
//		body, err := get(url)
//		if err != nil {
//			return 0, err
//		}
//		return len(body), nil
//	}
//
// After (abridged):
//
//	func (ag_f *ag_size) Resume(ag_co *rt.Coro) rt.Status {
//		var (
//			body []byte
//			err  error
//		)
//		switch ag_f.ag_state {
//		case 1:
//			goto ag_resume1
//		}
//		ag_f.ag_aw0 = getAsync(ag_f.url)
//		ag_f.ag_state = 1 // await: get(url)
//		if ag_s := ag_f.ag_aw0.AwaitStart(ag_co); ag_s != rt.Ready {
//			return ag_s
//		}
//	ag_resume1:
//		body, err = ag_f.ag_aw0.AwaitResult()
//		ag_f.ag_aw0 = nil
//		if err != nil {
//			ag_f.ag_r0, ag_f.ag_err = 0, err
//			return rt.Ready
//		}
//		ag_f.ag_r0, ag_f.ag_err = len(body), nil
//		return rt.Ready
//	}
//
// body and err are not live across the await (they are assigned by it), so
// they stay locals of Resume; url is a parameter and lives in the frame.
// Every statement carries a /*line x.go:L:C*/ comment, so panics, stack
// traces and coverage point at the user's source. After formatting, a last
// pass (linepin.go) pins each plumbing statement to the line of the user
// statement it implements (/*line :L:C*/), declares Resume at the user's
// function line, and returns to the generated file's own lines after it
// (//line x_async.go:N), so that every coverage block is a true range of
// the user's file.
//
// # Results
//
// The frame keeps the results in ag_r0 (the value) and ag_err (a trailing
// error), which AwaitResult returns as the awaitable's (T, error). () and
// (error) have no ag_r0 and T = struct{}; V and (V, error) keep V in ag_r0.
// Any other result list is a tuple shape: T is rt.TupleN (N = 2..8) of the
// values before a trailing error, in order, and ag_r0 holds it, so a
// return stores each value in its field:
//
//	//async
//	func lookup(k string) (v int, ok bool, err error) { ... return }
//
//	func lookupAsync(k string) rt.Awaitable[rt.Tuple2[int, bool]]
//	ag_f.ag_r0.V0, ag_f.ag_r0.V1, ag_f.ag_err = ag_f.v, ag_f.ok, ag_f.err
//
// Without a trailing error every result is a value ((int, string) gives
// rt.Tuple2[int, string], (error, int) rt.Tuple2[error, int]). Named
// results are variables like any other; a bare return copies them to the
// fields, and in a function with deferred calls a return sets the named
// results and the exit copies them after the deferred calls ran. An await
// of a tuple-shaped function unpacks the tuple into its destinations, all
// at once, as a, b, err = f() assigns:
//
//	a, b, err := lookup(k)
//
//	{
//		ag_v, ag_e := ag_f.ag_aw0.AwaitResult()
//		a, b, err = ag_v.V0, ag_v.V1, ag_e
//	}
//
// So a tuple-shaped call works wherever a multi-valued call does: on the
// right of an assignment, in return f() of a function with the same
// results, as the arguments of g(f()), deferred, spawned or gathered
// through its companion. More than 8 values besides a trailing error is an
// error at the result list that says to group some in a struct.
//
// # Expressions
//
// Go evaluates calls, receives and && / || left to right. A call that Go
// would evaluate before an await point is evaluated into a temporary first;
// plain operands stay in place (the compiler's walk/order.go does the
// same):
//
//	x := f() + g(h())      // g is async
//
//	ag_t0 = f()
//	ag_f.ag_aw0 = gAsync(h())
//	... await ...
//	ag_t1, _ = ag_f.ag_aw0.AwaitResult()
//	x = ag_t0 + ag_t1
//
// A && b() with b async evaluates b only when Go would:
//
//	ag_t0 = a
//	if !ag_t0 { goto ag_L1 }
//	... await b ...
//	ag_t0 = ag_t1
//	ag_L1:
//
// # Control flow
//
// Statements without await points are copied as they are (their break,
// continue and return statements rewritten when they leave for flattened
// code). A statement holding an await point is flattened, because a resume
// label must sit at the top level of Resume for the dispatch switch to jump
// to it, and Go's goto cannot enter a block. Variables declared in
// flattened code are declared at the top of Resume (or in the frame), so no
// goto jumps over a declaration; a name that would shadow is renamed with
// the reserved prefix.
//
//	if init; cond { A } else { B }
//
//	init
//	if !(cond) { goto else }
//	A
//	goto end
//	else: B
//	end:
//
//	for init; cond; post { body }
//
//	init
//	head: if !(cond) { goto end }
//	body                 // break: goto end; continue: goto post
//	post: post
//	goto head
//	end:
//
// A range loop becomes an index loop over a copy of the range expression:
// over an integer, a slice, an array or a pointer to one; over a string by
// utf8.DecodeRuneInString; over a map through a snapshot of its keys, in
// which a key deleted before its turn is skipped (as Go's range does).
//
// An expression switch evaluates its tag once into a temporary, tests the
// cases in order (a case's expressions evaluated only when reached), and
// each clause body ends by jumping to the end, or for fallthrough to the
// next body. Without a tag a case is the condition itself, except that a
// case of interface type is compared with true (Go's missing tag is the
// bool true): switch { case i: } tests i == true.
//
// A type switch evaluates x once into a temporary and tries the cases in
// order; each clause binds its own v, of the clause's type when it lists
// exactly one type and of x's type otherwise (go/types' Implicits):
//
//	switch v := x.(type) {
//	case int:           A
//	case nil, string:   B
//	default:            C
//	}
//
//	t = x
//	_, ok = t.(int);    if ok { goto c0 }
//	if t == nil { goto c1 }
//	_, ok = t.(string); if ok { goto c1 }
//	goto c2
//	c0: v0 = t.(int); A; goto end
//	c1: v1 = t;       B; goto end
//	c2: v2 = t;       C
//	end:
//
// A select whose case bodies hold await points stays a Go select for the
// communication: its operands are evaluated first when an await point is
// among them (Go evaluates them all, in source order, on entering the
// select), each case only records which one fired and what it received,
// and the bodies run after it, flattened. A break in a body leaves the
// select. The receive or send blocks the loop as it would in Go (a select
// without default is a warning, as every channel operation is).
//
//	select {
//	case v, ok := <-c: A
//	case d <- f():     B
//	default:           C
//	}
//
//	select {
//	case r, rok = <-c: n = 1
//	case d <- f():     n = 2
//	default:           n = 3
//	}
//	if n == 1 { goto c0 }; if n == 2 { goto c1 }; goto c2
//	c0: v, ok = r, rok; A; goto end
//	c1: B; goto end
//	c2: C
//	end:
//
// goto: a label that a goto targets and that sits at the flattened level
// becomes an instruction label, and every goto to it a jump to that label,
// also a goto inside an ordinary statement (which jumps out of its blocks
// to the top level of Resume, as Go allows). Labels and gotos inside
// ordinary statements stay as they are. Flattened variables are declared
// at the top of Resume, so no jump crosses a declaration; and since a
// backward goto re-runs declarations, which Go makes new variables each
// time, a function with a goto gives each declaration a fresh home when a
// closure or a pointer can keep the old one, as loops do.
//
//	again:                       ag_L1:
//		x := f()                     x = new(int)    // captured below
//		fs = append(fs, func() int { return x })
//		if i++; i < n {              ...
//			goto again                   goto ag_L1
//		}
//
// A range over a channel is a receive loop; the receive blocks as it does
// in Go (the analyzer warns):
//
//	for v := range ch { body }
//
//	c = ch
//	head: r, ok = <-c; if !ok { goto end }
//	v = r; body          // break: goto end; continue: goto head
//	goto head
//	end:
//
// A range over a function iterator (iter.Seq, iter.Seq2, or any
// func(yield func(...) bool)) cannot run its body inside the iterator's
// yield callback: yield is a plain call and cannot suspend. So the loop
// pulls: rt.Pull, which is iter.Pull (rt.Pull2 for two values; a
// func(yield func() bool) is adapted to iter.Seq[struct{}]), turns the
// iterator into next and stop, kept in the frame.
//
//	for k, v := range seq { body }
//
//	next, stop = rt.Pull2(ag_co, iter.Seq2[K, V](seq))
//	head: k, v, ok = next(); if !ok { goto end }
//	body                 // break: goto end; continue: goto head
//	goto head
//	end: stop(); stop = nil
//
// An iterator whose yield parameter has a named type (type yf
// func(int) bool; func seq(y yf)) converts to no iter.Seq; it is evaluated
// once and wrapped, iter.Seq[int](func(ag_yield func(int) bool) {
// f(ag_yield) }).
//
// iter.Pull runs the iterator on a coroutine of the Go runtime: a
// goroutine with its own stack that never runs in parallel with its
// caller; next and stop switch to it directly and back (no scheduler, no
// goroutine of ours per task). The iterator runs only inside next and
// stop, on behalf of the loop's goroutine, so code between two await
// points stays atomic. The coroutine lives only while the loop runs: every
// way out stops it, as Go's range-over-func makes yield return false.
// break jumps to end; continue, break or goto to an outer statement, and
// return (after evaluating its results), first call stop on each loop
// they leave, innermost first; statements in the body that may leave it
// are flattened for this even without an await point. A panic or a
// cancellation that unwinds the frame stops every loop still running
// before the deferred calls run (stop is a frame field, nil when its loop
// is not running):
//
//	if ag_co.Unwinding() {
//		if ag_stop := ag_f.ag_t3; ag_stop != nil {
//			ag_f.ag_t3 = nil
//			ag_co.UnwindPull(ag_stop)
//		}
//		goto ag_exit
//	}
//
// UnwindPull makes a panic unwind the iterator as in Go: the iterator's
// yield, where it waits, panics with the same value (rt.Pull's wrapper of
// yield does it), so the code after yield does not run and the iterator's
// deferred calls do; the panic then goes on in the frame, innermost loop
// first. An iterator that panics anew replaces the panic. A cancellation
// makes yield return false, as a break does.
//
// rt.Pull's yield also keeps the state that Go's compiler keeps for each
// range-over-func loop (ready, body running or panicked, left, iterator
// returned), and panics with the Go runtime's own errors, obtained by
// running such loops in plain Go, where Go's loop would: an iterator that
// calls yield after it returned false, while the body runs or after it
// panicked, or after the iterator returned (a saved yield), and an
// iterator that recovers the body's panic and returns.
//
// A return with results inside such loops stores its results where the
// function's results live (its named results, or the frame's result
// fields) before the loops stop, as Go assigns them at the return
// statement (lower_results.go): an iterator that panics when the loop is
// left and a deferred recover leave the function returning them. With
// `=`, the range variables of a loop over a function are assigned one
// after the other (x[i] sees the new i), as Go's range-over-func does;
// those of any other range loop in one assignment, as Go's range does.
//
// # Deferred calls and recover
//
// A defer statement evaluates the function value and the arguments at the
// statement, as Go does (a constant or nil argument stays in place), and
// pushes the call on the frame's rt.Defers; the frame runs them at its exit,
// where returns, panics and cancellation arrive. A deferred call of an
// async function is awaited (PushAsync; defer rt.Await(x) is PushAwait). A plain call is pushed inside a
// function that defers it for real and raises the panic it receives
// (defers.go):
//
//	defer mustRecover(1)
//
//	{
//		ag_d0 := 1                // (a constant stays in the call)
//		ag_f.ag_defers.Push(func(ag_p rt.Panic) {
//			defer mustRecover(ag_d0)
//			ag_p.Raise()
//		})
//	}
//
// When the frame unwinds from a panic, rt runs that function inside a real
// Go call with the panic's value: Raise panics with it, and Go runs the
// deferred call while it is in flight, so Go's own rules decide what
// recover() returns there: the value when the deferred function (a
// literal, a named function, a method value, a method expression, a
// generic function) calls it directly, nil when a function that one calls
// does, or for defer recover(). The function returning normally means
// the panic was recovered: the frame stops unwinding, runs its other
// deferred calls and returns its results. When it panics with another
// value, that panic replaces the first. Without a panic (a return, or a
// cancellation, which recover cannot stop) Raise does nothing, and the
// deferred call runs as a plain call.
//
// A panic raised while another is in flight chains to it as in Go (rt's
// panics.go): raised by an async deferred call (or what it awaits) and
// recovered there, the older panic goes on once that call returns; one
// that unwinds out of the deferred call aborts the older one, which
// PanicError.Aborted keeps, as Go prints it ("panic: 1\n\tpanic: 2"). The
// deferred calls of a deferred async call run when it returns, not under
// the panic, so their recover() returns nil, as in Go.
//
// recover() called directly in the body of an async function (not in a
// function literal) becomes ag_co.Recover(ag_f): it stops the panic in
// flight when the function runs as a deferred call (defer f() with f
// async, which PushAsync awaits) of the frame that unwinds from it, even
// after awaits, as in Go; anywhere else it returns nil, as in Go (a
// function it calls, a call that is not deferred, an rt.Await deferred
// with PushAwait, whose Func literal rt.Await calls).
//
// # Dead variables
//
// A frame field must not keep alive what Go's collector would free: a Go
// variable that is dead (no path from here reads it) holds nothing
// reachable, and a finalizer on what only it pointed to may run. The
// layout pass (liveness.go) computes liveness over the instruction graph
// for choosing the frame fields; the same liveness says where each field
// dies. On every edge from an instruction where a variable is live or
// assigned to one where it is dead, the emitter zeroes its field, and an
// await zeroes the fields that only its awaitable read before it suspends:
//
//	name := nameOf(p)        // p's last use
//	tick(2)
//
//	name = nameOf(ag_f.p)
//	ag_f.p = nil
//	ag_f.ag_aw0 = tickAsync(2)
//
// So a field is zero wherever its variable is dead on every path, and
// never zeroed where it is live: a variable live around a loop's back edge
// is zeroed on the loop's exit edge only, one read on one branch of an if
// is zeroed on the other branch's edge and after its read, and code where
// nothing dies gets no store. Only fields whose type holds pointers are
// zeroed (an int frees nothing), and not on the way to a return (the frame
// is done; a function with deferred calls runs them with those fields
// set). Never zeroed: named results (the exit and the deferred calls read
// them), a range-over-func loop's stop and a generator loop's handle (the
// unwinding prologue reads them), and a variable whose address may be
// held (&x, a method with a pointer receiver, or a capture without a cell,
// below): its field is the variable.
//
// A variable that a function literal captures lives in a cell of its own,
// made at its declaration (as a loop's per-iteration variables are), and
// the literal captures the cell, not the frame, as an async closure's
// frame does (see funcLit in astjen.go):
//
//	p := newObj()
//	go func() { use(p) }()
//	tick(1)
//
//	ag_f.p = new(*obj)
//	(*ag_f.p) = newObj()
//	go func(ag_cell_p **obj) func() {
//		return func() { use((*ag_cell_p)) }
//	}(ag_f.p)()
//	ag_f.p = nil
//	ag_f.ag_aw0 = tickAsync(1)
//
// So the frame lets go of the cell where the function no longer uses the
// variable, while the literal still shares it (its writes are seen where
// the frame reads the cell again, since a read keeps the pointer live).
// For a cell, an assignment is a use of the pointer (it writes through
// it); only a new cell replaces it. A parameter or named result that a
// literal captures, and the iterator that lowering wraps in a literal of
// its own, have no declaration to make the cell at: the literal reads the
// frame field, which is then never zeroed.
//
// # Embedded frames
//
// An await of a direct call of an async function of the same package,
// g(args) or rt.Await(gAsync(args)), allocates no frame when g's frame
// can live in the caller's (embed.go): the caller's frame gets a field of
// g's frame type, shared by every await site of g in the function (only
// one await is pending at a time), and the await starts g there through
// g's init helper, which sets the whole frame (its state too) as the
// companion's literal would, the arguments evaluated as for the call:
//
//	x := mid(i)
//
//	type ag_chain struct { ...; ag_sub0 ag_mid; ... }
//	func ag_0init_mid(ag_p *ag_mid, x int) { *ag_p = ag_mid{x: x} }
//
//	ag_0init_mid(&ag_f.ag_sub0, ag_f.i)
//	ag_f.ag_state = 1 // await: mid(i)
//	if ag_s := ag_f.ag_sub0.AwaitStart(ag_co); ag_s != rt.Ready {
//		return ag_s
//	}
//	ag_resume1:
//	x, _ = ag_f.ag_sub0.AwaitResult()
//	ag_f.ag_sub0 = ag_mid{}     // when ag_mid holds pointers
//
// AwaitStart and AwaitResult are direct calls there, not through the
// Awaitable interface. The field is zeroed once the result is read, so a
// finished callee keeps nothing reachable (as Dead variables says of any
// field); a callee that unwound (a panic, a cancellation) leaves it set
// until the caller's frame is done, since the caller unwinds next.
//
// Embedding is safe because nothing refers to a callee's frame once it
// has returned: the task pops it from its stack (Ready), a PanicError
// keeps the panic's value and stack text, not frames, task dumps walk the
// frames of live stacks, Coro.Recover compares the frame it is called with
// against the running stack, a callee's deferred calls run before it
// returns, and a cancellation unwinds it before its caller. So the field
// can be used again by the next await, in a loop or after a goto: that
// await starts only after the previous one finished. The callee's own
// frame must not be referred to from outside either, so a callee is
// embedded only when its frame (embeddable in embed.go):
//
//   - has no field whose address may be held (&x, a method with a
//     pointer receiver, a capture without a cell: see Dead variables),
//     no async closure (the closure's frame points into it), no range over
//     a function (its iterator's literal reads the frame's fields);
//   - is not a generator's, and neither it nor the caller is durable
//     (durable codecs encode an awaited frame through the awaitable
//     field, and their fingerprints stay as they were);
//   - is not generic and the call is not variadic or g(h()) with h
//     multi-valued (the init helper would need what the companion does);
//   - is of this package: another package's frame type is unexported, so
//     its awaits allocate as before;
//   - is not in the caller's strongly connected component of the package's
//     call graph (a recursive function, or one that calls back its caller
//     through other functions, would have a frame type that contains
//     itself);
//   - is at most 512 bytes with the frames it embeds (maxEmbedSize): a
//     frame that embeds carries its callees' bytes while it lives, parked
//     or not, where a heap frame costs them only during the call.
//
// Functions declared in a file with build constraints neither embed nor
// are embedded, so that which functions embed a callee (and so whether it
// has an init helper) is the same in every build configuration. A callee
// whose frame cannot be embedded is awaited through a new heap frame, as
// before.
//
// # Async closures
//
// A function literal passed to rt.Func inside an async function may hold
// await points: rt.Func(func() (T, error) { ... }) is an rt.Awaitable[T]
// to await, spawn, gather or defer (defer rt.Await(rt.Func(...))). In
// plain Go, rt.Await of it calls the literal. The generator lowers the
// literal like an async function into a frame type of its own, ag_F_func1
// (nested closures append _func1, ...), at package level with F's type
// parameters, and rt.Func(...) into a new frame of it. The frame holds a
// pointer to each variable the closure shares with the functions around
// it, so that both see every write, as with any Go closure:
//
//	total := 0
//	for i := 0; i < 3; i++ {
//		tick(i)
//		jobs = append(jobs, rt.Func(func() (int, error) {
//			total += i
//			return tick(i), nil
//		}))
//	}
//
//	type ag_run_func1 struct {
//		ag_state int
//		total    *int
//		i        *int
//		...
//	}
//	ag_f.jobs = append(ag_f.jobs, rt.Awaitable[int](&ag_run_func1{total: &ag_f.total, i: ag_f.i}))
//
// A captured variable lives in the enclosing frame (total), or in the
// current cell of a variable that each iteration has afresh (i: the cell
// itself, so each iteration's closure keeps its own i), or is a Go local
// of the code around the literal (its address, which Go moves to the
// heap). In the closure's Resume, total reads (*ag_f.total). Everything an
// async function may hold, a closure may hold: loops, defers (its own,
// run when it returns or unwinds), recover, nested closures.
//
// An await point in any other function literal is an error that says to
// write the literal as an async closure.
//
// # Async generators
//
// An async function whose last parameter is yield func(T) bool (or
// func(K, V) bool) and that returns nothing is an async generator
// (lower_agen.go, rt/agen.go). Its frame gets a field ag_gen, the
// *rt.Generator it runs for; each yield(v) is an await point that hands v
// to the loop and detaches the frame from the task (the awaitable returns
// rt.Pushed after popping the frame, so the task resumes the loop's
// frame); the loop's next await pushes the frame back, and the yield
// yields true, or false when the loop is left. The companion drops yield
// and returns an rt.Gen, which carries both forms: ranged over in ordinary
// code it runs the natural function as a push iterator; a generated loop
// gets the frame from it with rt.PullGen.
//
//	//async
//	func ticks(n int, yield func(int) bool) { ... if !yield(i) { return } ... }
//
//	func ticksAsync(n int) rt.Gen[int] {
//		return rt.NewGen(func(yield func(int) bool) { ticks(n, yield) },
//			func(ag_g *rt.Generator[int, struct{}]) rt.Frame { return &ag_ticks{n: n, ag_gen: ag_g} })
//	}
//
//	if !yield(i) { return }
//
//	ag_f.ag_aw1 = ag_f.ag_gen.Yield(ag_f.i, struct{}{})
//	ag_f.ag_state = 2 // await: yield(i)
//	if ag_s := ag_f.ag_aw1.AwaitStart(ag_co); ag_s != rt.Ready {
//		return ag_s    // detached: the loop runs with the value
//	}
//	ag_resume2:        // pushed again by the loop's next
//	ag_t3, _ = ag_f.ag_aw1.AwaitResult()
//
// A range over an rt.Gen in async code is always flattened (even without
// an await point in its body) and awaits the generator instead of pulling
// it with iter.Pull; it shares the range-over-func bookkeeping, with an
// awaited Close where an iterator's loop calls stop:
//
//	for v := range ticksAsync(3) { body }
//
//	g = rt.PullGen(ticksAsync(3))
//	head: ok = await g.Next(); if !ok { goto end }
//	v, _ = g.Values()
//	body                 // break: goto end; continue: goto head
//	goto head
//	end: await g.Close(); g = nil
//
// A return, or a jump to an outer statement, awaits the Close of each
// generator loop it leaves, innermost first; a panic or a cancellation
// unwinding the frame awaits them in Resume's prologue, before the
// deferred calls run (rt unwinds the generator then, instead of resuming
// its yield with false):
//
//	if ag_co.Unwinding() {
//		if ag_g := ag_f.ag_t1; ag_g != nil {
//			if ag_s := ag_g.Close().AwaitStart(ag_co); ag_s != rt.Ready {
//				return ag_s
//			}
//			ag_f.ag_t1 = nil
//		}
//		goto ag_exit
//	}
//
// Calling a generator from async code, using its yield other than by a
// direct call in its body, and ranging over a generator inside a function
// literal of an async function are errors.
//
// # Local types
//
// A type declared at the flattened level is declared at the top of Resume,
// rendered from go/types (so an array length names no local constant), and
// renamed with the reserved prefix when another name would clash:
//
//	type pair struct{ x, y int }     // Resume: type ag_pair_t1 struct{ x int; y int }
//	p := pair{tick(1), 2}            //         ag_p = ag_pair_t1{ag_t3, 2}
//
// Resume's locals may have a local type; a frame field cannot, since the
// frame struct is declared outside the function. A local type that code
// outside Resume names (a frame field's type, an awaited value's, any type
// an async closure uses) moves to package level instead, with the
// function's type parameters if it has any; declared inside an ordinary
// statement, it is declared there as an alias of the moved type:
//
//	type counter struct{ n int }     // type ag_keeps_counter struct{ n int }  (package level)
//	c := counter{1}                  // ag_f.c = ag_keeps_counter{1}
//	tick(0)
//
// %T and reflection show the moved type's name. A generic local type keeps
// its type parameters, after the function's when it moves:
//
//	type box[U any] struct{ t T; u U }   // in g[T any]: type ag_g_box[T any, U any] struct{ ... }
//	b := box[int]{v, 3}                  // ag_f.b = ag_g_box[T, int]{ag_f.v, 3}
//
// # Local constants
//
// A const declaration at the flattened level stays in place, now in
// Resume's single scope, where it would clash with a sibling block's
// constant of the same name and stay visible after its block ended (where
// the source sees an outer constant). Such a constant is renamed
// ag_<name>_c<k> in its declaration and its uses (localconsts.go). In an
// async closure, whose Resume is outside the function, a constant of the
// function is written as its value: an untyped constant as a literal of
// its kind, a typed one as T(literal).
//
// # Stale generated code
//
// A generated file guards itself against its source in two ways (guard.go).
// A signature guard per async function stops the build when the function's
// signature is no longer the one the file was generated for. A changed body
// still compiles, so an init function records, per async function, its
// name, line, offset, first line, length and a 64-bit FNV-1a hash of its
// text (func to closing brace, carriage returns dropped), and calls
// rt.CheckSource with them. In a test binary (go test, or a .test binary
// run by hand) CheckSource reads the source file beside the generated
// file's compile-time path, finds each function by its first line (it may
// have moved) and panics, before any test runs, with
//
//	x.go:12: async function F changed since its generated code was written; run go generate
//
// for each one that changed. Elsewhere, and when the source is not there
// (-trimpath, another machine), it does nothing: a program pays one call
// per generated file at start and no import of package testing. Edits
// outside the async functions' own text (which do move line mappings, and
// which asyncgen -check reports) are not reported. A package's go test
// checks the generated files compiled into its test binary: its own, and
// those of every package it imports.
//
// # Hostile inputs
//
// A companion of a dot-imported package (rt's Sleep after import .
// ".../rt") is named through the generated file's own import of that
// package. Under a //line directive without a column the column is
// unknown (go/token reports 0, which a line directive may not carry): the
// mapping comments use column 1. An async function or method used as a
// value in async code (s.M, S.M, work, pick[int] not called at once) is a
// warning of the analysis: called through the value it is the natural
// form. Async functions in a cgo file are an error (analyze.Load): the
// type checker sees cgo's rewrite of such a file, not the file itself.
//
// # Not lowered
//
// An await inside a function literal that is not an async closure (it
// cannot suspend its async function) is an error, as is a range over a
// function whose type is a type parameter.
package transform
