#!/usr/bin/env bash
# Runs OneEnroll with the demo county (兰州市榆中县) on the embedded H2 database, beside the simulated
# government data-sharing platform that answers for the county's generated families.
#   ./demo.sh [start]   build what changed, provision and configure WildFly, start the simulator and
#                       WildFly, load the demo county
#   ./demo.sh stop      stop the demo server and the simulator
#   ./demo.sh status    is it running?
#   ./demo.sh reset     stop and forget the demo database (the next start loads the county again)
# Everything lives in .demo/ (git-ignored). The first start downloads WildFly into ~/.m2; later starts reuse it.
set -euo pipefail
cd "$(dirname "$0")"
top=$(pwd)
WILDFLY_VERSION=$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' pom.xml | head -1)
demo="$top/.demo"
home="$demo/wildfly-$WILDFLY_VERSION"
pidfile="$demo/server.pid"
simpidfile="$demo/gov-data.pid"
msgpidfile="$demo/messaging.pid"
url="http://127.0.0.1:8080"
simurl="http://127.0.0.1:8180"
msgurl="http://127.0.0.1:8182"
ready_timeout=${ONEENROLL_READY_TIMEOUT:-300}

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
sim_running() { [ -f "$simpidfile" ] && kill -0 "$(cat "$simpidfile")" 2>/dev/null; }
msg_running() { [ -f "$msgpidfile" ] && kill -0 "$(cat "$msgpidfile")" 2>/dev/null; }

# Polls a URL until it answers, the process behind it dies, or the deadline passes.
wait_for() {
    local what=$1 check_url=$2 alive=$3 log=$4
    local deadline=$((SECONDS + ready_timeout))
    until curl -sf -m 5 -o /dev/null "$check_url"; do
        if ! $alive; then
            echo "$what stopped while starting; see $log" >&2
            return 1
        fi
        if [ $SECONDS -ge $deadline ]; then
            echo "$what did not answer within ${ready_timeout}s; see $log" >&2
            return 1
        fi
        sleep 1
    done
}

start_simulator() {
    if sim_running; then
        return
    fi
    echo "Starting the government data platform simulator..."
    nohup java -jar "$top/simulator/target/oneenroll-simulator-app.jar" serve --layout "$demo/demo-county.json" \
        --bind 127.0.0.1 --port 8180 --query-log "$demo/gov-data-queries.ndjson" > "$demo/gov-data.out" 2>&1 &
    echo $! > "$simpidfile"
    wait_for "The simulator" "$simurl/health" sim_running "$demo/gov-data.out" || { stop; exit 1; }
    if ! msg_running; then
        echo "Starting the SMSC and provincial platform simulator..."
        nohup java -jar "$top/simulator/target/oneenroll-simulator-app.jar" messaging --smpp-port 2775 \
            --http-port 8182 > "$demo/messaging.out" 2>&1 &
        echo $! > "$msgpidfile"
        wait_for "The messaging simulator" "$msgurl/health" msg_running "$demo/messaging.out" || { stop; exit 1; }
    fi
}

stop() {
    if running; then
        echo "Stopping OneEnroll (pid $(cat "$pidfile"))..."
        "$home/bin/jboss-cli.sh" --connect --controller=127.0.0.1:9990 --command=shutdown >/dev/null 2>&1 || kill "$(cat "$pidfile")"
        for _ in $(seq 1 60); do running || break; sleep 1; done
        running && kill -9 "$(cat "$pidfile")" || true
    fi
    rm -f "$pidfile"
    if sim_running; then
        kill "$(cat "$simpidfile")"
        for _ in $(seq 1 20); do sim_running || break; sleep 0.5; done
    fi
    rm -f "$simpidfile"
    if msg_running; then
        kill "$(cat "$msgpidfile")"
        for _ in $(seq 1 20); do msg_running || break; sleep 0.5; done
    fi
    rm -f "$msgpidfile"
    echo "OneEnroll demo is stopped."
}

build() {
    local ear="$top/ear/target/oneenroll.ear" sim="$top/simulator/target/oneenroll-simulator-app.jar"
    if [ -f "$ear" ] && [ -f "$sim" ] && [ -z "$(find "$top" -path "$top/.demo" -prune -o \( -path '*/src/*' -o -name pom.xml \) -newer "$ear" -print -quit)" ]; then
        echo "Build is up to date."
        return
    fi
    echo "Building OneEnroll (mvn install, no tests)..."
    mvn -q -B install -DskipTests -DskipITs
}

