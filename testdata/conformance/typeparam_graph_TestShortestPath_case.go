// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Ported from $GOROOT/test/typeparam/graph.go (go1.26.8), case TestShortestPath, by
// internal/conformance: edit the porter, not this file.

package main

import (
	"errors"
	"fmt"
	"github.com/asyncgen/asyncgen/rt"
)

// _SliceEqual reports whether two slices are equal: the same length and all
// elements equal. All floating point NaNs are considered equal.
// async
func typeparam_graph_TestShortestPath__SliceEqual[Elem comparable](s1, s2 []Elem) bool {
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

// A Graph is a collection of nodes. A node may have an arbitrary number
// of edges. An edge connects two nodes. Both nodes and edges must be
// comparable. This is an undirected simple graph.
type typeparam_graph_TestShortestPath__Graph[_Node typeparam_graph_TestShortestPath__NodeC[_Edge], _Edge typeparam_graph_TestShortestPath__EdgeC[_Node]] struct {
	nodes []_Node
}

// _NodeC is the constraints on a node in a graph, given the _Edge type.
type typeparam_graph_TestShortestPath__NodeC[_Edge any] interface {
	comparable
	Edges() []_Edge
}

// _EdgeC is the constraints on an edge in a graph, given the _Node type.
type typeparam_graph_TestShortestPath__EdgeC[_Node any] interface {
	comparable
	Nodes() (a, b _Node)
}

// _New creates a new _Graph from a collection of Nodes.
// async
func typeparam_graph_TestShortestPath__New[_Node typeparam_graph_TestShortestPath__NodeC[_Edge], _Edge typeparam_graph_TestShortestPath__EdgeC[_Node]](nodes []_Node) *typeparam_graph_TestShortestPath__Graph[_Node, _Edge] {
	rt.Sleep(0)
	return &typeparam_graph_TestShortestPath__Graph[_Node, _Edge]{nodes: nodes}
}

// nodePath holds the path to a node during ShortestPath.
// This should ideally be a type defined inside ShortestPath,
// but the translator tool doesn't support that.
type typeparam_graph_TestShortestPath_nodePath[_Node typeparam_graph_TestShortestPath__NodeC[_Edge], _Edge typeparam_graph_TestShortestPath__EdgeC[_Node]] struct {
	node _Node
	path []_Edge
}

// ShortestPath returns the shortest path between two nodes,
// as an ordered list of edges. If there are multiple shortest paths,
// which one is returned is unpredictable.
// async
func (g *typeparam_graph_TestShortestPath__Graph[_Node, _Edge]) ShortestPath(from, to _Node) ([]_Edge, error) {
	rt.Sleep(0)
	visited := make(map[_Node]bool)
	rt.Sleep(0)
	visited[from] = true
	rt.Sleep(0)
	workqueue := []typeparam_graph_TestShortestPath_nodePath[_Node, _Edge]{typeparam_graph_TestShortestPath_nodePath[_Node, _Edge]{from, nil}}
	rt.Sleep(0)
	for conformAwait(len(workqueue) > 0) {
		rt.Sleep(0)
		current := workqueue
		rt.Sleep(0)
		workqueue = nil
		rt.Sleep(0)
		for _, np := range current {
			rt.Sleep(0)
			edges := np.node.Edges()
			rt.Sleep(0)
			for _, edge := range edges {
				rt.Sleep(0)
				a, b := edge.Nodes()
				rt.Sleep(0)
				if conformAwait(a == np.node) {
					rt.Sleep(0)
					a = b
					rt.Sleep(0)
				}
				rt.Sleep(0)
				if conformAwait(!visited[a]) {
					rt.Sleep(0)
					ve := append([]_Edge(nil), np.path...)
					rt.Sleep(0)
					ve = append(ve, edge)
					rt.Sleep(0)
					if conformAwait(a == to) {
						rt.Sleep(0)
						return ve, nil
					}
					rt.Sleep(0)
					workqueue = append(workqueue, typeparam_graph_TestShortestPath_nodePath[_Node, _Edge]{a, ve})
					rt.Sleep(0)
					visited[a] = true
					rt.Sleep(0)
				}
			}
		}
	}
	rt.Sleep(0)
	return nil, errors.New("no path")
}

type typeparam_graph_TestShortestPath_direction int

const (
	typeparam_graph_TestShortestPath_north typeparam_graph_TestShortestPath_direction = iota
	typeparam_graph_TestShortestPath_ne
	typeparam_graph_TestShortestPath_east
	typeparam_graph_TestShortestPath_se
	typeparam_graph_TestShortestPath_south
	typeparam_graph_TestShortestPath_sw
	typeparam_graph_TestShortestPath_west
	typeparam_graph_TestShortestPath_nw
	typeparam_graph_TestShortestPath_up
	typeparam_graph_TestShortestPath_down
)

// async
func (dir typeparam_graph_TestShortestPath_direction) String() string {
	rt.Sleep(0)
	strs := map[typeparam_graph_TestShortestPath_direction]string{
		typeparam_graph_TestShortestPath_north: "north",
		typeparam_graph_TestShortestPath_ne:    "ne",
		typeparam_graph_TestShortestPath_east:  "east",
		typeparam_graph_TestShortestPath_se:    "se",
		typeparam_graph_TestShortestPath_south: "south",
		typeparam_graph_TestShortestPath_sw:    "sw",
		typeparam_graph_TestShortestPath_west:  "west",
		typeparam_graph_TestShortestPath_nw:    "nw",
		typeparam_graph_TestShortestPath_up:    "up",
		typeparam_graph_TestShortestPath_down:  "down",
	}
	rt.Sleep(0)
	if str, ok := strs[dir]; conformAwait(ok) {
		rt.Sleep(0)
		return str
	}
	rt.Sleep(0)
	return fmt.Sprintf("direction %d", dir)
}

type typeparam_graph_TestShortestPath_mazeRoom struct {
	index int
	exits [10]int
}

type typeparam_graph_TestShortestPath_mazeEdge struct {
	from, to int
	dir      typeparam_graph_TestShortestPath_direction
}

// Edges returns the exits from the room.
// async
func (m typeparam_graph_TestShortestPath_mazeRoom) Edges() []typeparam_graph_TestShortestPath_mazeEdge {
	rt.Sleep(0)
	var r []typeparam_graph_TestShortestPath_mazeEdge
	rt.Sleep(0)
	for i, exit := range m.exits {
		rt.Sleep(0)
		if conformAwait(exit != 0) {
			rt.Sleep(0)
			r = append(r, typeparam_graph_TestShortestPath_mazeEdge{
				from: m.index,
				to:   exit,
				dir:  typeparam_graph_TestShortestPath_direction(i),
			})
			rt.Sleep(0)
		}
	}
	rt.Sleep(0)
	return r
}

// Nodes returns the rooms connected by an edge.
//
// async
//
//go:noinline
func (e typeparam_graph_TestShortestPath_mazeEdge) Nodes() (typeparam_graph_TestShortestPath_mazeRoom, typeparam_graph_TestShortestPath_mazeRoom) {
	rt.Sleep(0)
	m1, ok := typeparam_graph_TestShortestPath_zork[e.from]
	rt.Sleep(0)
	if conformAwait(!ok) {
		rt.Sleep(0)
		panic("bad edge")
	}
	rt.Sleep(0)
	m2, ok := typeparam_graph_TestShortestPath_zork[e.to]
	rt.Sleep(0)
	if conformAwait(!ok) {
		rt.Sleep(0)
		panic("bad edge")
	}
	rt.Sleep(0)
	return m1, m2
}

// The first maze in Zork. Room indexes based on original Fortran data file.
// You are in a maze of twisty little passages, all alike.
var typeparam_graph_TestShortestPath_zork = map[int]typeparam_graph_TestShortestPath_mazeRoom{
	11: {exits: [10]int{typeparam_graph_TestShortestPath_north: 11, typeparam_graph_TestShortestPath_south: 12, typeparam_graph_TestShortestPath_east: 14}}, // west to Troll Room
	12: {exits: [10]int{typeparam_graph_TestShortestPath_south: 11, typeparam_graph_TestShortestPath_north: 14, typeparam_graph_TestShortestPath_east: 13}},
	13: {exits: [10]int{typeparam_graph_TestShortestPath_west: 12, typeparam_graph_TestShortestPath_north: 14, typeparam_graph_TestShortestPath_up: 16}},
	14: {exits: [10]int{typeparam_graph_TestShortestPath_west: 13, typeparam_graph_TestShortestPath_north: 11, typeparam_graph_TestShortestPath_east: 15}},
	15: {exits: [10]int{typeparam_graph_TestShortestPath_south: 14}},                                                                                     // Dead End
	16: {exits: [10]int{typeparam_graph_TestShortestPath_east: 17, typeparam_graph_TestShortestPath_north: 13, typeparam_graph_TestShortestPath_sw: 18}}, // skeleton, etc.
	17: {exits: [10]int{typeparam_graph_TestShortestPath_west: 16}},                                                                                      // Dead End
	18: {exits: [10]int{typeparam_graph_TestShortestPath_down: 16, typeparam_graph_TestShortestPath_east: 19, typeparam_graph_TestShortestPath_west: 18, typeparam_graph_TestShortestPath_up: 22}},
	19: {exits: [10]int{typeparam_graph_TestShortestPath_up: 29, typeparam_graph_TestShortestPath_west: 18, typeparam_graph_TestShortestPath_ne: 15, typeparam_graph_TestShortestPath_east: 20, typeparam_graph_TestShortestPath_south: 30}},
	20: {exits: [10]int{typeparam_graph_TestShortestPath_ne: 19, typeparam_graph_TestShortestPath_west: 20, typeparam_graph_TestShortestPath_se: 21}},
	21: {exits: [10]int{typeparam_graph_TestShortestPath_north: 20}}, // Dead End
	22: {exits: [10]int{typeparam_graph_TestShortestPath_north: 18, typeparam_graph_TestShortestPath_east: 24, typeparam_graph_TestShortestPath_down: 23, typeparam_graph_TestShortestPath_south: 28, typeparam_graph_TestShortestPath_west: 26, typeparam_graph_TestShortestPath_nw: 22}},
	23: {exits: [10]int{typeparam_graph_TestShortestPath_east: 22, typeparam_graph_TestShortestPath_west: 28, typeparam_graph_TestShortestPath_up: 24}},
	24: {exits: [10]int{typeparam_graph_TestShortestPath_ne: 25, typeparam_graph_TestShortestPath_down: 23, typeparam_graph_TestShortestPath_nw: 28, typeparam_graph_TestShortestPath_sw: 26}},
	25: {exits: [10]int{typeparam_graph_TestShortestPath_sw: 24}}, // Grating room (up to Clearing)
	26: {exits: [10]int{typeparam_graph_TestShortestPath_west: 16, typeparam_graph_TestShortestPath_sw: 24, typeparam_graph_TestShortestPath_east: 28, typeparam_graph_TestShortestPath_up: 22, typeparam_graph_TestShortestPath_north: 27}},
	27: {exits: [10]int{typeparam_graph_TestShortestPath_south: 26}}, // Dead End
	28: {exits: [10]int{typeparam_graph_TestShortestPath_east: 22, typeparam_graph_TestShortestPath_down: 26, typeparam_graph_TestShortestPath_south: 23, typeparam_graph_TestShortestPath_west: 24}},
	29: {exits: [10]int{typeparam_graph_TestShortestPath_west: 30, typeparam_graph_TestShortestPath_nw: 29, typeparam_graph_TestShortestPath_ne: 19, typeparam_graph_TestShortestPath_south: 19}},
	30: {exits: [10]int{typeparam_graph_TestShortestPath_west: 29, typeparam_graph_TestShortestPath_south: 19}}, // ne to Cyclops Room
}

// async
func typeparam_graph_TestShortestPath_TestShortestPath() {
	// The Zork maze is not a proper undirected simple graph,
	// as there are some one way paths (e.g., 19 -> 15),
	// but for this test that doesn't matter.

	// Set the index field in the map. Simpler than doing it in the
	// composite literal.
	rt.Sleep(0)
	for k := range typeparam_graph_TestShortestPath_zork {
		rt.Sleep(0)
		r := typeparam_graph_TestShortestPath_zork[k]
		rt.Sleep(0)
		r.index = k
		rt.Sleep(0)
		typeparam_graph_TestShortestPath_zork[k] = r
		rt.Sleep(0)
	}

	rt.Sleep(0)
	var nodes []typeparam_graph_TestShortestPath_mazeRoom
	rt.Sleep(0)
	for idx, room := range typeparam_graph_TestShortestPath_zork {
		rt.Sleep(0)
		mridx := room
		rt.Sleep(0)
		mridx.index = idx
		rt.Sleep(0)
		nodes = append(nodes, mridx)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	g := typeparam_graph_TestShortestPath__New[typeparam_graph_TestShortestPath_mazeRoom, typeparam_graph_TestShortestPath_mazeEdge](nodes)
	rt.Sleep(0)
	path, err := g.ShortestPath(typeparam_graph_TestShortestPath_zork[11], typeparam_graph_TestShortestPath_zork[30])
	rt.Sleep(0)
	if conformAwait(err != nil) {
		rt.Sleep(0)
		panic(fmt.Sprintf("%v", err))
	}
	rt.Sleep(0)
	var steps []typeparam_graph_TestShortestPath_direction
	rt.Sleep(0)
	for _, edge := range path {
		rt.Sleep(0)
		steps = append(steps, edge.dir)
		rt.Sleep(0)
	}
	rt.Sleep(0)
	want := []typeparam_graph_TestShortestPath_direction{typeparam_graph_TestShortestPath_east, typeparam_graph_TestShortestPath_west, typeparam_graph_TestShortestPath_up, typeparam_graph_TestShortestPath_sw, typeparam_graph_TestShortestPath_east, typeparam_graph_TestShortestPath_south}
	rt.Sleep(0)
	if conformAwait(!typeparam_graph_TestShortestPath__SliceEqual(steps, want)) {
		rt.Sleep(0)
		panic(fmt.Sprintf("ShortestPath returned %v, want %v", steps, want))
	}
}

// async
func typeparam_graph_TestShortestPath__run(t *conformT) {
	rt.Sleep(0)
	typeparam_graph_TestShortestPath_TestShortestPath()
	rt.Sleep(0)
}
