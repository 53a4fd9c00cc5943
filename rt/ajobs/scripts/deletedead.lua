-- deletedead: forget a dead job.
-- KEYS[1] dead zset   KEYS[2] job hash   KEYS[3] done list
-- ARGV[1] job id
-- Returns 1 when deleted, 0 when the job is not dead.
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('DEL', KEYS[2], KEYS[3])
return 1
