#!/bin/sh
# Soak of the whole system at a steady moderate rate: feed publish --simulate into two feed subscribers, and the FIX
# gateway as shipped (./tickwire gateway --demo: audit on, embedded one-member Aeron Cluster) under two fix-client
# sessions (CLIENT1 and QFJCLIENT, half the order rate each, --cross so the book stays near empty). Each JVM runs
# with a GC log; RSS and heap are sampled, and a full GC is forced at a fixed interval so that the live heap is
# seen however rarely the JVM collects by itself. At the end it checks and prints a summary:
#   - every order acknowledged (each client's exit status) and the acknowledged count;
#   - `audit verify` of the gateway's journal (and of its cluster member's journal);
#   - every acknowledged ClOrdID in the gateway's journal, inbound (NewOrderSingle) and outbound (ExecutionReport
#     New), from `audit export --format json`;
#   - 0 gaps in each subscriber's summary;
#   - per JVM: RSS and heap-after-GC slopes (MiB/min, least squares after the warm-up) and the longest GC pause
#     (forced full GCs reported apart).
# Exit 0 only if every check held (the slopes are reported, not judged). Run on an idle machine after
# `mvn -B -DskipTests package`:
#
#   perf/soak/gateway-soak.sh [OUT_DIR] [SECONDS] [ORDER_RATE] [FEED_RATE]
#
# Defaults: /tmp/tickwire-gateway-soak, 600 s, 2000 orders/s in all, 20000 feed messages/s. OUT_DIR must not hold
# an earlier run. Environment: SAMPLE_SECONDS (15), FORCE_GC_SECONDS (60; 0 = never), WARMUP_SECONDS (slopes from
# then on; default a fifth of the run, at most 120), FIX_PORT (9878), CLUSTER_BASE_PORT (20000), XMX (512m, each
# JVM of the run), AUDIT_XMX (512m, `audit verify` and `export`: they read each journal file through a 1 MiB
# window and stream their output).
# perf/README.md ("Soak: the gateway, feed and clients together") says how to read the output.
set -eu
export LC_ALL=C
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-/tmp/tickwire-gateway-soak}
SECONDS_TO_RUN=${2:-600}
ORDER_RATE=${3:-2000}
FEED_RATE=${4:-20000}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-15}
FORCE_GC_SECONDS=${FORCE_GC_SECONDS:-60}
WARMUP_DEFAULT=$((SECONDS_TO_RUN / 5))
[ "$WARMUP_DEFAULT" -gt 120 ] && WARMUP_DEFAULT=120
WARMUP_SECONDS=${WARMUP_SECONDS:-$WARMUP_DEFAULT}
FIX_PORT=${FIX_PORT:-9878}
CLUSTER_BASE_PORT=${CLUSTER_BASE_PORT:-20000}
XMX=${XMX:-512m}
AUDIT_XMX=${AUDIT_XMX:-512m}
JAR="$ROOT/tools/target/tickwire.jar"

if [ ! -f "$JAR" ]; then
    echo "no $JAR: build it first with mvn -B -DskipTests package" >&2
    exit 2
fi
if [ -e "$OUT/data" ]; then
    echo "$OUT holds an earlier run (its data/): give a new OUT_DIR" >&2
    exit 2
fi
mkdir -p "$OUT"
cd "$OUT"
PER_CLIENT=$((ORDER_RATE / 2))
ORDERS=$((PER_CLIENT * SECONDS_TO_RUN))

# As the launcher runs the jar, with the data and logs of this run under OUT.
FLAGS="--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
FLAGS="$FLAGS --add-opens java.base/java.util.zip=ALL-UNNAMED -Dsbe.enable.precedence.checks=false"
FLAGS="$FLAGS -Dtickwire.home=$ROOT -Dtickwire.data.dir=$OUT/data -Dtickwire.log.dir=$OUT/logs"
FLAGS="$FLAGS -Dlogback.configurationFile=$ROOT/config/logback.xml"
# exec: started with &, the JVM is then the background process itself ($! is its pid, for ps, jcmd and kill).
# shellcheck disable=SC2086
run_java() { name=$1; shift; exec java $FLAGS -Xmx"$XMX" -Xlog:gc:file="$OUT/$name-gc.log" -jar "$JAR" "$@"; }
# shellcheck disable=SC2086
run_tool() { java $FLAGS -Xmx"$AUDIT_XMX" -jar "$JAR" "$@"; }

