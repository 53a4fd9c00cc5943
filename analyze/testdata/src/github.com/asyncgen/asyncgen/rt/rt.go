// Package rt is a stand-in for asyncgen's runtime in the analyzer's tests:
// the same names and signatures, no loop. Like the real rt of today it has
// no ToThread, NewQueue or async lock, so the advice says they are missing.
package rt

import "time"

type Status uint8

type Coro struct{}

type Awaitable[T any] interface {
	AwaitStart(c *Coro) Status
	AwaitResult() (T, error)
}

type Task[T any] struct{}

func (t *Task[T]) AwaitStart(c *Coro) Status { return 0 }
func (t *Task[T]) AwaitResult() (T, error)   { var v T; return v, nil }
func (t *Task[T]) Result() (T, error)        { var v T; return v, nil }

type Future[T any] struct{ Task[T] }

func NewFuture[T any]() *Future[T] { return &Future[T]{} }

type TaskOption func()

func Name(string) TaskOption { return nil }

type LoopOption func()

func Run[T any](aw Awaitable[T], opts ...LoopOption) (T, error) { var v T; return v, nil }

func Await[T any](aw Awaitable[T]) (T, error)        { return Run(aw) }
func Func[T any](f func() (T, error)) Awaitable[T]   { return nil }
func AwaitAsync[T any](aw Awaitable[T]) Awaitable[T] { return aw }

func Sleep(d time.Duration)                          { time.Sleep(d) }
func SleepAsync(d time.Duration) Awaitable[struct{}] { return nil }

func Now() time.Time                 { return time.Now() }
func NowAsync() Awaitable[time.Time] { return nil }

func Spawn[T any](aw Awaitable[T], opts ...TaskOption) *Task[T]                 { panic("no loop") }
func SpawnAsync[T any](aw Awaitable[T], opts ...TaskOption) Awaitable[*Task[T]] { return nil }

func Gather[T any](aws ...Awaitable[T]) Awaitable[[]T] { return nil }

type Tuple2[T0, T1 any] struct {
	V0 T0
	V1 T1
}

func Gather2[A, B any](a Awaitable[A], b Awaitable[B]) Awaitable[Tuple2[A, B]] { return nil }

// rt's natural forms call each other: no natural-call here.
func napTwice(d time.Duration) {
	Sleep(d)
	Sleep(d)
}

// Gen is an async generator (the real one is in rt/agen.go).
type Gen[T any] func(yield func(T) bool)

type SourceFunc struct {
	Name      string
	Line, Off int
	Head      string
	Len       int
	Hash      uint64
}

func CheckSource(source string, fns []SourceFunc) {}
