-- retrydead: put a dead job back in its stream, with its tries reset.
-- KEYS[1] dead zset   KEYS[2] job hash   KEYS[3] stream   KEYS[4] done list
-- ARGV[1] job id
-- Returns 1 when requeued, 0 when the job is not dead.
if redis.call('ZSCORE', KEYS[1], ARGV[1]) == false then return 0 end
if redis.call('HGET', KEYS[2], 'state') ~= 'dead' then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'state', 'queued', 'tries', 0)
redis.call('HDEL', KEYS[2], 'error', 'stack', 'finished')
redis.call('DEL', KEYS[4])
redis.call('XADD', KEYS[3], '*', 'job', ARGV[1])
return 1