sed -e "s/^SocketAcceptPort=.*/SocketAcceptPort=$FIX_PORT/" "$ROOT/config/gateway.cfg" > "$OUT/gateway.cfg"

echo "gateway soak: $SECONDS_TO_RUN s, $ORDER_RATE orders/s ($PER_CLIENT/s on each of 2 sessions), feed" \
    "$FEED_RATE msgs/s, 2 subscribers; out $OUT; load: $(uptime)"
# Ended with TERM once the orders are done (they print their summary then); the duration is a backstop.
run_java sub1 feed subscribe --print none --duration "$((SECONDS_TO_RUN + 900))s" > sub1.out 2> sub1.err &
SUB1=$!
run_java sub2 feed subscribe --print none --duration "$((SECONDS_TO_RUN + 900))s" > sub2.out 2> sub2.err &
SUB2=$!
sleep 3
run_java pub feed publish --simulate --rate "$FEED_RATE" --messages $((FEED_RATE * (SECONDS_TO_RUN + 600))) \
    > pub.out 2> pub.err &
PUB=$!
run_java gw gateway --demo --config "$OUT/gateway.cfg" --cluster-base-port "$CLUSTER_BASE_PORT" \
    --status-interval 15 > gw.out 2> gw.err &
GW=$!

waited=0
until grep -q "^listening on" gw.out 2>/dev/null; do
    if ! kill -0 "$GW" 2>/dev/null || [ "$waited" -ge 120 ]; then
        echo "FAILED: the gateway did not start (gw.out, gw.err):" >&2
        tail -n 20 gw.err >&2
        kill -TERM "$PUB" "$SUB1" "$SUB2" 2>/dev/null || true
        exit 1
    fi
    sleep 1
    waited=$((waited + 1))
done

run_java client1 fix-client --host 127.0.0.1 --port "$FIX_PORT" --sender CLIENT1 --username demo \
    --password demo-password --orders "$ORDERS" --rate "$PER_CLIENT" --warmup 0 --cross \
    --acked-out "$OUT/acked-1.txt" > client1.out 2>&1 &
C1=$!
run_java client2 fix-client --host 127.0.0.1 --port "$FIX_PORT" --sender QFJCLIENT --username demo \
    --password demo-password --orders "$ORDERS" --rate "$PER_CLIENT" --warmup 0 --cross --symbol MSFT \
    --price 300 --acked-out "$OUT/acked-2.txt" > client2.out 2>&1 &
C2=$!

rss() { v=$(ps -o rss= -p "$1" 2>/dev/null | tr -dc 0-9 || true); echo "${v:-NA}"; }
echo "t gw_rss_kb pub_rss_kb sub1_rss_kb sub2_rss_kb" > rss.txt
echo "t jvm heap_used_kb" > heap.txt
START=$(date +%s)
last_gc=0
while kill -0 "$C1" 2>/dev/null || kill -0 "$C2" 2>/dev/null; do
    # Seconds since the clients started, as measured: jcmd takes a while on a busy host.
    t=$(($(date +%s) - START))
    echo "$t $(rss "$GW") $(rss "$PUB") $(rss "$SUB1") $(rss "$SUB2")" >> rss.txt
    for jvm in gw:$GW pub:$PUB sub1:$SUB1 sub2:$SUB2; do
        used=$(timeout 20 jcmd "${jvm#*:}" GC.heap_info 2>/dev/null | grep -m 1 -o 'used [0-9]*K' | tr -dc 0-9 || true)
        echo "$t ${jvm%%:*} ${used:-NA}" >> heap.txt
    done
    if [ "$FORCE_GC_SECONDS" -gt 0 ] && [ $((t - last_gc)) -ge "$FORCE_GC_SECONDS" ]; then
        for pid in $GW $PUB $SUB1 $SUB2; do
            timeout 20 jcmd "$pid" GC.run > /dev/null 2>&1 || true
        done
        last_gc=$t
    fi
    sleep "$SAMPLE_SECONDS"
