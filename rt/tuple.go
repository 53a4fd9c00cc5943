package rt

// Tuple2 through Tuple8 carry the results of an async function with several
// values. The companion of
//
//	//async
//	func lookup(key string) (v int, found bool, err error)
//
// is lookupAsync(key string) Awaitable[Tuple2[int, bool]]: the values before
// a trailing error are the fields V0, V1, ... in order, and the trailing
// error is the awaitable's error. Without a trailing error every result is
// a value: func() (int, string) gives Awaitable[Tuple2[int, string]].
// Inside async code none of this shows: v, found, err := lookup(key) awaits
// it like any call. Ordinary code that runs or spawns the companion reads
// the fields, or all of them at once with Values:
//
//	t, err := rt.Run(lookupAsync("k"))
//	v, found := t.Values()
//
// An async function has at most 8 values before its trailing error.

// Tuple2 holds the 2 values of an async function's results (see Tuple2).
type Tuple2[T0, T1 any] struct {
	V0 T0
	V1 T1
}

// Values returns the fields in order.
func (t Tuple2[T0, T1]) Values() (T0, T1) {
	return t.V0, t.V1
}

// Tuple3 holds the 3 values of an async function's results (see Tuple2).
type Tuple3[T0, T1, T2 any] struct {
	V0 T0
	V1 T1
	V2 T2
}

// Values returns the fields in order.
func (t Tuple3[T0, T1, T2]) Values() (T0, T1, T2) {
	return t.V0, t.V1, t.V2
}

// Tuple4 holds the 4 values of an async function's results (see Tuple2).
type Tuple4[T0, T1, T2, T3 any] struct {
	V0 T0
	V1 T1
	V2 T2
	V3 T3
}

// Values returns the fields in order.
func (t Tuple4[T0, T1, T2, T3]) Values() (T0, T1, T2, T3) {
	return t.V0, t.V1, t.V2, t.V3
}

// Tuple5 holds the 5 values of an async function's results (see Tuple2).
type Tuple5[T0, T1, T2, T3, T4 any] struct {
	V0 T0
	V1 T1
	V2 T2
	V3 T3
	V4 T4
}

// Values returns the fields in order.
func (t Tuple5[T0, T1, T2, T3, T4]) Values() (T0, T1, T2, T3, T4) {
	return t.V0, t.V1, t.V2, t.V3, t.V4
}

// Tuple6 holds the 6 values of an async function's results (see Tuple2).
type Tuple6[T0, T1, T2, T3, T4, T5 any] struct {
	V0 T0
	V1 T1
	V2 T2
	V3 T3
	V4 T4
	V5 T5
}

// Values returns the fields in order.
func (t Tuple6[T0, T1, T2, T3, T4, T5]) Values() (T0, T1, T2, T3, T4, T5) {
	return t.V0, t.V1, t.V2, t.V3, t.V4, t.V5
}

// Tuple7 holds the 7 values of an async function's results (see Tuple2).
type Tuple7[T0, T1, T2, T3, T4, T5, T6 any] struct {
	V0 T0
	V1 T1
	V2 T2
	V3 T3
	V4 T4
	V5 T5
	V6 T6
}

// Values returns the fields in order.
func (t Tuple7[T0, T1, T2, T3, T4, T5, T6]) Values() (T0, T1, T2, T3, T4, T5, T6) {
	return t.V0, t.V1, t.V2, t.V3, t.V4, t.V5, t.V6
}

// Tuple8 holds the 8 values of an async function's results (see Tuple2).
type Tuple8[T0, T1, T2, T3, T4, T5, T6, T7 any] struct {
	V0 T0
	V1 T1
	V2 T2
	V3 T3
	V4 T4
	V5 T5
	V6 T6
	V7 T7
}

// Values returns the fields in order.
func (t Tuple8[T0, T1, T2, T3, T4, T5, T6, T7]) Values() (T0, T1, T2, T3, T4, T5, T6, T7) {
	return t.V0, t.V1, t.V2, t.V3, t.V4, t.V5, t.V6, t.V7
}
