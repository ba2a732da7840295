-- wrk script for bench/write.sh MODE=visit: POSTs a visit to /api/v1/households/{id}/visits with a bearer token,
-- cycling through the household ids of IDSFILE (one a line). Each wrk thread takes its own share of the ids and
-- walks it in turn, so two requests in flight never record on the same household (whose version is a concurrency
-- token) as long as each share is larger than the connections of a thread.
--   wrk -t2 -c64 -d10s -s bench/visit.lua BASEURL -- TOKEN BODYFILE IDSFILE THREADS
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  token = args[1]
  local f = assert(io.open(args[2], "r"))
  body = f:read("*a")
  f:close()
  local all = {}
  for line in io.lines(args[3]) do if line ~= "" then table.insert(all, line) end end
  ids = {}
  local n = tonumber(args[4]) or 1
  local t = tid or 1
  for i, id in ipairs(all) do if (i - 1) % n == t - 1 then table.insert(ids, id) end end
  if #ids == 0 then ids = all end
  counter = 0
end

function request()
  counter = counter + 1
  local id = ids[(counter - 1) % #ids + 1]
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  return wrk.format("POST", "/api/v1/households/" .. id .. "/visits", headers, body)
end
