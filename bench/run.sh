#!/usr/bin/env bash
# Benchmarks of the image service (make bench). Builds the jars, then measures side by side:
#   1. instrumentation overhead: the same jar with METRICS_ENABLED=true and =false, under wrk;
#   2. framework cost: GET /login against a bare Grizzly HttpHandler in its own JVM;
#   3. scrape cost and 4. scale: the service in process with 0, 10 000 and 1 000 000 images;
#   5. decorator cost: JMH, InstrumentedImageService vs RepositoryImageService.
# Writes bench/results/<timestamp>/results.md and results.json, and prints the Markdown.
# The machine is shared and noisy: the ratios are what counts, not the absolute numbers.
#
# Settings, all optional (defaults fit ~5 minutes on 2 cores):
#   BENCH_DURATION=3 BENCH_WARMUP=1 BENCH_JIT_WARMUP=5 BENCH_PAIRS=5    (wrk runs, seconds)
#   BENCH_CONNECTIONS=8                                                 (wrk connections)
#   BENCH_IMAGES=1000000 BENCH_SCRAPES=200 BENCH_PAGES=500              (scrape and scale)
#   BENCH_JMH="-f 1 -wi 5 -w 1s -i 5 -r 1s -prof gc"                    (decorator cost)
#   BENCH_BUILD=0 skips the Maven build and uses the jars already in target/.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"

DURATION="${BENCH_DURATION:-3}"
WARMUP="${BENCH_WARMUP:-1}"
JIT_WARMUP="${BENCH_JIT_WARMUP:-5}"
PAIRS="${BENCH_PAIRS:-5}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
IMAGES="${BENCH_IMAGES:-1000000}"
SCRAPES="${BENCH_SCRAPES:-200}"
PAGES="${BENCH_PAGES:-500}"
JMH_OPTS="${BENCH_JMH:--f 1 -wi 5 -w 1s -i 5 -r 1s -prof gc}"
BUILD="${BENCH_BUILD:-1}"

# Images created in each service before the loads: PUT cycles over them, the list reads them.
CHANGE_IMAGES=500
# Every JVM that serves load runs with the same options, so that only the code differs.
SERVER_JVM=(-Xms1g -Xmx1g)
# The scale part measures heap per image: a fixed heap keeps that measure comparable.
SCALE_JVM=(-Xms2g -Xmx2g)
# shellcheck disable=SC2016 # a java.util.logging format, not a shell expression
LOG_FORMAT='-Djava.util.logging.SimpleFormatter.format=[%1$tT] %3$s: %5$s%6$s%n'
HOST=127.0.0.1

APP_JAR="$ROOT/image-app/target/image-app.jar"
BENCH_JAR="$BENCH_DIR/target/image-bench.jar"
WRK_DIR="$BENCH_DIR/wrk"

STARTED_AT=$SECONDS
say() { printf '[%4ds] %s\n' "$((SECONDS - STARTED_AT))" "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# --- tools -----------------------------------------------------------------------------------
missing=()
for tool in wrk hey; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  fail "${missing[*]} not found; install the load generators with: sudo apt-get install -y wrk hey"
fi
for tool in java curl; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found; it is needed to run the benchmarks"
done
if [[ "$BUILD" == 1 ]]; then
  command -v mvn >/dev/null 2>&1 || fail "mvn not found; install Maven, or set BENCH_BUILD=0"
fi

LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v l="${LOAD_AT_START%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  printf 'bench: warning: load average %s on %s CPUs before starting; results will be noisy\n' \
    "$LOAD_AT_START" "$(nproc)" >&2
fi
RUN="$(date +%Y%m%d-%H%M%S)"
OUT="$BENCH_DIR/results/$RUN"
RAW="$OUT/raw"
LOGS="$OUT/logs"
mkdir -p "$RAW" "$LOGS"
: >"$RAW/loads.jsonl"
say "results go to ${OUT#"$ROOT"/}"

# --- processes we start, stopped by PID on any exit ------------------------------------------
PIDS=()
# Asks every process we started to stop (the service stops gracefully on SIGTERM), then waits
# up to 15 s for each before killing it.
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 150); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  PIDS=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build -----------------------------------------------------------------------------------
if [[ "$BUILD" == 1 ]]; then
  say "building the service and benchmark jars (mvn -Pbench package, tests skipped)"
  if ! (cd "$ROOT" && mvn -B -q -Pbench -DskipTests package) >"$LOGS/build.log" 2>&1; then
    tail -n 40 "$LOGS/build.log" >&2
    fail "the build failed; the whole log is in $LOGS/build.log"
  fi
