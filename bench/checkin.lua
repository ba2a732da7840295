-- wrk script for bench/checkin.sh (issue 9): POSTs a check-in — /api/v1/me/volunteer/attendance with the QR token of the
-- volunteer's shift — each request as another volunteer. VOLFILE holds "bearer-token shift-number" a line (checkin-prepare),
-- CODESFILE the QR token of this minute of each shift, one a line (checkin-codes). Each wrk thread takes its own share of the
-- volunteers and walks it once in turn, so no volunteer scans twice in a run (a second scan of the same code is refused, and
-- each volunteer has 20 scans per 10 minutes: CheckInLimits).
--   wrk -t2 -c64 -d10s -s bench/checkin.lua BASEURL -- VOLFILE CODESFILE THREADS
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  local codes = {}
  for line in io.lines(args[2]) do if line ~= "" then table.insert(codes, line) end end
  local n = tonumber(args[3]) or 1
  local t = tid or 1
  tokens, bodies = {}, {}
  local i = 0
  for line in io.lines(args[1]) do
    if line ~= "" then
      i = i + 1
      if (i - 1) % n == t - 1 then
        local token, shift = line:match("^(%S+) (%d+)$")
        table.insert(tokens, token)
        table.insert(bodies, '{"code":"' .. codes[tonumber(shift)] .. '"}')
      end
    end
  end
  counter = 0
end

function request()
  counter = counter + 1
  local k = (counter - 1) % #tokens + 1
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[k] }
  return wrk.format("POST", "/api/v1/me/volunteer/attendance", headers, bodies[k])
end
