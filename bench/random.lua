-- wrk script: GET /v1/articles/<slug> for slugs read from SLUGS (one a line), chosen uniformly at random,
-- or Zipf-distributed (s = 1) over the list's order when ZIPF=1; the path prefix is PREFIX (default
-- /v1/articles/, "/" for nginx serving the same files). Every non-2xx answer is counted by wrk itself.
local slugs = {}
local cdf = {}
local prefix = os.getenv("PREFIX") or "/v1/articles/"
local zipf = os.getenv("ZIPF") == "1"

for line in io.lines(os.getenv("SLUGS")) do
  slugs[#slugs + 1] = line
end
if zipf then
  local total = 0
  for k = 1, #slugs do total = total + 1 / k end
  local sum = 0
  for k = 1, #slugs do
    sum = sum + 1 / k / total
    cdf[k] = sum
  end
end

local function pick()
  if not zipf then return slugs[math.random(#slugs)] end
  local u, lo, hi = math.random(), 1, #slugs
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return slugs[lo]
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

request = function()
  return wrk.format("GET", prefix .. pick())
end
