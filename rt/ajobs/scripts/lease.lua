-- lease: renew the lease of a delivery this consumer holds (a heartbeat),
-- or learn its delivery count after XAUTOCLAIM gave it to us.
-- KEYS[1] stream
-- ARGV[1] group   ARGV[2] entry id   ARGV[3] consumer   ARGV[4] deliveries (0: any)
-- Returns the delivery count when the consumer still holds the entry with
-- that count (its idle time is reset, without counting a delivery), -1 when
-- the lease is lost (reclaimed by another consumer or attempt, or acked).
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
if #p == 0 or p[1][2] ~= ARGV[3] then return -1 end
if tonumber(ARGV[4]) ~= 0 and tonumber(p[1][4]) ~= tonumber(ARGV[4]) then return -1 end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID')
return p[1][4]
