package rt

// PanicStack returns the stack of the panic the task is unwinding from, as
// debug.Stack gave it where the panic began, or nil when the task is not
// panicking (a cancellation has no stack). A deferred call that recovers
// calls it first, since Recover ends the panic and forgets its stack:
//
//	task := rt.CurrentTask()
//	defer func() {
//		stack := task.PanicStack()
//		if p := recover(); p != nil {
//			log.Printf("panic: %v\n%s", p, stack)
//		}
//	}()
func (c *Coro) PanicStack() []byte {
	if c == nil || c.unw() == nil || c.unw().canceled {
		return nil
	}
	return c.unw().stack
}
