-- wrk script for serving-bench.sh: counts responses by status so that a run which measured the
-- wrong answer (429s, 200s where 304s were asked for) is reported, not silently averaged in.
-- The expected status is the first script argument (after "--").

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   expected = tonumber(args[1]) or 200
   matched = 0
   other = 0
end

function response(status, headers, body)
   if status == expected then
      matched = matched + 1
   else
      other = other + 1
   end
end

function done(summary, latency, requests)
   local total_matched, total_other = 0, 0
   for _, thread in ipairs(threads) do
      total_matched = total_matched + thread:get("matched")
      total_other = total_other + thread:get("other")
   end
   local seconds = summary.duration / 1e6
   io.write(string.format("RESULT rps=%.1f p50_us=%d p99_us=%d matched=%d other=%d errors=%d\n",
      summary.requests / seconds,
      latency:percentile(50), latency:percentile(99),
      total_matched, total_other,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
