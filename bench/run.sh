#!/usr/bin/env bash
# Read-speed benchmark (issue 6): the packaged app on PostgreSQL with the sample content, against nginx
# serving the exact bytes of the same article, on loopback, in the same run, after a warm-up.
#
#   bench/run.sh                      # build, warm up 40 s and measure 20 s per case (about 5 minutes)
#   SKIP_BUILD=1 DURATION=10s WARMUP=40 CONNECTIONS=32 bench/run.sh
#   SUPPLEMENTS_CACHE_ENABLED=false bench/run.sh   # the same without the article cache
#
# Needs a JDK 17 and the local PostgreSQL server; installs wrk and nginx from Debian when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-40}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
# What the Dockerfile runs with: a small heap and the serial collector keep the resident set small on 2 cores.
JAVA_OPTS=${JAVA_OPTS:--Xms32m -Xmx128m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:TrimNativeHeapInterval=5000}
APP_PORT=${APP_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18090}
PGHOST=${PGHOST:-127.0.0.1}
OUT=target/bench
mkdir -p "$OUT/www"

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
pg_isready -q -h "$PGHOST" || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q package -DskipTests

db="supplements_bench_$$"
psql -h "$PGHOST" -U postgres -d postgres -qc "create database $db"
app_pid=""; nginx_pid=""
cleanup() {
  set +e
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  psql -h "$PGHOST" -U postgres -d postgres -qc "drop database if exists $db with (force)"
}
trap cleanup EXIT

QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:5432/$db" \
SUPPLEMENTS_SAMPLE_CONTENT=true SUPPLEMENTS_RATE_LIMIT_ENABLED=false QUARKUS_LOG_LEVEL=WARN \
  java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -sf "localhost:$APP_PORT/q/health/ready" >/dev/null && break; sleep 0.5; done

api="http://127.0.0.1:$APP_PORT"
slug=$(curl -sf "$api/v1/articles?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')
curl -sf -D "$OUT/article.headers" -o "$OUT/www/article.json" "$api/v1/articles/$slug"
etag=$(grep -i '^etag:' "$OUT/article.headers" | cut -d' ' -f2 | tr -d '\r')
bytes=$(stat -c %s "$OUT/www/article.json")
# The app's gzip bytes of the same article (compressed once, then served from the cache): nginx's gzip_static sends this file.
curl -sf -H 'Accept-Encoding: gzip' -o "$OUT/www/article.json.gz" "$api/v1/articles/$slug"
curl -sf -H 'Accept-Encoding: gzip' -o "$OUT/www/article.json.gz" "$api/v1/articles/$slug"
cmp -s "$OUT/www/article.json" <(gunzip -c "$OUT/www/article.json.gz") || { echo "the app's gzip answer is not the article"; exit 1; }
gz_bytes=$(stat -c %s "$OUT/www/article.json.gz")

cat > "$OUT/nginx.conf" <<NGINX
worker_processes auto;
pid $PWD/$OUT/nginx.pid;
error_log $PWD/$OUT/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $PWD/$OUT/www;
    default_type application/json;
    gzip_static on;
    gzip_vary on;
  }
}
NGINX
nginx -c "$PWD/$OUT/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 1
cmp -s "$OUT/www/article.json" <(curl -sf "http://127.0.0.1:$NGINX_PORT/article.json") || { echo "nginx does not serve the same bytes"; exit 1; }
cmp -s "$OUT/www/article.json.gz" <(curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT/article.json") \
  || { echo "nginx does not serve the same gzip bytes"; exit 1; }

# The JIT needs tens of seconds per code path here: each case is warmed for WARMUP seconds.
echo "Warming up the app: ${WARMUP}s for each case (article, 304, list, feed) ..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$api/v1/articles/$slug" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "If-None-Match: $etag" "$api/v1/articles/$slug" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$api/v1/articles" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$api/v1/changes" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H 'Accept-Encoding: gzip' "$api/v1/articles/$slug" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$NGINX_PORT/article.json" >/dev/null

echo 0 > "$OUT/peak-rss-kb"
# runs wrk, sampling the app's resident memory every 0.5 s (peak kept in a file: this runs in a subshell); prints "rps p50 p99"
measure() {
  local log="$OUT/wrk-$1.txt"; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" > "$log" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status")
    [ "${rss:-0}" -gt "$(cat "$OUT/peak-rss-kb")" ] && echo "$rss" > "$OUT/peak-rss-kb"
    sleep 0.5
  done
  wait "$wrk_pid"
  if grep -q 'Non-2xx' "$log"; then echo "error answers in $log" >&2; cat "$log" >&2; exit 1; fi
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print rps, p50, p99}' "$log"
}

read -r a_rps a_p50 a_p99 <<< "$(measure article "$api/v1/articles/$slug")"
read -r b_rps b_p50 b_p99 <<< "$(measure not-modified -H "If-None-Match: $etag" "$api/v1/articles/$slug")"
read -r c_rps c_p50 c_p99 <<< "$(measure list "$api/v1/articles")"
read -r d_rps d_p50 d_p99 <<< "$(measure feed "$api/v1/changes")"
read -r e_rps e_p50 e_p99 <<< "$(measure nginx "http://127.0.0.1:$NGINX_PORT/article.json")"
read -r f_rps f_p50 f_p99 <<< "$(measure article-gzip -H 'Accept-Encoding: gzip' "$api/v1/articles/$slug")"
read -r g_rps g_p50 g_p99 <<< "$(measure nginx-gzip -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT/article.json")"

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
echo
echo "$(date -u +%FT%TZ) $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback; PostgreSQL; article '$slug' ($bytes bytes)"
printf '%-34s %12s %9s %9s %9s\n' case "requests/s" p50 p99 "x nginx"
printf '%-34s %12s %9s %9s %9s\n' "(a) GET full article" "$a_rps" "$a_p50" "$a_p99" "$(ratio "$a_rps" "$e_rps")"
printf '%-34s %12s %9s %9s %9s\n' "(b) same with If-None-Match (304)" "$b_rps" "$b_p50" "$b_p99" "$(ratio "$b_rps" "$e_rps")"
printf '%-34s %12s %9s %9s %9s\n' "(c) GET /v1/articles (list page)" "$c_rps" "$c_p50" "$c_p99" "$(ratio "$c_rps" "$e_rps")"
printf '%-34s %12s %9s %9s %9s\n' "(d) GET /v1/changes (feed page)" "$d_rps" "$d_p50" "$d_p99" "$(ratio "$d_rps" "$e_rps")"
printf '%-34s %12s %9s %9s %9s\n' "(e) nginx, the bytes of (a)" "$e_rps" "$e_p50" "$e_p99" "1.00"
echo "gzip ($gz_bytes bytes on the wire):"
printf '%-34s %12s %9s %9s %9s\n' "(f) (a) with Accept-Encoding: gzip" "$f_rps" "$f_p50" "$f_p99" "$(ratio "$f_rps" "$g_rps")"
printf '%-34s %12s %9s %9s %9s\n' "(g) nginx gzip_static, bytes of (f)" "$g_rps" "$g_p50" "$g_p99" "1.00"
echo "app resident memory, peak under load: $(( $(cat "$OUT/peak-rss-kb") / 1024 )) MB (VmRSS, sampled every 0.5 s)"
