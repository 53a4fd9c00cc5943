package main

var conformCases = []conformCase{
	{"x", switch_main__run, switch_main__runAsync},
}
