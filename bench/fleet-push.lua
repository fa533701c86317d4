-- POST /api/voyage alternating two 100-item bodies ($BENCH_PUSH_A, $BENCH_PUSH_B) whose ETAs differ,
-- so every push changes 100 values and writes 100 history events.
local function read(name)
  local file = assert(io.open(os.getenv(name), "rb"))
  local body = file:read("*a")
  file:close()
  return body
end
local bodies = { read("BENCH_PUSH_A"), read("BENCH_PUSH_B") }
local headers = { ["Content-Type"] = "application/json", ["X-API-Key"] = os.getenv("BENCH_API_KEY") }
local count = 0
request = function()
  count = count + 1
  return wrk.format("POST", "/api/voyage", headers, bodies[count % 2 + 1])
end
