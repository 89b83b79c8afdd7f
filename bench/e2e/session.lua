-- wrk script for the end-to-end run (bench/run.sh).
-- Every thread cycles through its own NSESS session ids (wrk ... -- NSESS), one per request,
-- so the (threads x connections) requests in flight use distinct sessions: this measures the
-- session handler, not lock contention on one session. Prints one parseable line when done.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("tid", #threads)
end

function init(args)
    nsess = tonumber(args[1]) or 64
    counter = 0
end

function request()
    counter = counter + 1
    local sid = string.format("wrkbench%02dx%05d", tid, counter % nsess)
    return wrk.format("GET", nil, { ["Cookie"] = "PHPSESSID=" .. sid })
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        "WRK requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
        e.connect, e.read, e.write, e.status, e.timeout))
end
