-- wrk script for bench/charity.sh (issue 10): POSTs a donation — /api/v1/charity/funds/{id}/donations — each request to the next fund
-- of this thread's share of FUNDSFILE ("bearer-token fund-id" a line, charity-prepare), as that fund's township worker, with a fresh
-- Idempotency-Key (TAG-thread-counter) and TAG as the donor's name, so the run's donations can be counted afterwards (charity-count).
-- Counts the answers by status and prints them at the end: "statuses: 201=N other=M" (a timed-out request has no answer).
--   wrk -t2 -c64 -d10s --timeout 10s -s bench/charity.lua BASEURL -- FUNDSFILE THREADS TAG
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  local n = tonumber(args[2]) or 1
  tag = args[3] or "基准测试"
  local t = tid or 1
  tokens, paths = {}, {}
  local lines = {}
  for line in io.lines(args[1]) do if line ~= "" then table.insert(lines, line) end end
  for i, line in ipairs(lines) do
    -- One fund (hot.txt): every thread posts to it.
    if #lines == 1 or (i - 1) % n == t - 1 then
      local token, fund = line:match("^(%S+) (%S+)$")
      table.insert(tokens, token)
      table.insert(paths, "/api/v1/charity/funds/" .. fund .. "/donations")
    end
  end
  counter = 0
  created, other = 0, 0
  prefix = string.format("%s-%d-%d-", tag, os.time(), t)
  body = '{"donorKind":"Individual","donorName":"' .. tag .. '","channel":"WeChat","amountYuan":88.50,"donatedOn":"2026-11-01"}'
end

function request()
  counter = counter + 1
  local k = (counter - 1) % #tokens + 1
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[k], ["Idempotency-Key"] = prefix .. counter }
  return wrk.format("POST", paths[k], headers, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    o = o + thread:get("other")
  end
  io.write(string.format("statuses: 201=%d other=%d\n", c, o))
end
