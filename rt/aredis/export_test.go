//go:build unix

package aredis

// HalfRead returns how many connections cl closed with part of a reply
// read: the tests check that cancellation mid-reply really happened.
func HalfRead(cl *Client) int { return int(cl.halfRead.Load()) }
