#!/usr/bin/env bash
# Catalogue benchmark (issue 11): ARTICLES generated articles (bench/catalogue.py) on PostgreSQL, the
# packaged app with the Dockerfile's JVM settings, and nginx serving the same JSON files in the same run.
# Measures, in order: the load through the batch import and single imports; start and restart times
# (a clean stop, then kill -9); uniformly random, Zipf-distributed and hot reads against nginx; keyed
# random reads (drafts included); random list pages by topic and random searches; random reads with the
# cache off; a fresh mirror through the change feed; kill -9 during a batch import, and what survives it;
# the app's resident memory over the whole run. Every wrk run's non-2xx answers are printed.
#
#   bench/catalogue.sh                         # 50,000 articles, all imported through the API
#   ARTICLES=5000 SKIP_BUILD=1 bench/catalogue.sh
#   ARTICLES=50000 IMPORT=2000 bench/catalogue.sh   # import 2,000 through the API, copy them in SQL up to 50,000
#
# IMPORT < ARTICLES is for machines where importing the whole catalogue takes too long: the copies are
# the imported articles' rows copied in SQL (bench/copy-catalogue.sql) with new ids, slugs and titles and
# a change-feed entry each, and no stored representation: the app renders and stores each one at its
# first read, which the step that fetches every published article for nginx does before any measurement.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-50000}
IMPORT=${IMPORT:-$ARTICLES}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
# What the Dockerfile runs with.
JAVA_OPTS=${JAVA_OPTS:--Xms32m -Xmx128m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=5000}
APP_PORT=${APP_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18090}
PGHOST=${PGHOST:-127.0.0.1}
OUT=target/catalogue
KEY=catalogue-key
api="http://127.0.0.1:$APP_PORT"
rm -rf "$OUT"; mkdir -p "$OUT/www"

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
pg_isready -q -h "$PGHOST" || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q package -DskipTests

for port in $APP_PORT $NGINX_PORT; do
  ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || { echo "port $port is taken: stop what listens there, or set APP_PORT / NGINX_PORT"; exit 1; }
done

# The PostgreSQL server of these machines runs with autovacuum off, so nothing ever gathers planner
# statistics and queries are planned for empty tables (sequential scans that grow with the catalogue).
# A production server has it on (the default); so does this run, and the setting is restored at exit.
autovacuum_was=$(psql -h "$PGHOST" -U postgres -d postgres -qAtc "show autovacuum")
psql -h "$PGHOST" -U postgres -d postgres -qc "alter system set autovacuum = on" -c "select pg_reload_conf()" >/dev/null

# DB=<name> measures again on the catalogue a previous run left (KEEP_DB=1): no load, no copy.
db=${DB:-supplements_catalogue_$$}
sql() { psql -h "$PGHOST" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAtc "$1"; }
[ -n "${DB:-}" ] || psql -h "$PGHOST" -U postgres -d postgres -qc "create database $db"
app_pid=""; nginx_pid=""
cleanup() {
  set +e
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  [ "${KEEP_DB:-0}" = 1 ] || [ -n "${DB:-}" ] || psql -h "$PGHOST" -U postgres -d postgres -qc "drop database if exists $db with (force)"
  psql -h "$PGHOST" -U postgres -d postgres -qc "alter system set autovacuum = $autovacuum_was" -c "select pg_reload_conf()" >/dev/null
}
trap cleanup EXIT

