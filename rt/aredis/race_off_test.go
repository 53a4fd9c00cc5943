//go:build unix && !race

package aredis_test

const raceOn = false
