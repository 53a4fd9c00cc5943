-- giveback: hand back a delivery this consumer read but has no slot for:
-- ack and delete it and queue the job again at the stream's tail.
-- KEYS[1] stream
-- ARGV[1] group   ARGV[2] entry id   ARGV[3] consumer   ARGV[4] job id
-- Returns 1, or 0 when the consumer does not hold the entry.
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
if #p == 0 or p[1][2] ~= ARGV[3] then return 0 end
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
redis.call('XADD', KEYS[1], '*', 'job', ARGV[4])
return 1
