-- wrk script of the quiz load benchmark's save phases (run by ./run, not by hand).
--
-- Every request is PUT /api/v1/attempts/{id}/answers/{question} with a new
-- seq, on an open pre-test of its own officer. The plan (QUIZLOAD_WRK_PLAN, a
-- Lua file ./run writes) lists the attempts, each with its officer's token,
-- its questions and a few valid answers per question.
--
-- Why there is never an out-of-order seq (which the server refuses with 409):
-- wrk keeps Lua state per thread, not per connection, and response() is not
-- told which request it answers. So each thread owns the attempts whose index
-- is its thread number modulo the thread count, and keeps them in a queue of
-- free attempts. request() takes the attempt at the head of the queue (so at
-- most one save per attempt is ever in flight) and response() puts it back
-- at the tail once the save is answered. A thread owns more attempts than it
-- has connections, and a connection asks for its next request only after its
-- previous answer, so the queue is never empty while nothing failed.
--
-- Which attempt an answer belongs to: seq = k * M + idx, where M is the number
-- of attempts in the plan, idx the attempt's index and k counts the attempt's
-- saves (from QUIZLOAD_WRK_BASE + 1, so a later phase continues above every
-- seq an earlier one sent). The server answers {"lastSeq": seq}, so the
-- answer names its attempt (seq mod M) and its save (seq div M); the question
-- is the k-th of the attempt's questions, round-robin.
--
-- At the end, done() writes to QUIZLOAD_WRK_RESULT: wrk's summary and
-- latency, and per attempt and question the highest seq answered 2xx, for
-- ./run to look up in the database.

local threads = {}
local thread_count = 0

function setup(thread)
   thread:set("tid", thread_count)
   thread_count = thread_count + 1
   table.insert(threads, thread)
end

function init(args)
   local plan = dofile(os.getenv("QUIZLOAD_WRK_PLAN"))
   local base = tonumber(os.getenv("QUIZLOAD_WRK_BASE"))
   local nthreads = tonumber(os.getenv("QUIZLOAD_WRK_THREADS"))
   M = plan.M
   attempts = {}   -- idx -> {path, headers, q = {{id, answers}}}
   k = {}          -- idx -> the k of the last save sent
   inflight = {}   -- idx -> seq of the save in flight
   sent_at = {}    -- idx -> request number when it was sent (for the fallback)
   queue = {}      -- free attempts, FIFO
   qhead, qtail = 1, 0
   acked = {}      -- idx * 1000 + question index -> highest seq answered 2xx
   -- ok: 2xx answers; bad: other answers; unmatched: 2xx naming no attempt of
   -- this thread; stray: 2xx for an attempt whose save in flight has another seq
   ok, bad, unmatched, stray, repeated, fallback, sends, maxk = 0, 0, 0, 0, 0, 0, 0, base
   statuses = {}   -- non-2xx status -> count
   first_bad = ""
   for _, a in ipairs(plan.attempts) do
      if a.idx % nthreads == tid then
         a.headers = { ["Authorization"] = "Bearer " .. a.token, ["Content-Type"] = "application/json" }
         attempts[a.idx] = a
         k[a.idx] = base
         qtail = qtail + 1
         queue[qtail] = a.idx
      end
   end
   -- thread:get("report") from done() reads this: the report is built as one
   -- string in this thread's state (wrk copies tables between states badly).
   setmetatable(_G, { __index = function(_, name)
      if name == "report" then return build_report() end
   end })
end

function request()
   local idx
   if qhead <= qtail then
      idx = queue[qhead]
      queue[qhead] = nil
      qhead = qhead + 1
   else
      -- Only after failures (an answer that was not 2xx, or a connection
      -- that broke, leaves its attempt out of the queue): reuse the attempt
      -- sent longest ago. Counted; a 409 could follow if it is still in flight.
      fallback = fallback + 1
      for i, _ in pairs(attempts) do
         if idx == nil or sent_at[i] < sent_at[idx] then idx = i end
      end
   end
   local a = attempts[idx]
   local kk = k[idx] + 1
   k[idx] = kk
   if kk > maxk then maxk = kk end
   local seq = kk * M + idx
   local nq = #a.q
   local q = a.q[kk % nq + 1]
   local answer = q.answers[math.floor(kk / nq) % #q.answers + 1]
   inflight[idx] = seq
   sends = sends + 1
   sent_at[idx] = sends
   return wrk.format("PUT", a.path .. q.id, a.headers,
                     '{"seq":' .. string.format("%d", seq) .. ',"answer":' .. answer .. '}')
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      bad = bad + 1
      statuses[status] = (statuses[status] or 0) + 1
      if first_bad == "" then first_bad = status .. " " .. string.sub(body or "", 1, 300) end
      return
   end
   local seq = tonumber(string.match(body or "", '"lastSeq"%s*:%s*(%d+)'))
   local idx = seq and seq % M
   local a = idx and attempts[idx]
   if not a then
      unmatched = unmatched + 1
      return
   end
   ok = ok + 1
   if string.find(body, '"repeated"%s*:%s*true') then repeated = repeated + 1 end
   local kk = (seq - idx) / M
   local key = idx * 1000 + kk % #a.q
   if (acked[key] or 0) < seq then acked[key] = seq end
   if inflight[idx] == seq then
      inflight[idx] = nil
      qtail = qtail + 1
      queue[qtail] = idx
   else
      stray = stray + 1
   end
end

function build_report()
   local lines = {}
   table.insert(lines, string.format("thread %d ok %d bad %d unmatched %d stray %d repeated %d fallback %d maxk %d",
                                     tid, ok, bad, unmatched, stray, repeated, fallback, maxk))
   for status, count in pairs(statuses) do
      table.insert(lines, string.format("status %d %d", status, count))
   end
   if first_bad ~= "" then
      table.insert(lines, "firstbad " .. string.gsub(first_bad, "[\r\n]", " "))
   end
   for key, seq in pairs(acked) do
      table.insert(lines, string.format("acked %d %d %d", math.floor(key / 1000), key % 1000, seq))
   end
   return table.concat(lines, "\n")
end

function done(summary, latency, requests)
   local out = assert(io.open(os.getenv("QUIZLOAD_WRK_RESULT"), "w"))
   local e = summary.errors
   out:write(string.format("summary requests %d duration_us %d connect %d read %d write %d status %d timeout %d\n",
                           summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout))
   out:write(string.format("latency_us p50 %d p90 %d p99 %d max %d mean %.1f\n",
                           latency:percentile(50), latency:percentile(90), latency:percentile(99),
                           latency.max, latency.mean))
   for _, thread in ipairs(threads) do
      out:write(thread:get("report"), "\n")
   end
   out:close()
end
