-- wrk script for bench/write.sh: POSTs one JSON body with a bearer token; with "key" as the third
-- argument, every request carries a fresh Idempotency-Key (thread number + counter).
--   wrk -t2 -c64 -d10s -s bench/write.lua URL -- TOKEN BODYFILE [key]
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
  keyed = args[3] == "key"
  counter = 0
  prefix = string.format("wrk-%d-%d-", os.time(), tid or 0)
end

function request()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json" }
  if token ~= "" then headers["Authorization"] = "Bearer " .. token end
  if keyed then headers["Idempotency-Key"] = prefix .. counter end
  return wrk.format("POST", nil, headers, body)
end
