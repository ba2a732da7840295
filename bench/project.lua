-- wrk script for bench/write.sh MODE=project: POSTs a delivery record to /api/v1/projects/{id}/activities with a bearer
-- token (records on one project never refuse each other: the project row does not change). Each record registers the next
-- 5 residents of RESIDENTSFILE (one id a line), in turn, in place of the body's "residentIds" (a body with none stays so).
--   wrk -t2 -c64 -d10s -s bench/project.lua BASEURL -- TOKEN BODYFILE PROJECTID RESIDENTSFILE
function init(args)
  token = args[1]
  local f = assert(io.open(args[2], "r"))
  body = f:read("*a")
  f:close()
  path = "/api/v1/projects/" .. args[3] .. "/activities"
  residents = {}
  if args[4] then for line in io.lines(args[4]) do if line ~= "" then table.insert(residents, line) end end end
  counter = math.random(0, 1000)
end

function request()
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  local b = body
  if #residents >= 5 and not string.find(body, '"residentIds":%[%]') then
    counter = counter + 1
    local ids = {}
    for i = 0, 4 do ids[#ids + 1] = '"' .. residents[(counter * 5 + i) % #residents + 1] .. '"' end
    b = string.gsub(body, '"residentIds":%b[]', '"residentIds":[' .. table.concat(ids, ",") .. ']')
  end
  return wrk.format("POST", path, headers, b)
end