done
C1_STATUS=0
wait "$C1" || C1_STATUS=$?
C2_STATUS=0
wait "$C2" || C2_STATUS=$?

# The publisher first, so the subscribers have all it sent before they stop and print their summaries; the
# gateway closes its journal on SIGTERM.
stop_jvm() {
    kill -TERM "$1" 2>/dev/null || true
    i=0
    while kill -0 "$1" 2>/dev/null && [ "$i" -lt 60 ]; do sleep 1; i=$((i + 1)); done
    if kill -0 "$1" 2>/dev/null; then
        echo "pid $1 still running 60 s after TERM: killed" >&2
        kill -KILL "$1" 2>/dev/null || true
    fi
    wait "$1" || true
}
stop_jvm "$PUB"
sleep 2
stop_jvm "$SUB1"
stop_jvm "$SUB2"
stop_jvm "$GW"

FAILED=0
fail() { echo "CHECK FAILED: $*"; FAILED=1; }
{
    echo "== gateway soak $(date -u +%Y-%m-%dT%H:%M:%SZ): $SECONDS_TO_RUN s, $ORDER_RATE orders/s," \
        "feed $FEED_RATE msgs/s"
    for n in 1 2; do
        echo "client $n: $(grep -m 1 '^orders=' "client$n.out" || echo 'no result line')"
    done
    echo "gateway (last status line): $(grep '^status:' gw.out | tail -n 1 | grep -o 'orders=[0-9]* reports=[0-9]*')," \
        "$(grep '^status:' gw.out | tail -n 1 | grep -o 'audit lag.*slow (>10 ms) [0-9]*')"
    [ "$C1_STATUS" -eq 0 ] || fail "client 1 exit $C1_STATUS (not every order answered; client1.out)"
    [ "$C2_STATUS" -eq 0 ] || fail "client 2 exit $C2_STATUS (not every order answered; client2.out)"
    sort -u acked-1.txt acked-2.txt > acked.txt 2>/dev/null || : > acked.txt
    ACKED=$(wc -l < acked.txt)
    echo "acknowledged ClOrdIDs: $ACKED (of $((ORDERS * 2)) sent)"
    [ "$ACKED" -eq $((ORDERS * 2)) ] || fail "$ACKED of $((ORDERS * 2)) orders acknowledged"

    for journal in "$OUT/data/gateway/audit" "$OUT/data/gateway/cluster/audit"; do
        [ -d "$journal" ] || continue
        if run_tool audit verify "$journal" > "verify-$(basename "$(dirname "$journal")").txt" 2>&1
        then
            echo "audit verify $journal: $(tail -n 1 "verify-$(basename "$(dirname "$journal")").txt")"
        else
            fail "audit verify $journal: $(tail -n 1 "verify-$(basename "$(dirname "$journal")").txt")"
        fi
    done
    # Inbound NewOrderSingles and outbound ExecutionReports (New) by ClOrdID, streamed: the export is gigabytes.
    run_tool audit export "$OUT/data/gateway/audit" --format json 2> export.err | awk '
        function field(name,   at, rest) {
            at = index($0, "\"" name "\":\""); if (at == 0) return "";
            rest = substr($0, at + length(name) + 4); return substr(rest, 1, index(rest, "\"") - 1) }
        /"direction":"INBOUND"/ && /"eventType":"NEW_ORDER"/ { print field("clOrdId") > "journal-in.txt" }
        /"direction":"OUTBOUND"/ && /"eventType":"EXECUTION_REPORT"/ && field("execType") == "0" {
            print field("clOrdId") > "journal-ack.txt" }'
    sort -u -o journal-in.txt journal-in.txt 2>/dev/null || : > journal-in.txt
    sort -u -o journal-ack.txt journal-ack.txt 2>/dev/null || : > journal-ack.txt
    MISSING_IN=$(comm -23 acked.txt journal-in.txt | wc -l)
    MISSING_ACK=$(comm -23 acked.txt journal-ack.txt | wc -l)
    echo "journal: $(wc -l < journal-in.txt) NewOrderSingle ClOrdIDs in, $(wc -l < journal-ack.txt) acknowledged" \
        "out; acknowledged ClOrdIDs missing: $MISSING_IN inbound, $MISSING_ACK outbound"
    [ "$MISSING_IN" -eq 0 ] && [ "$MISSING_ACK" -eq 0 ] || fail "acknowledged ClOrdIDs missing from the journal"

    for sub in sub1 sub2; do
        gaps=$(grep -A 1 'summary:' "$sub.err" | grep -o 'gaps [0-9]*' | head -n 1 | tr -dc 0-9)
        echo "$sub: $(grep -m 1 'summary:' "$sub.err" || echo 'no summary') gaps=${gaps:-?}"
        [ "${gaps:-x}" = "0" ] || fail "$sub: gaps ${gaps:-not reported} ($sub.err)"
    done

    # Least-squares slope of y (KiB) over t (s), as MiB/min, of the points from WARMUP_SECONDS on (t: seconds since the
# clients started for RSS; the JVM's uptime for the GC log, which starts some seconds earlier).
    slope='{ if ($1 >= w && $2 != "" && $2 != "NA") { n++; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2 } }
        END { if (n < 2 || n * sxx == sx * sx) print "n/a"; else
            printf "%.2f MiB/min (%d points)", (n * sxy - sx * sy) / (n * sxx - sx * sx) * 60 / 1024, n }'
    col=2
    for jvm in gw pub sub1 sub2; do
        rss=$(awk -v c="$col" 'NR > 1 { print $1, $c }' rss.txt | awk -v w="$WARMUP_SECONDS" "$slope")
        first=$(awk -v c="$col" 'NR == 2 { printf "%.1f", $c / 1024 }' rss.txt)
        last=$(awk -v c="$col" 'NR > 1 { v = $c } END { printf "%.1f", v / 1024 }' rss.txt)
        # GC log lines: [12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 25M->9M(64M) 3.1ms
        awk '/Pause/ && /->/ {
            t = $1; gsub(/[^0-9.]/, "", t)
            for (i = 1; i <= NF; i++) if ($i ~ /->/) { split($i, a, "->"); after = a[2]; sub(/\(.*/, "", after)
                u = substr(after, length(after)); v = substr(after, 1, length(after) - 1)
                kib = u == "G" ? v * 1048576 : u == "M" ? v * 1024 : v }
            ms = $NF; sub(/ms$/, "", ms)
            forced = index($0, "Diagnostic Command") > 0 || index($0, "System.gc()") > 0
            print t, kib, ms, forced }' "$jvm-gc.log" > "$jvm-pauses.txt"
        # The live heap is what a forced full GC leaves; without forced GCs, what any GC leaves.
        if grep -q ' 1$' "$jvm-pauses.txt"; then
            heap=$(awk '$4 == 1' "$jvm-pauses.txt" | awk -v w="$WARMUP_SECONDS" "$slope")" (forced full GCs)"
        else
            heap=$(awk -v w="$WARMUP_SECONDS" "$slope" "$jvm-pauses.txt")" (all GCs)"
        fi
        pauses=$(awk '{ if ($4 == 1) { nf++; if ($3 > mf) mf = $3 } else { n++; if ($3 > m) m = $3 } }
            END { printf "%d pauses, longest %.1f ms; %d forced full GCs, longest %.1f ms", n, m, nf, mf }' \
            "$jvm-pauses.txt")
        live=$(awk '$4 == 1 { v = $2 } END { if (v != "") printf "%.1f MiB", v / 1024; else print "n/a" }' \
            "$jvm-pauses.txt")
        echo "$jvm: RSS $first -> $last MiB, slope $rss; heap after GC slope $heap, last forced-GC live heap" \
            "$live; GC: $pauses"
        col=$((col + 1))
    done
    echo "warm-up excluded from slopes: $WARMUP_SECONDS s; load at end: $(uptime)"
    [ "$FAILED" -eq 0 ] && echo "ALL CHECKS PASSED" || echo "SOME CHECKS FAILED"
} | tee summary.txt
grep -q '^ALL CHECKS PASSED' summary.txt
