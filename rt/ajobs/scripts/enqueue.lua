-- enqueue: store a job and queue it (now or when due).
-- KEYS[1] job hash   KEYS[2] stream   KEYS[3] delayed zset   KEYS[4] unique key or ""
-- ARGV[1] job id     ARGV[2] type     ARGV[3] args   ARGV[4] max attempts
-- ARGV[5] timeout ms ARGV[6] delay ms (-1: none)     ARGV[7] at, unix ms (-1: none)
-- ARGV[8] unique ttl s   ARGV[9] result ttl s
-- Returns {1, id} when queued, {0, id of the holder} when the unique key is taken.
if KEYS[4] ~= '' then
  if not redis.call('SET', KEYS[4], ARGV[1], 'NX', 'EX', ARGV[8]) then
    return {0, redis.call('GET', KEYS[4])}
  end
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local due = -1
if tonumber(ARGV[6]) >= 0 then due = now + tonumber(ARGV[6]) end
if tonumber(ARGV[7]) >= 0 then due = tonumber(ARGV[7]) end
local state = 'queued'
if due > now then state = 'scheduled' end
redis.call('HSET', KEYS[1], 'type', ARGV[2], 'args', ARGV[3], 'max', ARGV[4],
  'timeout', ARGV[5], 'ttl', ARGV[9], 'tries', 0, 'state', state,
  'unique', KEYS[4], 'uttl', ARGV[8], 'enqueued', now)
if due > now then
  redis.call('ZADD', KEYS[3], due, ARGV[1])
else
  redis.call('XADD', KEYS[2], '*', 'job', ARGV[1])
end
return {1, ARGV[1]}
