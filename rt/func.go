package rt

// Func makes an awaitable of a function literal that holds await points:
// an async closure. Inside an //async function, asyncgen lowers the literal
// of rt.Func(func() (T, error) { ... }) into a frame of its own, which
// shares the variables it captures with the enclosing function (as any Go
// closure does), and rt.Func(...) becomes that cold coroutine: nothing runs
// until it is awaited, spawned, gathered or run, and it runs once.
//
//	n, err := rt.Await(rt.Func(func() (int, error) { ... }))
//	t := rt.Spawn(rt.Func(func() (int, error) { ... }))
//	defer rt.Await(rt.Func(func() (struct{}, error) { ... }))
//
// Called from ordinary code, or with a function value that is not a
// literal, Func returns an awaitable that calls f as plain Go when it is
// awaited: f's own calls of async functions are natural calls that block,
// as they do outside async code. Await of such an awaitable from ordinary
// code calls f directly, so a panic in f propagates as in Go.
//
// The trap: in a test function (ordinary code), Run(Func(func() ... { ...
// rt.Sleep(d) ... }), VirtualTime()) sleeps in real time, because the
// literal is plain Go; write the body as a named //async function (see the
// package doc's Tests section).
func Func[T any](f func() (T, error)) Awaitable[T] { return &funcOp[T]{f: f} }

type funcOp[T any] struct {
	f   func() (T, error)
	v   T
	err error
}

func (o *funcOp[T]) AwaitStart(c *Coro) Status {
	o.v, o.err = o.f()
	return Ready
}

func (o *funcOp[T]) AwaitResult() (T, error) { return o.v, o.err }
