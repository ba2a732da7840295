-- wrk script for bench/write.sh MODE=project: POSTs a delivery record to /api/v1/projects/{id}/activities with a bearer
-- token, the same body every time (records on one project never refuse each other: the project row does not change).
--   wrk -t2 -c64 -d10s -s bench/project.lua BASEURL -- TOKEN BODYFILE PROJECTID
function init(args)
  token = args[1]
  local f = assert(io.open(args[2], "r"))
  body = f:read("*a")
  f:close()
  path = "/api/v1/projects/" .. args[3] .. "/activities"
end

function request()
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  return wrk.format("POST", path, headers, body)
end