fi
[[ -f "$APP_JAR" ]] || fail "$APP_JAR is missing; build with mvn -Pbench -DskipTests package"
[[ -f "$BENCH_JAR" ]] || fail "$BENCH_JAR is missing; build with mvn -Pbench -DskipTests package"

# --- machine ---------------------------------------------------------------------------------
java_version="$(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')"
{
  echo "run=$RUN"
  commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [[ -n "$(git -C "$ROOT" status --porcelain -- . ':!bench' 2>/dev/null)" ]]; then
    commit+=" plus uncommitted changes"
  fi
  echo "commit=$commit"
  echo "nproc=$(nproc)"
  echo "load_at_start=$LOAD_AT_START (1, 5 and 15 min averages, before the build)"
  echo "mem_total_gb=$(free -g | awk '/^Mem:/ {print $2}')"
  echo "cpu_model=$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^[^:]*: *//')"
  echo "java_version=$java_version"
  echo "load_tool=$(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2), one thread, $CONNECTIONS" \
    "connections, keep-alive, to $HOST"
  echo "runs=$DURATION s each; $PAIRS rounds per endpoint, each round one run per server, the" \
    "order flipping every round (on, off, bare, then bare, off, on, ...); before them a" \
    "$JIT_WARMUP s JIT warm-up of every endpoint on every server, then a $WARMUP s warm-up per" \
    "endpoint and server"
  echo "server_jvm=${SERVER_JVM[*]} (defaults otherwise: G1, $(nproc) CPUs)"
  echo "bare_server=org.glassfish.grizzly.http.server.HttpServer, one HttpHandler on /login," \
    "64 worker threads like the service's listeners (BareGrizzlyServer)"
  echo "server_output=stdout and stderr to files, gzipped after the run (logs/*.log.gz)"
  echo "scale_jvm=${SCALE_JVM[*]}"
  echo "jmh_options=$JMH_OPTS"
  describe() { echo "load.$(tr -c 'a-zA-Z0-9\n' '_' <<<"$1")=${*:2}"; }
  describe "GET /login" "GET /login (text/plain)"
  describe "POST /images" "POST /images with no id, so the server assigns a new one every time" \
    "(create.lua)"
  describe "PUT /images/{id}" "PUT over ids 1..$CHANGE_IMAGES with bodies Failed then" \
    "Processing in sweeps: every request a real transition, no no-op PUTs (change.lua)"
  describe "GET /images?limit=100" "GET /images?limit=100 over the $CHANGE_IMAGES+ stored" \
    "images, a full page of 100 each time"
} >"$RAW/machine.properties"

# --- ports: loopback only, checked free, outside the ephemeral range --------------------------
PICKED=()
port_free() {
  local port=$1 used
  for used in "${PICKED[@]}"; do
    [[ "$used" == "$port" ]] && return 1
  done
  ! (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null
}
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12000))
    if port_free "$port"; then
      echo "$port"
      return 0
    fi
  done
  fail "no free loopback port found between 20000 and 32000"
}
ON_PORT=$(free_port); PICKED+=("$ON_PORT")
ON_METRICS_PORT=$(free_port); PICKED+=("$ON_METRICS_PORT")
OFF_PORT=$(free_port); PICKED+=("$OFF_PORT")
OFF_METRICS_PORT=$(free_port); PICKED+=("$OFF_METRICS_PORT")
BARE_PORT=$(free_port); PICKED+=("$BARE_PORT")
declare -A PORT=([on]=$ON_PORT [off]=$OFF_PORT [bare]=$BARE_PORT)