unpack_server() {
    echo "Provisioning WildFly $WILDFLY_VERSION from Maven Central into .demo/ ..."
    # dependency:copy fetches the zip (or takes it from ~/.m2); jar (always there with a JDK) unpacks it.
    mvn -q -B -N dependency:copy -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" -DoutputDirectory="$demo"
    (cd "$demo" && jar xf "wildfly-dist-$WILDFLY_VERSION.zip" && rm "wildfly-dist-$WILDFLY_VERSION.zip")
    chmod +x "$home"/bin/*.sh
}

provision() {
    mkdir -p "$demo"
    [ -x "$home/bin/standalone.sh" ] || unpack_server
    local status=0
    bash "$top/config/src/main/cli/configure-server.sh" "$home" h2 || status=$?
    if [ $status -eq 3 ]; then
        # The configuration scripts changed: start from a fresh server (the demo data is loaded again).
        rm -rf "$home"
        unpack_server
        bash "$top/config/src/main/cli/configure-server.sh" "$home" h2
    elif [ $status -ne 0 ]; then
        exit $status
    fi
    if [ ! -f "$demo/demo-county.json" ]; then
        echo "Generating the demo county (schools, zones, 5,000 families)..."
        java -jar "$top/simulator/target/oneenroll-simulator-app.jar" layout --county 620123 --seed 2026 \
            --families 5000 --out "$demo/demo-county.json"
    fi
    cp "$top/ear/target/oneenroll.ear" "$home/standalone/deployments/oneenroll.ear"
}

# The intake the demo county was generated for: its simulated records are dated 1 June of that year.
plan_year() {
    grep -o '"planYear": *[0-9]*' "$demo/demo-county.json" | grep -o '[0-9]*$'
}

wait_ready() {
    local deadline=$((SECONDS + ready_timeout))
    until curl -sf -m 5 -o /dev/null "$url/api/health"; do
        if [ -f "$home/standalone/deployments/oneenroll.ear.failed" ]; then
            echo "Deployment failed:" >&2
            cat "$home/standalone/deployments/oneenroll.ear.failed" >&2
            stop
            exit 1
        fi
        if ! running || [ $SECONDS -ge $deadline ]; then
            echo "OneEnroll did not come up (stopped, or no answer within ${ready_timeout}s); see $demo/server.out" >&2
            stop
            exit 1
        fi
        sleep 2
    done
}

start() {
    if running && sim_running && msg_running; then
        echo "OneEnroll is already running (pid $(cat "$pidfile")) at $url/"
        exit 0
    fi
    running && stop
    build
    provision
    start_simulator
    rm -f "$home/standalone/deployments/oneenroll.ear".{failed,deployed}
    echo "Starting WildFly (standalone-full, H2)..."
    nohup "$home/bin/standalone.sh" -c standalone-full.xml -b 127.0.0.1 \
        -Doneenroll.keys.file="$demo/keys/personal-data.properties" -Doneenroll.keys.generate=true \
        -Doneenroll.demo.layout="$demo/demo-county.json" -Doneenroll.govdata.url="$simurl" \
        -Doneenroll.govdata.app-key=oneenroll-demo-key \
        -Doneenroll.verification.check-date="$(plan_year)-06-01" > "$demo/server.out" 2>&1 &
    echo $! > "$pidfile"
    wait_ready
    cat <<INFO

OneEnroll 入学一件事 is running (demo county 甘肃省兰州市榆中县, embedded H2 database).

  Home page (public plan)   $url/
  Staff sign-in             $url/login.xhtml
  Health                    $url/api/health
  Government data platform  $simurl/api/v1/sources (simulator; app key oneenroll-demo-key, see docs/simulator.md)
  SMSC / provincial platform  SMPP 127.0.0.1:2775, $msgurl/admin/sms and /admin/feedback (simulator)
  SMS and feedback (staff)  $url/staff/messaging.xhtml (county.admin or batch.operator)
  WildFly console           http://127.0.0.1:9990/ (no admin user is created)

  Demo staff accounts, password yuzhong2027:
    county.admin          县级招生管理员 (620123)
    county.reviewer       县级审核员
    school.reviewer       学校审核员 (first school of the county)
    counter.staff         帮办窗口人员
    batch.operator        批处理操作员
    city.supervisor       市级督导 (兰州市)
    province.supervisor   省级督导 (甘肃省)

  Logs: .demo/server.out, $home/standalone/log/oneenroll.log, .demo/gov-data.out
  Stop: ./demo.sh stop      Forget the demo data: ./demo.sh reset
INFO
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status)
        if running; then echo "OneEnroll running (pid $(cat "$pidfile")) at $url/"; else echo "OneEnroll stopped"; fi
        if sim_running; then echo "simulator running (pid $(cat "$simpidfile")) at $simurl/"; else echo "simulator stopped"; fi
        if msg_running; then echo "SMSC/provincial simulator running (pid $(cat "$msgpidfile")) at $msgurl/ (SMPP 2775)"; else echo "SMSC/provincial simulator stopped"; fi ;;
    reset) stop; rm -rf "$home/standalone/data/oneenroll" "$demo/demo-county.json"; echo "Demo data removed." ;;
    *) echo "usage: ./demo.sh [start|stop|status|reset]" >&2; exit 2 ;;
esac
