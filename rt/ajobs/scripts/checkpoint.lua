-- checkpoint: store a running attempt's checkpoint and renew its lease,
-- fenced like complete: only the consumer that holds the delivery in the
-- group's pending entries, with the delivery count it was given, may
-- write. The check, the renewal (XCLAIM JUSTID resets the entry's idle
-- time) and the write happen together, or not at all.
-- KEYS[1] stream   KEYS[2] job hash
-- ARGV[1] group    ARGV[2] entry id   ARGV[3] consumer   ARGV[4] deliveries
-- ARGV[5] name     ARGV[6] fingerprint   ARGV[7] data
-- Returns {seq, saved ms by Redis's clock} when written (seq counts the
-- job's checkpoints, 1 for the first), 0 when refused (lease lost), -1
-- when the job is gone or has finished.
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
if #p == 0 or p[1][2] ~= ARGV[3] or tonumber(p[1][4]) ~= tonumber(ARGV[4]) then
  return 0
end
local state = redis.call('HGET', KEYS[2], 'state')
if not state or state == 'done' or state == 'dead' then return -1 end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID')
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local seq = redis.call('HINCRBY', KEYS[2], 'cp_seq', 1)
redis.call('HSET', KEYS[2], 'cp_name', ARGV[5], 'cp_fp', ARGV[6], 'cp_data', ARGV[7],
  'cp_size', #ARGV[7], 'cp_at', now)
return {seq, now}
