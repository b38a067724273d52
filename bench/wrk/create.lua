-- POST /images with no id: the server assigns the next free one, so every image is new.
dofile("report.lua")
wrk.method = "POST"
wrk.path = "/images"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"format":"png","resolution":"1920x1080"}'