# --- servers ---------------------------------------------------------------------------------
start_service() {
  local name=$1 metrics=$2 port=$3 metrics_port=$4
  APP_PORT=$port METRICS_PORT=$metrics_port BIND_ADDRESS=$HOST SIMULATE_LATENCY=false \
    SEED_IMAGES=false METRICS_ENABLED=$metrics \
    java "${SERVER_JVM[@]}" -jar "$APP_JAR" >"$LOGS/$name.log" 2>&1 &
  PIDS+=($!)
  say "started service '$name' (METRICS_ENABLED=$metrics) on $HOST:$port, PID $!"
}
start_bare() {
  java "${SERVER_JVM[@]}" "$LOG_FORMAT" -cp "$BENCH_JAR" \
    org.example.imageservice.bench.BareGrizzlyServer "$HOST" "$BARE_PORT" >"$LOGS/bare.log" 2>&1 &
  PIDS+=($!)
  say "started bare Grizzly on $HOST:$BARE_PORT, PID $!"
}
wait_ready() {
  local name=$1 pid=$2 url=$3
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$LOGS/$name.log" >&2; fail "$name exited early"; }
    curl -sf -o /dev/null --max-time 2 "$url" && return 0
    sleep 0.1
  done
  tail -n 20 "$LOGS/$name.log" >&2
  fail "$name did not answer $url within 30 s"
}

start_service on true "$ON_PORT" "$ON_METRICS_PORT"
ON_PID=${PIDS[-1]}
start_service off false "$OFF_PORT" "$OFF_METRICS_PORT"
OFF_PID=${PIDS[-1]}
start_bare
BARE_PID=${PIDS[-1]}
wait_ready on "$ON_PID" "http://$HOST:$ON_PORT/login"
wait_ready off "$OFF_PID" "http://$HOST:$OFF_PORT/login"
wait_ready bare "$BARE_PID" "http://$HOST:$BARE_PORT/login"
curl -sf -o /dev/null --max-time 5 "http://$HOST:$ON_METRICS_PORT/metrics" \
  || fail "the instrumented service serves no /metrics"
if curl -s -o /dev/null --max-time 2 "http://$HOST:$OFF_METRICS_PORT/metrics"; then
  fail "the uninstrumented service serves /metrics; METRICS_ENABLED=false did not take"
fi

for name in on off; do
  hey -n "$CHANGE_IMAGES" -c 4 -m POST -T application/json \
    -d '{"format":"png","resolution":"1920x1080"}' "http://$HOST:${PORT[$name]}/images" \
    >"$LOGS/hey-create-$name.txt"
  curl -sf -o /dev/null --max-time 5 "http://$HOST:${PORT[$name]}/images/$CHANGE_IMAGES" \
    || fail "service '$name' lacks images 1..$CHANGE_IMAGES (see $LOGS/hey-create-$name.txt)"
done
say "created images 1..$CHANGE_IMAGES in both services (hey -n $CHANGE_IMAGES POST /images)"

# --- loads -----------------------------------------------------------------------------------
declare -A CHANGE_NEXT=([on]=0 [off]=0)
field() { sed -E "s/.*\"$2\":([0-9.]+).*/\1/" <<<"$1"; }

# load ENDPOINT SERVER ROUND SECONDS: one wrk run, appended to raw/loads.jsonl.
load() {
  local endpoint=$1 server=$2 round=$3 seconds=$4
  local url="http://$HOST:${PORT[$server]}" script args=() file line json
  case "$endpoint" in
    "GET /login") url+="/login"; script=get.lua ;;
    "POST /images") url+="/images"; script=create.lua ;;
    "PUT /images/{id}")
      url+="/images"; script=change.lua; args=(-- "${CHANGE_NEXT[$server]}" "$CHANGE_IMAGES") ;;
    "GET /images?limit=100") url+="/images?limit=100"; script=get.lua ;;
    *) fail "unknown endpoint $endpoint" ;;
  esac
  file="$RAW/wrk-$(tr -c 'a-zA-Z0-9\n' '_' <<<"$endpoint")-$server-$round.txt"
  (cd "$WRK_DIR" && wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s -s "$script" \
    "$url" "${args[@]}") >"$file" 2>&1 || { cat "$file" >&2; fail "wrk failed on $url"; }
  line="$(grep -m1 '^BENCH_JSON ' "$file")" || fail "wrk printed no totals; see $file"
  json="${line#BENCH_JSON }"
  printf '{"endpoint":"%s","server":"%s","round":%d,%s\n' \
    "$endpoint" "$server" "$round" "${json#\{}" >>"$RAW/loads.jsonl"
  local requests duration status sock
  requests=$(field "$json" requests)
  duration=$(field "$json" duration_us)
  status=$(field "$json" status_errors)
  sock=$(field "$json" socket_errors)
  if [[ "$endpoint" == "PUT /images/{id}" ]]; then
    CHANGE_NEXT[$server]=$((CHANGE_NEXT[$server] + requests))
  fi
  say "$(awk -v e="$endpoint" -v s="$server" -v r="$round" -v n="$requests" -v d="$duration" \
    -v p50="$(field "$json" p50_us)" -v p99="$(field "$json" p99_us)" \
    'BEGIN { printf "%-22s %-4s %-7s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms", e, s,
      (r <= 0 ? "warm-up" : "round " r), n / (d / 1e6), p50 / 1000, p99 / 1000 }')"
  if ((status + sock > 0)); then
    say "  warning: $status non-2xx answers and $sock socket errors in this run (see $file)"
  fi
}

