#!/usr/bin/env bash
# Scale (issue 6): ARTICLES generated articles of about 10 KB on PostgreSQL. Reports the import rate,
# the cost of a list page at page 1 and at page 500 (keyset cursors, not offsets), a fresh mirror
# pulling everything through the change feed with tools/mirror.py, and the app's memory along the way.
#
#   bench/scale.sh                      # 10,000 articles (about 10 minutes)
#   ARTICLES=2000 SKIP_BUILD=1 bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-10000}
APP_PORT=${APP_PORT:-18080}
PGHOST=${PGHOST:-127.0.0.1}
OUT=target/scale
rm -rf "$OUT"; mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
pg_isready -q -h "$PGHOST" || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q package -DskipTests

db="supplements_scale_$$"
psql -h "$PGHOST" -U postgres -d postgres -qc "create database $db"
app_pid=""
cleanup() {
  set +e
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  psql -h "$PGHOST" -U postgres -d postgres -qc "drop database if exists $db with (force)"
}
trap cleanup EXIT

QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$db" \
SUPPLEMENTS_ADMIN_KEY=scale-key SUPPLEMENTS_RATE_LIMIT_ENABLED=false QUARKUS_LOG_LEVEL=WARN \
  java ${JAVA_OPTS:--Xms32m -Xmx128m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=5000} -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -sf "localhost:$APP_PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
api="http://127.0.0.1:$APP_PORT"
rss() { echo $(( $(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status") / 1024 )); }
echo "app started: $(rss) MB resident"

python3 - "$api" "$ARTICLES" "$app_pid" <<'PY'
import concurrent.futures, random, sys, time, urllib.request
api, total, pid = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def rss():
    with open(f"/proc/{pid}/status") as status:
        return next(int(l.split()[1]) // 1024 for l in status if l.startswith("VmRSS"))
words = ("kratom may relieve pain some users report that it improves their mood a study published in journal of "
         "ethnopharmacology found mild effects while the fda has issued warnings about dependence and liver harm").split()
def sentence(r):
    return " ".join(r.choice(words) for _ in range(r.randint(10, 22))).capitalize() + "."
def article(i):
    r = random.Random(i)
    heads = [f"Part {s} of article {i}" for s in range(8)]
    lines = [sentence(r), sentence(r)] + ["- " + h for h in heads]
    for h in heads:
        lines.append(h)
        lines += [" ".join(sentence(r) for _ in range(4)) for _ in range(3)]
    lines.append(sentence(r))
    return "\n".join(lines).encode()
def post(i):
    req = urllib.request.Request(f"{api}/v1/imports?slug=gen-{i}&status=published", data=article(i), method="POST",
                                 headers={"Authorization": "Bearer scale-key", "Content-Type": "text/plain; charset=utf-8"})
    with urllib.request.urlopen(req) as res:
        assert res.status == 201, res.status
    return len(article(i))
start = time.time(); done = 0; size = 0
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    for n in pool.map(post, range(total)):
        done += 1; size += n
        if done % 1000 == 0:
            print(f"  imported {done}/{total} ({done / (time.time() - start):.0f}/s), {rss()} MB resident", flush=True)
took = time.time() - start
print(f"imported {total} articles, {size / total / 1024:.1f} KB of text each, in {took:.0f} s ({total / took:.0f} articles/s)")
PY
echo "after the import: $(rss) MB resident"

# Page 1 and page 500 of the list (20 a page), reached by following cursors.
cursor=$(python3 - "$api" <<'PY'
import json, sys, urllib.request
api, cursor = sys.argv[1], None
for _ in range(499):
    url = f"{api}/v1/articles?limit=20" + (f"&cursor={cursor}" if cursor else "")
    cursor = json.load(urllib.request.urlopen(url))["next"]
print(cursor)
PY
)
# Anonymous pages come from the cache; with a key every page is read from the database.
for who in anonymous keyed; do
  for page in 1 500; do
    url="$api/v1/articles?limit=20"; [ "$page" = 500 ] && url="$url&cursor=$cursor"
    auth=(); [ "$who" = keyed ] && auth=(-H "Authorization: Bearer scale-key")
    wrk -t2 -c16 -d10s "${auth[@]}" "$url" >/dev/null   # warm-up
    wrk -t2 -c16 -d10s --latency "${auth[@]}" "$url" > "$OUT/list-$who-page-$page.txt"
    awk -v p="$page" -v w="$who" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "list page %s (%s): %s requests/s, p50 %s, p99 %s\n", p, w, rps, p50, p99}' "$OUT/list-$who-page-$page.txt"
  done
done
echo "after the list pages: $(rss) MB resident"

# Two fresh mirrors one after the other: memory that stays flat does not grow from the first to the second.
for pass in 1 2; do
  start=$(date +%s.%N)
  python3 tools/mirror.py "$api" "$OUT/mirror-$pass" --once > "$OUT/mirror-$pass.log"
  took=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
  files=$(ls "$OUT/mirror-$pass/articles" | wc -l)
  mb=$(du -sm "$OUT/mirror-$pass/articles" | cut -f1)
  echo "fresh mirror $pass through the change feed: $files articles ($mb MB of JSON) in ${took} s ($(python3 -c "print(f'{$files / $took:.0f}')") articles/s)"
  echo "after mirror $pass: $(rss) MB resident"
  [ "$files" = "$ARTICLES" ] || { echo "the mirror has $files articles, expected $ARTICLES"; exit 1; }
done
echo "peak resident memory over the whole run: $(( $(awk '/^VmHWM/ {print $2}' "/proc/$app_pid/status") / 1024 )) MB (VmHWM)"
