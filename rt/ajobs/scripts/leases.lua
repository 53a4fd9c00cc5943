-- leases: renew the leases of the deliveries this consumer runs (one
-- heartbeat for all of a worker's jobs of a queue).
-- KEYS[1] stream
-- ARGV[1] group   ARGV[2] consumer   then pairs: ARGV[2i+1] entry id, ARGV[2i+2] deliveries
-- Returns, for each pair, 1 when the lease was renewed (the entry's idle
-- time reset, without counting a delivery), 0 when it is lost (reclaimed
-- by another consumer or attempt, or acked).
local out = {}
for i = 3, #ARGV - 1, 2 do
  local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)
  if #p == 0 or p[1][2] ~= ARGV[2] or tonumber(p[1][4]) ~= tonumber(ARGV[i + 1]) then
    out[#out + 1] = 0
  else
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
    out[#out + 1] = 1
  end
end
return out
