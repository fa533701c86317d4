-- POST /api/voyage with the 100-item body in $BENCH_PUSH_BODY and the key in $BENCH_API_KEY.
local file = assert(io.open(os.getenv("BENCH_PUSH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("BENCH_API_KEY")
