-- retrydead: put a dead job back in its stream, with its tries reset. A
-- unique job takes its key again (it was freed when the job died), unless
-- another job holds it meanwhile: then the job stays dead.
-- KEYS[1] dead zset   KEYS[2] job hash   KEYS[3] stream   KEYS[4] done list
-- ARGV[1] job id      ARGV[2] unique ttl s, for hashes that lack uttl
-- Returns {1, ''} when requeued, {0, ''} when the job is not dead,
-- {-1, holder's id} when another job holds its unique key.
if redis.call('ZSCORE', KEYS[1], ARGV[1]) == false then return {0, ''} end
if redis.call('HGET', KEYS[2], 'state') ~= 'dead' then return {0, ''} end
local u = redis.call('HGET', KEYS[2], 'unique')
if u and u ~= '' then
  local holder = redis.call('GET', u)
  if holder and holder ~= ARGV[1] then return {-1, holder} end
  redis.call('SET', u, ARGV[1], 'EX', tonumber(redis.call('HGET', KEYS[2], 'uttl') or ARGV[2]))
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'state', 'queued', 'tries', 0)
redis.call('HDEL', KEYS[2], 'error', 'stack', 'finished')
redis.call('DEL', KEYS[4])
redis.call('XADD', KEYS[3], '*', 'job', ARGV[1])
return {1, ''}
