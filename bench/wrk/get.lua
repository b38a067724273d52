-- GET of the URL given to wrk, as is.
dofile("report.lua")
