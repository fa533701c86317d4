-- Mixed read traffic for soak.sh: the pages the team uses, in turn, logged in ($BENCH_COOKIE).
-- Counts 5xx answers per thread and reports the total when wrk finishes.
local paths = {
  "/", "/vessel/list?name=OCEAN&page=2", "/vessel/" .. os.getenv("BENCH_DETAIL_ID"), "/voyage",
  "/vessel/list?page=1", "/api/vessels?name=GLORY",
}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  server_errors = 0
  wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[counter % #paths + 1])
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("server_errors")
  end
  io.write(string.format("5xx responses: %d\n", total))
end
