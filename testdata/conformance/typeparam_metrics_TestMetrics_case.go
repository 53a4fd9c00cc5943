// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/metrics.go (go1.26.8), case TestMetrics, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
	"sort"
	"sync"
)

// _Metric1 tracks metrics of values of some type.
type typeparam_metrics_TestMetrics__Metric1[T comparable] struct {
	mu sync.Mutex
	m  map[T]int
}

// Add adds another instance of some value.
// async
func (m *typeparam_metrics_TestMetrics__Metric1[T]) Add(v T) {
	rt.Sleep(0)
	m.mu.Lock()
	rt.Sleep(0)
	defer m.mu.Unlock()
	rt.Sleep(0)
	if conformAwait(m.m == nil) {
		rt.Sleep(0)
		m.m = make(map[T]int)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	m.m[v]++
	rt.Sleep(0)
}

// Count returns the number of instances we've seen of v.
// async
func (m *typeparam_metrics_TestMetrics__Metric1[T]) Count(v T) int {
	rt.Sleep(0)
	m.mu.Lock()
	rt.Sleep(0)
	defer m.mu.Unlock()
	rt.Sleep(0)
	return m.m[v]
}

// Metrics returns all the values we've seen, in an indeterminate order.
// async
func (m *typeparam_metrics_TestMetrics__Metric1[T]) Metrics() []T {
	rt.Sleep(0)
	return typeparam_metrics_TestMetrics__Keys(m.m)
}

type typeparam_metrics_TestMetrics_key2[T1, T2 comparable] struct {
	f1 T1
	f2 T2
}

// _Metric2 tracks metrics of pairs of values.
type typeparam_metrics_TestMetrics__Metric2[T1, T2 comparable] struct {
	mu sync.Mutex
	m  map[typeparam_metrics_TestMetrics_key2[T1, T2]]int
}

// Add adds another instance of some pair of values.
// async
func (m *typeparam_metrics_TestMetrics__Metric2[T1, T2]) Add(v1 T1, v2 T2) {
	rt.Sleep(0)
	m.mu.Lock()
	rt.Sleep(0)
	defer m.mu.Unlock()
	rt.Sleep(0)
	if conformAwait(m.m == nil) {
		rt.Sleep(0)
		m.m = make(map[typeparam_metrics_TestMetrics_key2[T1, T2]]int)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	m.m[typeparam_metrics_TestMetrics_key2[T1, T2]{v1, v2}]++
	rt.Sleep(0)
}

// Count returns the number of instances we've seen of v1/v2.
// async
func (m *typeparam_metrics_TestMetrics__Metric2[T1, T2]) Count(v1 T1, v2 T2) int {
	rt.Sleep(0)
	m.mu.Lock()
	rt.Sleep(0)
	defer m.mu.Unlock()
	rt.Sleep(0)
	return m.m[typeparam_metrics_TestMetrics_key2[T1, T2]{v1, v2}]
}

// Metrics returns all the values we've seen, in an indeterminate order.
// async
func (m *typeparam_metrics_TestMetrics__Metric2[T1, T2]) Metrics() (r1 []T1, r2 []T2) {
	rt.Sleep(0)
	for _, k := range typeparam_metrics_TestMetrics__Keys(m.m) {
		rt.Sleep(0)
		r1 = append(r1, k.f1)
		rt.Sleep(0)
		r2 = append(r2, k.f2)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r1, r2
}

type typeparam_metrics_TestMetrics_key3[T1, T2, T3 comparable] struct {
	f1 T1
	f2 T2
	f3 T3
}

// _Metric3 tracks metrics of triplets of values.
type typeparam_metrics_TestMetrics__Metric3[T1, T2, T3 comparable] struct {
	mu sync.Mutex
	m  map[typeparam_metrics_TestMetrics_key3[T1, T2, T3]]int
}

// Add adds another instance of some triplet of values.
// async
func (m *typeparam_metrics_TestMetrics__Metric3[T1, T2, T3]) Add(v1 T1, v2 T2, v3 T3) {
	rt.Sleep(0)
	m.mu.Lock()
	rt.Sleep(0)
	defer m.mu.Unlock()
	rt.Sleep(0)
	if conformAwait(m.m == nil) {
		rt.Sleep(0)
		m.m = make(map[typeparam_metrics_TestMetrics_key3[T1, T2, T3]]int)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	m.m[typeparam_metrics_TestMetrics_key3[T1, T2, T3]{v1, v2, v3}]++
	rt.Sleep(0)
}

// Count returns the number of instances we've seen of v1/v2/v3.
// async
func (m *typeparam_metrics_TestMetrics__Metric3[T1, T2, T3]) Count(v1 T1, v2 T2, v3 T3) int {
	rt.Sleep(0)
	m.mu.Lock()
	rt.Sleep(0)
	defer m.mu.Unlock()
	rt.Sleep(0)
	return m.m[typeparam_metrics_TestMetrics_key3[T1, T2, T3]{v1, v2, v3}]
}

// Metrics returns all the values we've seen, in an indeterminate order.
// async
func (m *typeparam_metrics_TestMetrics__Metric3[T1, T2, T3]) Metrics() (r1 []T1, r2 []T2, r3 []T3) {
	rt.Sleep(0)
	for k := range m.m {
		rt.Sleep(0)
		r1 = append(r1, k.f1)
		rt.Sleep(0)
		r2 = append(r2, k.f2)
		rt.Sleep(0)
		r3 = append(r3, k.f3)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r1, r2, r3
}

type typeparam_metrics_TestMetrics_S struct{ a, b, c string }

// async
func typeparam_metrics_TestMetrics_TestMetrics() {
	rt.Sleep(0)
	m1 := typeparam_metrics_TestMetrics__Metric1[string]{}
	rt.Sleep(0)
	if got := m1.Count("a"); conformAwait(got != 0) {
		rt.Sleep(0)
		panic(fmt.Sprintf("Count(%q) = %d, want 0", "a", got))
	}
	rt.Sleep(0)
	m1.Add("a")
	rt.Sleep(0)
	m1.Add("a")
	rt.Sleep(0)
	if got := m1.Count("a"); conformAwait(got != 2) {
		rt.Sleep(0)
		panic(fmt.Sprintf("Count(%q) = %d, want 2", "a", got))
	}
	rt.Sleep(0)
	if got, want := m1.Metrics(), []string{"a"}; conformAwait(!typeparam_metrics_TestMetrics__SlicesEqual(got, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("Metrics = %v, want %v", got, want))
	}

	rt.Sleep(0)
	m2 := typeparam_metrics_TestMetrics__Metric2[int, float64]{}
	rt.Sleep(0)
	m2.Add(1, 1)
	rt.Sleep(0)
	m2.Add(2, 2)
	rt.Sleep(0)
	m2.Add(3, 3)
	rt.Sleep(0)
	m2.Add(3, 3)
	rt.Sleep(0)
	k1, k2 := m2.Metrics()

	rt.Sleep(0)
	sort.Ints(k1)
	rt.Sleep(0)
	w1 := []int{1, 2, 3}
	rt.Sleep(0)
	if conformAwait(!typeparam_metrics_TestMetrics__SlicesEqual(k1, w1)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Metric2.Metrics first slice = %v, want %v", k1, w1))
	}

	rt.Sleep(0)
	sort.Float64s(k2)
	rt.Sleep(0)
	w2 := []float64{1, 2, 3}
	rt.Sleep(0)
	if conformAwait(!typeparam_metrics_TestMetrics__SlicesEqual(k2, w2)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("_Metric2.Metrics first slice = %v, want %v", k2, w2))
	}

	rt.Sleep(0)
	m3 := typeparam_metrics_TestMetrics__Metric3[string, typeparam_metrics_TestMetrics_S, typeparam_metrics_TestMetrics_S]{}
	rt.Sleep(0)
	m3.Add("a", typeparam_metrics_TestMetrics_S{"d", "e", "f"}, typeparam_metrics_TestMetrics_S{"g", "h", "i"})
	rt.Sleep(0)
	m3.Add("a", typeparam_metrics_TestMetrics_S{"d", "e", "f"}, typeparam_metrics_TestMetrics_S{"g", "h", "i"})
	rt.Sleep(0)
	m3.Add("a", typeparam_metrics_TestMetrics_S{"d", "e", "f"}, typeparam_metrics_TestMetrics_S{"g", "h", "i"})
	rt.Sleep(0)
	m3.Add("b", typeparam_metrics_TestMetrics_S{"d", "e", "f"}, typeparam_metrics_TestMetrics_S{"g", "h", "i"})
	rt.Sleep(0)
	if got := m3.Count("a", typeparam_metrics_TestMetrics_S{"d", "e", "f"}, typeparam_metrics_TestMetrics_S{"g", "h", "i"}); conformAwait(got != 3) {
		rt.Sleep(0)
		panic(fmt.Sprintf("Count(%v, %v, %v) = %d, want 3", "a", typeparam_metrics_TestMetrics_S{"d", "e", "f"}, typeparam_metrics_TestMetrics_S{"g", "h", "i"}, got))
	}
}

// _Equal reports whether two slices are equal: the same length and all
// elements equal. All floating point NaNs are considered equal.
// async
func typeparam_metrics_TestMetrics__SlicesEqual[Elem comparable](s1, s2 []Elem) bool {
	rt.Sleep(0)
	if conformAwait(len(s1) != len(s2)) {
		rt.Sleep(0)
		return false
	}
	rt.Sleep(0)
	for i, v1 := range s1 {
		rt.Sleep(0)
		v2 := s2[i]
		rt.Sleep(0)
		if conformAwait(v1 != v2) {
			rt.Sleep(0)
			isNaN := func(f Elem) bool { return f != f }
			rt.Sleep(0)
			if conformAwait(!isNaN(v1) || !isNaN(v2)) {
				rt.Sleep(0)
				return false
			}
		}
	}
	rt.Sleep(0)
	return true
}

// _Keys returns the keys of the map m.
// The keys will be an indeterminate order.
// async
func typeparam_metrics_TestMetrics__Keys[K comparable, V any](m map[K]V) []K {
	rt.Sleep(0)
	r := make([]K, 0, len(m))
	rt.Sleep(0)
	for k := range m {
		rt.Sleep(0)
		r = append(r, k)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	return r
}

// async
func typeparam_metrics_TestMetrics__run(t *conformT) {
	rt.Sleep(0)
	typeparam_metrics_TestMetrics_TestMetrics()
	rt.Sleep(0)
}
