// Package analyze finds and checks asyncgen's async functions.
//
// An async function is a function or method whose doc comment ends with the
// line
//
//	//async
//
// or, for a durable function (rt/durable), "//async durable" (durable.go
// lists the checks made on those here; transform checks their frames).
//
// Load lists the packages with golang.org/x/tools/go/packages, parses every
// file, and type-checks the packages with an overlay in which each generated
// file (x_async.go) is replaced by stubs of its companions. So a package
// that already calls FAsync type-checks before its first generation, and a
// stale generated file never gets in the way. go/packages supplies the
// metadata (what go list reports); Load parses and type-checks from source
// itself (typecheck.go), the main modules' packages as go/packages would,
// and the packages outside them (the standard library, rt when it is a
// dependency) without function bodies, keeping those for later loads in
// the same process, keyed by their files' content and their imports. All
// loads of a process share one token.FileSet.
//
// For each async function it records the result shape (nothing, error, V,
// (V, error), or a tuple of up to 8 values with an optional trailing error,
// carried by rt.TupleN) and the await points: calls of rt.Await(x), and calls of any
// function F whose package declares the companion FAsync (for a method M,
// the method MAsync on the same type) with the same parameters and an
// rt.Awaitable result. rt's own Sleep, Now, Spawn, CurrentTask and
// AllTasks are async by that rule.
//
// Misuse is a Diagnostic with its file:line:col: rt.Await in ordinary
// code, a go statement that launches an async function, an await inside a
// function literal, more than 8 result values (no rt.TupleN), names with the
// reserved prefix "ag_"; the generator adds the few shapes it cannot lower
// (a variable of a local type that lives across an await point), each
// named. Blocking calls in an async function (time.Sleep, channel
// operations, sync locks and waits, blocking net, net/http and os I/O) are
// warnings that name the rt alternative.
//
// Analyzer holds the same checks and a few more (an async function called
// from ordinary code, a coroutine that is never awaited, an awaited error
// that is thrown away) as a golang.org/x/tools/go/analysis analyzer;
// cmd/asyncvet runs it under go vet -vettool.
package analyze
