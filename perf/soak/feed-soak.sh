#!/bin/sh
# Ten-minute soak of the feed path: feed publish --simulate at a fixed rate into feed subscribe, each JVM with a
# GC log, RSS and heap sampled every 15 s. Run on an idle machine after `mvn -B -DskipTests package`:
#
#   perf/soak/feed-soak.sh [OUT_DIR] [RATE] [SECONDS]
#
# Writes OUT_DIR/{rss.txt,heap.txt,pub-gc.log,sub-gc.log,pub.err,sub.err}; perf/README.md ("Soak") shows how
# the figures were read.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-/tmp/tickwire-soak}
RATE=${2:-50000}
SECONDS_TO_RUN=${3:-600}
JAR="$ROOT/tools/target/tickwire.jar"
FLAGS="--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
FLAGS="$FLAGS --add-opens java.base/java.util.zip=ALL-UNNAMED -Xmx512m"
mkdir -p "$OUT"
cd "$OUT"

# shellcheck disable=SC2086
java $FLAGS -Xlog:gc*:file="$OUT/sub-gc.log" -jar "$JAR" feed subscribe --print none \
    --duration "${SECONDS_TO_RUN}s" > sub.out 2> sub.err &
SUB=$!
sleep 3
# shellcheck disable=SC2086
java $FLAGS -Xlog:gc*:file="$OUT/pub-gc.log" -jar "$JAR" feed publish --simulate --rate "$RATE" \
    --messages $((RATE * (SECONDS_TO_RUN + 20))) > pub.out 2> pub.err &
PUB=$!

echo "t pub_rss_kb sub_rss_kb" > rss.txt
: > heap.txt
t=0
while kill -0 "$SUB" 2>/dev/null; do
    echo "$t $(ps -o rss= -p "$PUB") $(ps -o rss= -p "$SUB")" >> rss.txt
    jcmd "$PUB" GC.heap_info 2>/dev/null | grep -m 1 used | sed "s/^/$t pub /" >> heap.txt || true
    jcmd "$SUB" GC.heap_info 2>/dev/null | grep -m 1 used | sed "s/^/$t sub /" >> heap.txt || true
    sleep 15
    t=$((t + 15))
done
kill -TERM "$PUB"
wait "$PUB" || true
grep -E 'summary|latency' sub.err
