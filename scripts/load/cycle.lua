-- wrk: each thread walks the paths of a file (one a line), from its own starting point, so that
-- a route is loaded with a spread of URLs as real visitors would spread.
--   wrk -s scripts/load/cycle.lua URL -- PATHS_FILE [COOKIE]
local paths = {}
local next_index = 1
local cookie = nil

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no paths in " .. args[1]) end
  cookie = args[2]
  -- Threads start apart: math.random is seeded per thread by wrk's own state.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  next_index = math.random(#paths)
end

-- What every browser sends (and curl --compressed, Python's requests, most HTTP clients): a
-- client that took only plain bodies would have each kept download inflated for it alone.
local accept_encoding = "gzip, deflate, br"

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  local headers = { ["Accept-Encoding"] = accept_encoding }
  if cookie ~= nil and cookie ~= "" then
    headers["Cookie"] = cookie
  end
  return wrk.format("GET", path, headers)
end
