-- complete: record an attempt's outcome, fenced: only the consumer that
-- holds the delivery in the group's pending entries, with the delivery
-- count it was given, may complete it. XACK, XDEL and the result are
-- written together.
-- KEYS[1] stream   KEYS[2] job hash   KEYS[3] done list   KEYS[4] delayed zset   KEYS[5] dead zset
-- ARGV[1] group    ARGV[2] entry id   ARGV[3] consumer    ARGV[4] deliveries
-- ARGV[5] outcome: ok | retry | dead | sleep   ARGV[6] result (ok) or error message
-- ARGV[7] stack    ARGV[8] retry or sleep delay ms   ARGV[9] job id
-- ARGV[10] sleep: due, unix ms (-1: ARGV[8] from now)
-- Returns 1 done, 2 retry scheduled, 3 dead, 4 sleeping (rescheduled, not
-- counted as a try), 0 refused (lease lost), -1 job unknown (acked and
-- dropped), -2 job had completed already (acked).
-- A finished job keeps its checkpoint's name, fingerprint and time for
-- inspection; a done job drops the checkpoint's data, as it drops its args.
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
if #p == 0 or p[1][2] ~= ARGV[3] or tonumber(p[1][4]) ~= tonumber(ARGV[4]) then
  return 0
end
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
local state = redis.call('HGET', KEYS[2], 'state')
if not state then return -1 end
if state == 'done' or state == 'dead' then return -2 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local outcome = ARGV[5]
if outcome == 'sleep' then
  local due = tonumber(ARGV[10])
  if due < 0 then due = now + tonumber(ARGV[8]) end
  redis.call('HSET', KEYS[2], 'state', 'sleeping')
  redis.call('ZADD', KEYS[4], due, ARGV[9])
  return 4
end
local tries = redis.call('HINCRBY', KEYS[2], 'tries', 1)
if outcome == 'retry' then
  if tries >= tonumber(redis.call('HGET', KEYS[2], 'max')) then
    outcome = 'dead'
  else
    redis.call('HSET', KEYS[2], 'state', 'retry', 'error', ARGV[6], 'stack', ARGV[7])
    redis.call('ZADD', KEYS[4], now + tonumber(ARGV[8]), ARGV[9])
    return 2
  end
end
local ttl = tonumber(redis.call('HGET', KEYS[2], 'ttl'))
local ret = 1
if outcome == 'ok' then
  redis.call('HSET', KEYS[2], 'state', 'done', 'result', ARGV[6], 'finished', now)
  redis.call('HDEL', KEYS[2], 'error', 'stack', 'args', 'cp_data')
  redis.call('EXPIRE', KEYS[2], ttl)
else
  redis.call('HSET', KEYS[2], 'state', 'dead', 'error', ARGV[6], 'stack', ARGV[7], 'finished', now)
  redis.call('ZADD', KEYS[5], now, ARGV[9])
  ret = 3
end
local u = redis.call('HGET', KEYS[2], 'unique')
if u and u ~= '' and redis.call('GET', u) == ARGV[9] then redis.call('DEL', u) end
redis.call('RPUSH', KEYS[3], 1)
redis.call('EXPIRE', KEYS[3], ttl)
return ret
