-- wrk script for bench/competitions.sh (issue 12): POSTs a judge's scores — /api/v1/me/reviews/{scoreId}/score — each request the next
-- assignment of this thread's share of FILE ("bearer-token score-id" a line, competitions-prepare: panel.txt or review.txt), as its judge,
-- with a fresh Idempotency-Key. Past the end of its share a thread starts again: scoring again corrects the score (allowed until the
-- notice), the same UPDATE of one row. Counts the answers: "statuses: 200=N other=M" (a timed-out request has no answer).
--   wrk -t2 -c8 -d10s --timeout 10s -s bench/scoring.lua BASEURL -- FILE THREADS TAG
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  local n = tonumber(args[2]) or 1
  local tag = args[3] or "bench"
  local t = tid or 1
  tokens, paths = {}, {}
  local i = 0
  for line in io.lines(args[1]) do
    if line ~= "" then
      i = i + 1
      if (i - 1) % n == t - 1 then
        local token, score = line:match("^(%S+) (%S+)$")
        table.insert(tokens, token)
        table.insert(paths, "/api/v1/me/reviews/" .. score .. "/score")
      end
    end
  end
  counter = 0
  ok, other = 0, 0
  prefix = string.format("%s-%d-%d-", tag, os.time(), t)
  body = '{"scores":[8,7,9,8,7],"comment":"基准测试评分：项目设计较完整，需求分析清楚，建议细化服务指标。' .. tag .. '"}'
end

function request()
  counter = counter + 1
  local k = (counter - 1) % #tokens + 1
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[k], ["Idempotency-Key"] = prefix .. counter }
  return wrk.format("POST", paths[k], headers, body)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("ok")
    o = o + thread:get("other")
  end
  io.write(string.format("statuses: 200=%d other=%d\n", c, o))
end