echo 0 > "$OUT/peak-rss-kb"
sample_rss() {
  local rss; rss=$(awk '/^VmHWM/ {print $2}' "/proc/$app_pid/status" 2>/dev/null || echo 0)
  [ "${rss:-0}" -gt "$(cat "$OUT/peak-rss-kb")" ] && echo "$rss" > "$OUT/peak-rss-kb"
  true
}
# Starts the app (extra settings as VAR=value arguments); sets app_pid, and ready_s to the seconds until
# /q/health/ready. Not to be called in a subshell: app_pid must reach the rest of the script.
start_app() {
  local t0; t0=$(date +%s.%N)
  env QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$db" \
    SUPPLEMENTS_ADMIN_KEY=$KEY SUPPLEMENTS_RATE_LIMIT_ENABLED=false QUARKUS_LOG_LEVEL=WARN "$@" \
    java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar >> "$OUT/app.log" 2>&1 &
  app_pid=$!
  until curl -sf "$api/q/health/ready" >/dev/null; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the app exited; see $OUT/app.log" >&2; exit 1; }
    sleep 0.1
  done
  ready_s=$(python3 -c "print(f'{$(date +%s.%N) - $t0:.1f}')")
}
stop_app() { sample_rss; kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""; }
kill9_app() { sample_rss; kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""; }
rss_mb() { echo $(( $(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status") / 1024 )); }

echo "== $(date -u +%FT%TZ), $(nproc) cores, $(awk '/MemTotal/ {print int($2/1048576)}' /proc/meminfo) GiB; $(java -version 2>&1 | head -1); $(psql --version); $(nginx -v 2>&1)"
start_app; echo "first start$([ -n "${DB:-}" ] || echo " on an empty database (migrations included)"): $ready_s s to ready"

if [ -z "${DB:-}" ]; then
echo "== load: $IMPORT articles through POST /v1/imports/batch"
python3 bench/catalogue.py load "$api" "$KEY" "$IMPORT" --threads 2 --batch 50 | tee "$OUT/load.txt" || echo "(lines refused: see above)"
if [ "$IMPORT" -lt "$ARTICLES" ]; then
  echo "== copying in SQL up to $ARTICLES articles (see the header of this script)"
  t0=$(date +%s)
  psql -h "$PGHOST" -U postgres -d "$db" -v ON_ERROR_STOP=1 -q -v imported="$IMPORT" -v total="$ARTICLES" -f bench/copy-catalogue.sql
  echo "copied in $(( $(date +%s) - t0 )) s"
fi
echo "articles: $(sql "select count(*) from article"), published: $(sql "select count(*) from article where status = 'published'"); database $(sql "select pg_size_pretty(pg_database_size(current_database()))")"

echo "== single imports: 100 one after the other"
python3 - "$api" "$KEY" <<'PY'
import json, statistics, sys, time, urllib.request
sys.path.insert(0, "bench"); import catalogue
api, key = sys.argv[1], sys.argv[2]
times = []
for n in range(10_000_000, 10_000_100):
    a = catalogue.article(n)
    req = urllib.request.Request(f"{api}/v1/imports?slug={a['slug']}&status={a['status']}", data=a["text"].encode(), method="POST",
                                 headers={"Authorization": f"Bearer {key}", "Content-Type": "text/plain; charset=utf-8"})
    t = time.perf_counter()
    with urllib.request.urlopen(req) as res:
        assert res.status == 201
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"single import: p50 {statistics.median(times):.0f} ms, p90 {times[89]:.0f} ms")
PY

fi

echo "== restarts with $(sql "select count(*) from article") articles"
stop_app; start_app; echo "stop, then start: $ready_s s to ready"
kill9_app; start_app; echo "kill -9, then start: $ready_s s to ready"

sql "select slug from article where status = 'published' order by random()" > "$OUT/published.txt"
sql "select slug from article order by random()" > "$OUT/all.txt"
sql "select slug from topic" > "$OUT/topics.txt"
hot=$(head -1 "$OUT/published.txt")
echo "== nginx: the JSON of all $(wc -l < "$OUT/published.txt") published articles"
python3 bench/catalogue.py fetch "$api" "$OUT/published.txt" "$OUT/www"
cat > "$OUT/nginx.conf" <<NGINX
worker_processes auto;
worker_rlimit_nofile 20000;
pid $PWD/$OUT/nginx.pid;
error_log $PWD/$OUT/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  open_file_cache max=4000 inactive=60s;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $PWD/$OUT/www;
    default_type application/json;
  }
}
NGINX
nginx -c "$PWD/$OUT/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 1
mismatches=0
for slug in $(head -300 "$OUT/published.txt"); do
  code=$(curl -s -o "$OUT/nginx.json" -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/$slug")
  [ "$code" = 200 ] && curl -sf "$api/v1/articles/$slug" | cmp -s - "$OUT/nginx.json" || mismatches=$((mismatches + 1))
done
echo "nginx answered 200 with the app's bytes for $((300 - mismatches)) of 300 articles checked"
[ "$mismatches" = 0 ] || { echo "nginx is no reference"; exit 1; }

# wrk with the random-slug script; prints "requests/s p50 p99 non2xx"
measure() {
  local name=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" > "$OUT/wrk-$name.txt" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do sample_rss; sleep 0.5; done
  wait "$wrk_pid"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$5} END {printf "%s %s %s %d\n", rps, p50, p99, bad}' "$OUT/wrk-$name.txt"
}
warm() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$@" >/dev/null; }
row() { printf '%-46s %10s %9s %9s %7s %9s\n' "$@"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
results=()
record() { results+=("$(row "$@")"); echo "$(row "$@")"; }

echo "== reads (wrk -t$THREADS -c$CONNECTIONS -d$DURATION after ${WARMUP}s of warm-up per kind)"
row case requests/s p50 p99 non-2xx "x nginx"
export SLUGS="$PWD/$OUT/published.txt"
warm -s bench/random.lua "$api"
PREFIX=/ warm -s bench/random.lua "http://127.0.0.1:$NGINX_PORT"
read -r n_rps n_p50 n_p99 n_bad <<< "$(PREFIX=/ measure nginx-random -s bench/random.lua "http://127.0.0.1:$NGINX_PORT")"
read -r a_rps a_p50 a_p99 a_bad <<< "$(measure random -s bench/random.lua "$api")"
record "random article, cache at its default size" "$a_rps" "$a_p50" "$a_p99" "$a_bad" "$(ratio "$a_rps" "$n_rps")"
record "  nginx, same files, same slugs" "$n_rps" "$n_p50" "$n_p99" "$n_bad" 1.00
export ZIPF=1
warm -s bench/random.lua "$api"
read -r nz_rps nz_p50 nz_p99 nz_bad <<< "$(PREFIX=/ measure nginx-zipf -s bench/random.lua "http://127.0.0.1:$NGINX_PORT")"
read -r z_rps z_p50 z_p99 z_bad <<< "$(measure zipf -s bench/random.lua "$api")"
record "Zipf (s = 1) article" "$z_rps" "$z_p50" "$z_p99" "$z_bad" "$(ratio "$z_rps" "$nz_rps")"
record "  nginx, Zipf" "$nz_rps" "$nz_p50" "$nz_p99" "$nz_bad" 1.00
unset ZIPF
warm "$api/v1/articles/$hot"
read -r nh_rps nh_p50 nh_p99 nh_bad <<< "$(measure nginx-hot "http://127.0.0.1:$NGINX_PORT/$hot")"
read -r h_rps h_p50 h_p99 h_bad <<< "$(measure hot "$api/v1/articles/$hot")"
record "hot article (one, cached)" "$h_rps" "$h_p50" "$h_p99" "$h_bad" "$(ratio "$h_rps" "$nh_rps")"
record "  nginx, that file" "$nh_rps" "$nh_p50" "$nh_p99" "$nh_bad" 1.00
SLUGS="$PWD/$OUT/all.txt" warm -s bench/random.lua -H "Authorization: Bearer $KEY" "$api"
read -r k_rps k_p50 k_p99 k_bad <<< "$(SLUGS="$PWD/$OUT/all.txt" measure keyed -s bench/random.lua -H "Authorization: Bearer $KEY" "$api")"
record "keyed random article (drafts too)" "$k_rps" "$k_p50" "$k_p99" "$k_bad" ""
cat > "$OUT/topics.lua" <<LUA
local topics = {}
for line in io.lines("$PWD/$OUT/topics.txt") do topics[#topics + 1] = line end
request = function() return wrk.format("GET", "/v1/articles?topic=" .. topics[math.random(#topics)] .. "&limit=" .. math.random(10, 30)) end
LUA
warm -s "$OUT/topics.lua" "$api"
read -r t_rps t_p50 t_p99 t_bad <<< "$(measure topic -s "$OUT/topics.lua" "$api")"
record "random list page, topic filter" "$t_rps" "$t_p50" "$t_p99" "$t_bad" ""
cat > "$OUT/search.lua" <<LUA
local words = {"kratom", "melatonin", "ashwagandha", "turmeric", "valerian", "kava", "magnesium", "ginseng", "curcumin",
  "hair loss", "dependence", "withdrawal", "tolerance", "chronic pain", "muscle soreness", "inflammation", "anxiety", "sleep quality",
  "liver damage", "headaches", "nausea", "jet lag", "thyroid", "immune", "testosterone", "drowsiness", "mood", "stress"}
local topics = {}
for line in io.lines("$PWD/$OUT/topics.txt") do topics[#topics + 1] = line end
request = function()
  local q = words[math.random(#words)]
  if math.random() < 0.5 then q = q .. " " .. words[math.random(#words)] end
  local path = "/v1/articles?q=" .. q:gsub(" ", "+")
  if math.random() < 0.3 then path = path .. "&topic=" .. topics[math.random(#topics)] end
  return wrk.format("GET", path)
end
LUA
warm -s "$OUT/search.lua" "$api"
read -r q_rps q_p50 q_p99 q_bad <<< "$(measure search -s "$OUT/search.lua" "$api")"
record "random search (q, 1-2 words, some with topic)" "$q_rps" "$q_p50" "$q_p99" "$q_bad" ""
echo "resident memory now: $(rss_mb) MB"

echo "== fresh mirror of every published article through the change feed"
t0=$(date +%s.%N)
python3 tools/mirror.py "$api" "$OUT/mirror" --once > "$OUT/mirror.log"
took=$(python3 -c "print(f'{$(date +%s.%N) - $t0:.1f}')")
files=$(ls "$OUT/mirror/articles" | wc -l)
echo "mirror: $files articles in $took s ($(python3 -c "print(f'{$files / $took:.0f}')") articles/s)"
sample_rss

echo "== the cache off: random reads from the stored representations"
stop_app
start_app SUPPLEMENTS_CACHE_ENABLED=false; echo "restart with SUPPLEMENTS_CACHE_ENABLED=false: $ready_s s to ready"
warm -s bench/random.lua "$api"
read -r c_rps c_p50 c_p99 c_bad <<< "$(measure nocache -s bench/random.lua "$api")"
record "random article, cache off" "$c_rps" "$c_p50" "$c_p99" "$c_bad" "$(ratio "$c_rps" "$n_rps")"
stop_app
start_app

echo "== kill -9 during a batch import"
python3 - "$api" "$KEY" "$OUT/acknowledged.txt" <<'PY' &
import json, sys, urllib.request
sys.path.insert(0, "bench"); import catalogue
api, key, out = sys.argv[1], sys.argv[2], sys.argv[3]
with open(out, "w") as acknowledged:
    for first in range(20_000_000, 20_010_000, 20):
        body = "".join(json.dumps(catalogue.article(n)) + "\n" for n in range(first, first + 20)).encode()
        req = urllib.request.Request(f"{api}/v1/imports/batch", data=body, method="POST",
                                     headers={"Authorization": f"Bearer {key}", "Content-Type": "application/x-ndjson"})
        try:
            with urllib.request.urlopen(req) as res:
                for item in json.load(res)["items"]:
                    if item["status"] == 201:
                        acknowledged.write(item["slug"] + "\n")
                acknowledged.flush()
        except Exception:
            break
PY
loader=$!
sleep 30 # a freshly started JVM imports slowly: let some batches be acknowledged first
kill9_app
wait "$loader" || true
start_app; echo "restart after kill -9 under a batch import: $ready_s s to ready"
python3 - "$api" "$KEY" "$OUT/acknowledged.txt" <<'PY' || echo "the kill -9 check FAILED"
import json, sys, urllib.parse, urllib.request
sys.path.insert(0, "bench"); import catalogue
api, key, path = sys.argv[1], sys.argv[2], sys.argv[3]
slugs = open(path).read().split()
bad = []
for slug in slugs:
    n = int(slug.split("-")[1])
    a = catalogue.article(n)
    req = urllib.request.Request(f"{api}/v1/articles/{slug}", headers={"Authorization": f"Bearer {key}", "Accept": "text/plain"})
    text = urllib.request.urlopen(req).read().decode()
    req = urllib.request.Request(f"{api}/v1/articles/{slug}", headers={"Authorization": f"Bearer {key}"})
    article = json.load(urllib.request.urlopen(req))
    found = json.load(urllib.request.urlopen(urllib.request.Request(
        f"{api}/v1/articles?limit=100&q={urllib.parse.quote(a['title'])}", headers={"Authorization": f"Bearer {key}"})))
    if text != a["text"] or article["slug"] != slug or slug not in [i["slug"] for i in found["items"]]:
        bad.append(slug)
print(f"after kill -9: {len(slugs)} acknowledged articles, {len(slugs) - len(bad)} complete, served and found by search; {len(bad)} not")
sys.exit(1 if bad or not slugs else 0)
PY

sample_rss
echo
echo "== summary: $ARTICLES articles ($IMPORT imported through the API), $(date -u +%FT%TZ)"
row case requests/s p50 p99 non-2xx "x nginx"
printf '%s\n' "${results[@]}"
echo "peak resident memory of the app over the run: $(( $(cat "$OUT/peak-rss-kb") / 1024 )) MB (VmHWM, every instance)"