# /login last: it is the cheapest request, so the least warmed-up JIT state would weigh most on
# it, and the bare server it is compared with warms up much faster than Jersey does.
ENDPOINTS=("POST /images" "PUT /images/{id}" "GET /images?limit=100" "GET /login")
servers_for() { if [[ "$1" == "GET /login" ]]; then echo on off bare; else echo on off; fi; }

say "JIT warm-up: $JIT_WARMUP s of each endpoint on each server (not reported)"
for endpoint in "${ENDPOINTS[@]}"; do
  for server in $(servers_for "$endpoint"); do
    load "$endpoint" "$server" -1 "$JIT_WARMUP" >/dev/null
  done
done

for endpoint in "${ENDPOINTS[@]}"; do
  say "== $endpoint: $PAIRS rounds of $(servers_for "$endpoint" | tr ' ' ',') =="
  for server in $(servers_for "$endpoint"); do
    load "$endpoint" "$server" 0 "$WARMUP"
  done
  for round in $(seq 1 "$PAIRS"); do
    # The order flips every round (on, off, then off, on, ...): a machine that speeds up or slows
    # down during the runs then favours neither side.
    order=$(servers_for "$endpoint")
    if ((round % 2 == 0)); then
      order=$(tr ' ' '\n' <<<"$order" | tac | tr '\n' ' ')
    fi
    for server in $order; do
      load "$endpoint" "$server" "$round" "$DURATION"
    done
  done
done

say "stopping the load servers"
cleanup
say "stopped"
gzip -1 -f "$LOGS/on.log" "$LOGS/off.log" "$LOGS/bare.log"
say "server logs gzipped in ${LOGS#"$ROOT"/}"

# --- scrape cost and scale, in process -------------------------------------------------------
say "== scrape cost and scale: the service in process, $IMAGES images, ${SCALE_JVM[*]} =="
java "${SCALE_JVM[@]}" "$LOG_FORMAT" -cp "$BENCH_JAR" org.example.imageservice.bench.ScaleBench \
  "$RAW/scale.json" "$IMAGES" "$SCRAPES" "$PAGES" 2>&1 | tee "$LOGS/scale.log" \
  | grep --line-buffered 'imageservice\.bench\.' | sed -u 's/^\[[^]]*\] [^ ]*: /    /' || true
[[ -s "$RAW/scale.json" ]] || fail "the scale run wrote no results; see $LOGS/scale.log"

# --- decorator cost, JMH ---------------------------------------------------------------------
say "== decorator cost: JMH $JMH_OPTS =="
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java -jar "$BENCH_JAR" 'org.example.imageservice.bench.DecoratorBenchmark' $JMH_OPTS \
  -rf json -rff "$RAW/jmh.json" 2>&1 | tee "$LOGS/jmh.log" \
  | grep --line-buffered -E '^(# Benchmark:|# Parameters:)|±\(99\.9%\).* (ns|B)/op' \
  | sed -u 's/^ */    /' || true
[[ -s "$RAW/jmh.json" ]] || fail "JMH wrote no results; see $LOGS/jmh.log"

# --- report ----------------------------------------------------------------------------------
java "$LOG_FORMAT" -cp "$BENCH_JAR" org.example.imageservice.bench.Report "$OUT" \
  2>"$LOGS/report.log" || { cat "$LOGS/report.log" >&2; fail "the report failed"; }
say "done in $((SECONDS - STARTED_AT)) s: ${OUT#"$ROOT"/}/results.md and results.json"
echo
cat "$OUT/results.md"
