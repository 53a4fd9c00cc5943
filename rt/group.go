package rt

import "errors"

// TaskGroup holds a set of tasks together, like asyncio.TaskGroup or a Trio
// nursery: tasks join it when spawned with InGroup(g); Wait waits for all
// of them; when one fails, the others are cancelled; and Wait reports every
// failure joined with errors.Join (cancellations are not failures). The
// group keeps its tasks, so none is lost or left running unnoticed.
//
//	g := rt.NewTaskGroup()
//	rt.Spawn(fetchAsync(a), rt.InGroup(g))
//	rt.Spawn(fetchAsync(b), rt.InGroup(g))
//	if err := g.Wait(); err != nil { ... }
//
// If the task in Wait is cancelled, the group's tasks are cancelled, Wait
// still waits for them to finish, and then the cancellation goes on. A task
// spawned into a group that is already failing is cancelled at once.
type TaskGroup struct {
	tasks   []*Coro
	live    int
	errs    []error
	failing bool
	waiter  *Coro // the task parked in Wait
}

// NewTaskGroup returns an empty group.
func NewTaskGroup() *TaskGroup { return &TaskGroup{} }

// InGroup makes the spawned task a member of g.
func InGroup(g *TaskGroup) TaskOption { return TaskOption{group: g} }

// Tasks returns the group's tasks, in the order they joined.
func (g *TaskGroup) Tasks() []*Coro { return append([]*Coro(nil), g.tasks...) }

// Cancel cancels every task of the group that is still running.
func (g *TaskGroup) Cancel() {
	for _, c := range g.tasks {
		c.Cancel()
	}
}

func (g *TaskGroup) join(c *Coro) {
	c.set(flagObserved) // the group reports its failures
	g.tasks = append(g.tasks, c)
	g.live++
	if g.failing {
		c.Cancel()
	}
}

func (g *TaskGroup) childDone(c *Coro, err error) {
	g.live--
	if err != nil && !errors.Is(err, ErrCanceled) {
		g.errs = append(g.errs, err)
		if !g.failing {
			g.failing = true
			g.Cancel()
		}
	}
	if g.live == 0 && g.waiter != nil {
		w := g.waiter
		g.waiter = nil
		w.parked = nil
		w.loop.schedule(w)
	}
}

// Wait waits until every task of the group has finished and returns their
// failures joined (nil if none failed).
//
// Wait is async: inside an //async function the generator awaits
// WaitAsync. Called from ordinary code, where nothing can run the tasks, it
// returns the failures so far if every task has finished and panics
// otherwise.
func (g *TaskGroup) Wait() error {
	if g.live > 0 {
		panic("rt: TaskGroup.Wait must be called from an //async function while tasks are running")
	}
	return errors.Join(g.errs...)
}

// WaitAsync is the companion of Wait.
func (g *TaskGroup) WaitAsync() Awaitable[struct{}] { return (*groupWait)(g) }

type groupWait TaskGroup

func (w *groupWait) AwaitStart(c *Coro) Status {
	g := (*TaskGroup)(w)
	if g.live == 0 {
		return Ready
	}
	g.waiter = c
	c.parked = w
	return Suspended
}

func (w *groupWait) AwaitResult() (struct{}, error) {
	return struct{}{}, errors.Join((*TaskGroup)(w).errs...)
}

func (w *groupWait) cancelWait(c *Coro) { (*TaskGroup)(w).waiter = nil }

// passCancel: cancelling the task in Wait cancels the group's tasks; it
// wakes (and unwinds) when they have all finished.
func (w *groupWait) passCancel(*Coro) bool { (*TaskGroup)(w).Cancel(); return true }
