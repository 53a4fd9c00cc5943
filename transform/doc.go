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
//     and returns it, cold;
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
// The passes, in order (one file each):
//
//	flatten (lower.go)   control flow holding await points → labels and jumps
//	order   (order.go)   awaits out of expressions, Go's evaluation order kept
//	prune   (prune.go)   unreachable code and unused labels dropped
//	layout  (liveness.go) frame fields for what lives across an await
//	emit    (emit.go, astjen.go, typejen.go) Go source via jennifer
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
// traces and coverage point at the user's source.
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
// next body.
//
// # Not yet lowered
//
// defer, goto, select and type switches holding await points, range over
// channels and functions holding await points, awaits inside function
// literals, and local type declarations are positioned errors for now.
package transform
