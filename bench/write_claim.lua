-- wrk script of bench/run.sh: every request files a NEW claim (POST /api/mutual-aid/claims).
--
-- usage: wrk ... -s bench/write_claim.lua URL -- DATA_FILE OFFSET THREADS TOKEN
--   DATA_FILE  from bench/claims_setup.py: "FIRST_EPOCH_DAY DAYS", then one enrolment id a line
--   OFFSET     the first claim number of this wrk run (claims_setup.py's nextIndex, then the
--              next-offset printed by the previous run)
--   THREADS    wrk's -t (the stride of the numbering between threads)
--   TOKEN      bearer token of a UNION_OPERATOR covering the enrolments
--
-- Claim number g is a one-day HOSPITAL_STAY on enrolment ids[g % N] on day FIRST + (g // N) % DAYS,
-- as in claims_setup.py: each request's (enrolment, day) is distinct, so none is refused as the
-- same event or an overlapping stay (409), as long as the numbers stay below N * DAYS.
-- Thread t (0-based) uses OFFSET + t, OFFSET + t + THREADS, ...; done() prints "next-offset M", the
-- first number no thread has used, for the next run.

counter = 0     -- requests made by this thread (read by done() through thread:get)
local threads = {}

function setup(thread)
   thread:set("tid", #threads)
   table.insert(threads, thread)
end

function init(args)
   local f = assert(io.open(args[1], "r"))
   first, days = f:read("*n", "*n")
   ids = {}
   for line in f:lines() do
      local id = tonumber(line)
      if id then ids[#ids + 1] = id end
   end
   f:close()
   offset = tonumber(args[2])
   nthreads = tonumber(args[3])
   headers = {["Authorization"] = "Bearer " .. args[4], ["Content-Type"] = "application/json"}
end

function request()
   local g = offset + counter * nthreads + tid
   counter = counter + 1
   local n = #ids
   local day = os.date("!%Y-%m-%d", (first + math.floor(g / n) % days) * 86400)
   local body = string.format('{"enrolmentId":%d,"eventType":"HOSPITAL_STAY","eventDate":"%s","admissionDate":"%s",'
      .. '"dischargeDate":"%s","hospital":"无锡市第二人民医院","diagnosis":"bench",'
      .. '"totalCostFen":300000,"basicInsuranceFen":180000,"commercialInsuranceFen":0}', ids[g % n + 1], day, day, day)
   return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
   local nxt = 0
   for _, t in ipairs(threads) do
      local m = t:get("offset") + t:get("counter") * t:get("nthreads")
      if m > nxt then nxt = m end
   end
   io.write(string.format("next-offset %d\n", nxt))
end
