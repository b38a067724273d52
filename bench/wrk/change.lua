-- PUT /images/{id} over ids 1..count, which run.sh created first. Sweeps set every image Failed,
-- then every one Processing, and so on, so each request is a real transition: the same image
-- comes round again only after count other requests, long after its last change was answered.
-- run.sh passes where the previous run stopped (args[1]), so a new run goes on with the next
-- transition instead of repeating ones already made.
dofile("report.lua")

local n = 0
local count = 500
local headers = {["Content-Type"] = "application/json"}
local bodies = {'{"img_status":"Failed"}', '{"img_status":"Processing"}'}

init = function(args)
  n = tonumber(args[1]) or 0
  count = tonumber(args[2]) or count
end

request = function()
  local id = n % count + 1
  local body = bodies[math.floor(n / count) % 2 + 1]
  n = n + 1
  return wrk.format("PUT", "/images/" .. id, headers, body)
end
