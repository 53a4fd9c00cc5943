-- movedue: move the delayed jobs that are due, by the server's clock, to
-- the stream.
-- KEYS[1] delayed zset   KEYS[2] stream
-- ARGV[1] most to move   ARGV[2] job hash key prefix
-- Returns {moved, ms until the next one is due (-1: none)}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
for _, id in ipairs(due) do
  redis.call('XADD', KEYS[2], '*', 'job', id)
  redis.call('ZREM', KEYS[1], id)
  if redis.call('HEXISTS', ARGV[2] .. id, 'state') == 1 then
    redis.call('HSET', ARGV[2] .. id, 'state', 'queued')
  end
end
local nxt = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #nxt == 0 then return {#due, -1} end
local wait = tonumber(nxt[2]) - now
if wait < 0 then wait = 0 end
return {#due, wait}
