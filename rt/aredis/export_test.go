//go:build unix

package aredis

// HalfRead returns how many connections cl closed with part of a reply
// read: the tests check that cancellation mid-reply really happened.
func HalfRead(cl *Client) int { return int(cl.halfRead.Load()) }

// OnPartialReply makes cl's idle connections (those of the calling loop
// and any other) call f whenever the reply they read has arrived in part:
// some of it buffered, the rest still to come. Call it from the loop
// that uses them.
func OnPartialReply(cl *Client, f func()) {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	for _, p := range cl.pools {
		for _, cn := range p.idle {
			end := cn.end
			cn.end = func(buf []byte, n int) int {
				r := end(buf, n)
				if r < 0 && len(buf) > 0 && cn.scanErr == nil {
					f()
				}
				return r
			}
		}
	}
}
