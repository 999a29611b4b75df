#!/bin/bash
# An idle portal node's cost (issue 27; README, "Cost of work and of a cluster"): starts the built
# jar as one node (profiles mysql,demo: the demo's two accounts on the built-in simulator) on an
# emptied MariaDB database, checks /actuator/health every 2 s as the shipped HAProxy does, waits
# SETTLE seconds, then measures over WINDOW seconds the process's CPU (utime + stime from
# /proc/<pid>/stat, and per thread) and, over the first GLOG seconds of it, the round trips of the
# node's connections in MariaDB's general log (needs the server's root through its socket:
# `mysql -uroot`; without it only the CPU is measured). JFR=1 records a profile over a further
# window (<label>/idle.jfr).
#
#   src/test/bench/idle-node-cost.sh JAR LABEL DATABASE
# e.g. one after the other, on one machine:
#   src/test/bench/idle-node-cost.sh /tmp/main.jar before smsportal_idle
#   src/test/bench/idle-node-cost.sh target/sms-portal-0.1.0-SNAPSHOT.jar after smsportal_idle
# The database is DROPPED and made again: name one of its own. Results in target/idle-node/LABEL.
set -u
JAR=$1; L=$2; DB=$3
PORT=${PORT:-18927}; SETTLE=${SETTLE:-60}; WINDOW=${WINDOW:-60}; GLOG=${GLOG:-20}
USER_=${MYSQL_USER:-smsportal}; PASS=${MYSQL_PASSWORD:-smsportal}
D=$(pwd)/target/idle-node/$L
rm -rf "$D"; mkdir -p "$D"
M="mysql -h127.0.0.1 -u$USER_ -p$PASS"
$M -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
export MYSQL_URL="jdbc:mysql://127.0.0.1:3306/$DB?useUnicode=true&characterEncoding=UTF-8&allowPublicKeyRetrieval=true&sslMode=DISABLED&rewriteBatchedStatements=true"
export MYSQL_USER=$USER_ MYSQL_PASSWORD=$PASS
java -jar "$JAR" --spring.profiles.active=mysql,demo --smsportal.data-dir="$D/data" \
  --server.port=$PORT > "$D/portal.log" 2>&1 &
PID=$!
for i in $(seq 1 300); do curl -sf localhost:$PORT/actuator/health > /dev/null && break; sleep 1; done
echo "$L: $JAR, up after ${i}s" | tee "$D/result.txt"
( while kill -0 $PID 2> /dev/null; do curl -s -o /dev/null localhost:$PORT/actuator/health; sleep 2; done ) &
PROBE=$!
sleep "$SETTLE"
HZ=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' /proc/$PID/stat; }
threads() { for t in /proc/$PID/task/*; do echo "$(awk '{print $14+$15}' $t/stat) $(cat $t/comm)"; done; }
threads > "$D/threads0"; c0=$(cpu); t0=$(date +%s.%N)
echo "load at start: $(uptime)" >> "$D/result.txt"
IDS=$($M -N -e "select group_concat(id) from information_schema.processlist where db='$DB' and user='$USER_'")
GENERAL=no
if mysql -uroot -e "SET GLOBAL general_log_file='idle-node-$L.log'; SET GLOBAL general_log=ON" 2> /dev/null; then
  GENERAL=yes; sleep "$GLOG"; mysql -uroot -e "SET GLOBAL general_log=OFF"; sleep $((WINDOW - GLOG))
else
  sleep "$WINDOW"
fi
c1=$(cpu); t1=$(date +%s.%N); threads > "$D/threads1"
echo "load at end: $(uptime)" >> "$D/result.txt"
echo "cpu: $(echo "($c1-$c0)/$HZ" | bc -l | xargs printf %.2f) s over $(echo "$t1-$t0" | bc | xargs printf %.1f) s" >> "$D/result.txt"
python3 - "$D/threads0" "$D/threads1" "$HZ" >> "$D/result.txt" << 'PY'
import collections, re, sys
def read(f):
    c = collections.Counter()
    for line in open(f):
        v, name = line.rstrip('\n').split(' ', 1)
        c[re.sub(r'[-#]?\d+$', '', name)] += int(v)
    return c
a, b, hz = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
print('cpu by thread (s over the window):')
for k, v in sorted(((k, b[k] - a.get(k, 0)) for k in b), key=lambda x: -x[1])[:12]:
    if v > 0:
        print(f'  {v / hz:6.2f} {k}')
PY
if [ $GENERAL = yes ]; then
  DATADIR=$(mysql -uroot -N -e "select @@datadir")
  mv "$DATADIR/idle-node-$L.log" "$D/general.log"
  python3 - "$D/general.log" "$IDS" "$GLOG" >> "$D/result.txt" << 'PY'
import collections, re, sys
f, ids, secs = sys.argv[1], set(sys.argv[2].split(',')), float(sys.argv[3])
c = collections.Counter(); n = 0
for line in open(f, errors='replace'):
    m = re.match(r'^(?:\d{6}\s+[\d:]+)?\s*(\d+)\s+(Query|Execute|Prepare|Close stmt|Quit|Connect|Init DB)\s*(.*)$', line.rstrip('\n'))
    if not m or m.group(1) not in ids:
        continue
    n += 1
    shape = re.sub(r"\b\d+\b", "N", re.sub(r"'[^']*'", "?", m.group(3)))[:100]
    c[m.group(2) + ' ' + shape] += 1
print(f'round trips: {n / secs:.1f}/s ({n} in {secs:.0f} s), by statement:')
for k, v in c.most_common(25):
    print(f'  {v / secs:6.2f}/s {k}')
PY
fi
if [ "${JFR:-0}" = 1 ]; then
  jcmd $PID JFR.start name=idle settings=profile filename="$D/idle.jfr" duration=${WINDOW}s > /dev/null
  sleep $((WINDOW + 3))
fi
kill $PROBE; kill $PID; wait $PID 2> /dev/null
cat "$D/result.txt"
