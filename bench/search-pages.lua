-- The common-word search with queries that vary: four words of the bench fleet (lib.sh) in every upper/lower-case
-- spelling of their first five letters, on pages 2..21, 2,560 URLs taken in turn. The same SQL work as one URL, but
-- no URL comes back within a second (wrk's two threads start half the cycle apart), so a page cache keyed by the
-- URL (reads' PageFragments, kept 1 s) cannot answer: this row measures the search itself.
local words = { "OCEAN", "PACIFIC", "SPIRIT", "HOPE" }
local pages, spellings = 20, 32
local cycle = pages * #words * spellings
local threads = 0

function setup(thread)
  thread:set("first", threads * cycle / 2)
  threads = threads + 1
end

function init(args)
  n = first or 0
end

local function spell(word, mask)
  local out = {}
  for i = 1, #word do
    local c = word:sub(i, i)
    if i <= 5 and math.floor(mask / 2 ^ (i - 1)) % 2 == 1 then c = c:lower() end
    out[i] = c
  end
  return table.concat(out)
end

function request()
  local i = n % cycle
  n = n + 1
  local page = 2 + i % pages
  local word = words[math.floor(i / pages) % #words + 1]
  local mask = math.floor(i / (pages * #words))
  return wrk.format("GET", "/vessel/list?name=" .. spell(word, mask) .. "&page=" .. page)
end
