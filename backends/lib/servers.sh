# shellcheck shell=bash
# The servers: how to start each one and how to tell that it is ready.

SERVERS=(nodeexporter alertmanager prometheus etcd apiserver controller-manager scheduler zipkin)
# shellcheck disable=SC2034 # used by backends.sh
STOP_ORDER=(zipkin scheduler controller-manager apiserver etcd prometheus alertmanager nodeexporter)
declare -A URL=(
    [nodeexporter]=http://127.0.0.1:9100
    [alertmanager]=http://127.0.0.1:9093
    [prometheus]=http://127.0.0.1:9090
    [etcd]=http://127.0.0.1:2379
    [apiserver]=https://127.0.0.1:6443
    [controller-manager]=https://127.0.0.1:10257
    [scheduler]=https://127.0.0.1:10259
    [zipkin]=http://127.0.0.1:9411
)
# Seconds to wait for readiness.
declare -A TIMEOUT=(
    [nodeexporter]=30 [alertmanager]=30 [prometheus]=60 [etcd]=60
    [apiserver]=120 [controller-manager]=60 [scheduler]=60 [zipkin]=180
)
# Seconds between the first SIGTERM and the second (see stop_server). kube-apiserver stops
# listening at once but then waits for open watches (up to their 30-60 min timeouts).
# shellcheck disable=SC2034 # used by stop_server in common.sh
declare -A STOP_GRACE=([apiserver]=3 [controller-manager]=5 [scheduler]=5)
# A word the process's command line must contain (guards against recycled pids).
# shellcheck disable=SC2034 # used by server_pid in common.sh
declare -A PROC_MATCH=(
    [nodeexporter]=prometheus-node-exporter [alertmanager]=prometheus-alertmanager
    [prometheus]=prometheus [etcd]=etcd [apiserver]=kube-apiserver
    [controller-manager]=kube-controller-manager [scheduler]=kube-scheduler
    [zipkin]=zipkin-server
)
declare -A START_TIMES=()

is_server() {
    local s
    for s in "${SERVERS[@]}"; do [ "$s" = "$1" ] && return 0; done
    return 1
}

# ---- readiness probes ------------------------------------------------------------------
ready_nodeexporter() { probe "${URL[nodeexporter]}/metrics"; }
ready_alertmanager() { probe "${URL[alertmanager]}/-/ready"; }
ready_prometheus() { probe "${URL[prometheus]}/-/ready"; }
ready_etcd() { curl -fsS --max-time 2 "${URL[etcd]}/health" | grep -q '"health":"true"'; }
ready_apiserver() {
    probe --cacert "$PKI/ca.crt" -H "Authorization: Bearer $(<"$SECRETS/admin.token")" "${URL[apiserver]}/readyz"
}
ready_controller_manager() { probe -k "${URL[controller-manager]}/healthz"; }
ready_scheduler() { probe -k "${URL[scheduler]}/healthz"; }
ready_zipkin() { probe "${URL[zipkin]}/health"; }

is_ready() { "ready_${1//-/_}" 2>/dev/null; }

# ---- start commands --------------------------------------------------------------------
start_nodeexporter() {
    launch nodeexporter prometheus-node-exporter --web.listen-address=127.0.0.1:9100
}

start_alertmanager() {
    mkdir -p "$DATA/alertmanager"
    launch alertmanager prometheus-alertmanager --config.file="$CONF/alertmanager.yml" \
        --storage.path="$DATA/alertmanager" --web.listen-address=127.0.0.1:9093 \
        --cluster.listen-address=
}

start_prometheus() {
    mkdir -p "$DATA/prometheus"
    launch prometheus prometheus --config.file="$CONF/prometheus.yml" --storage.tsdb.path="$DATA/prometheus" \
        --web.listen-address=127.0.0.1:9090 --web.enable-lifecycle --web.enable-admin-api \
        --web.enable-remote-write-receiver --rules.alert.resend-delay=1s
}

start_etcd() {
    mkdir -p "$DATA/etcd"
    chmod 700 "$DATA/etcd"
    launch etcd etcd --name default --data-dir "$DATA/etcd" \
        --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
        --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
        --initial-cluster default=http://127.0.0.1:2380 --listen-metrics-urls http://127.0.0.1:2381
}

start_apiserver() {
    launch apiserver "$KUBE_DIR/kube-apiserver" \
        --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port=6443 --insecure-port=0 \
        --etcd-servers=http://127.0.0.1:2379 \
        --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
        --client-ca-file="$PKI/ca.crt" --token-auth-file="$SECRETS/tokens.csv" \
        --authorization-mode=RBAC \
        --service-account-issuer=https://kubernetes.default.svc.cluster.local \
        --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
        --service-cluster-ip-range=10.96.0.0/24 --endpoint-reconciler-type=none \
        --allow-privileged=true --cert-dir="$DATA/apiserver" \
        --audit-policy-file="$CONF/audit-policy.yaml" --audit-log-path="$AUDIT_LOG" \
        --audit-log-maxsize=200 --audit-log-maxbackup=3
}

start_controller_manager() {
    mkdir -p "$DATA/controller-manager"
    launch controller-manager "$KUBE_DIR/kube-controller-manager" \
        --kubeconfig="$SECRETS/components.kubeconfig" \
        --bind-address=127.0.0.1 --port=0 --leader-elect=false --cert-dir="$DATA/controller-manager" \
        --controllers='*,-nodeipam,-cloud-node-lifecycle,-route,-service,-nodelifecycle' \
        --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
        --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key"
}

start_scheduler() {
    mkdir -p "$DATA/scheduler"
    launch scheduler "$KUBE_DIR/kube-scheduler" --kubeconfig="$SECRETS/components.kubeconfig" \
        --bind-address=127.0.0.1 --port=0 --leader-elect=false --cert-dir="$DATA/scheduler"
}

# Java 17 or newer for Zipkin: $PITWALL_ZIPKIN_JAVA, `java` on the PATH, then /usr/lib/jvm/*.
zipkin_java() {
    local j v
    for j in "${PITWALL_ZIPKIN_JAVA:-}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
        if [ -z "$j" ] || [ ! -x "$j" ]; then continue; fi
        v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}')
        if [ -n "$v" ] && [ "${v%%.*}" -ge 17 ] 2>/dev/null; then
            printf '%s\n' "$j"
            return 0
        fi
    done
    die "Zipkin needs Java 17 or newer; none found (set PITWALL_ZIPKIN_JAVA)"
}

start_zipkin() {
    local java
    java=$(zipkin_java)
    launch zipkin "$java" -Xmx256m -jar "$ZIPKIN_JAR" \
        '--armeria.ports[0].port=9411' '--armeria.ports[0].ip=127.0.0.1'
}

# ---- orchestration ---------------------------------------------------------------------

# Launches each named server unless it already runs. Readiness is polled by wait_servers.
declare -A LAUNCHED_AT=() DEADLINE=() PENDING=()
start_servers() {
    local name pid
    for name in "$@"; do
        if pid=$(server_pid "$name"); then
            log "$name already running (pid $pid)"
            START_TIMES[$name]=running
        else
            log "starting $name"
            LAUNCHED_AT[$name]=$EPOCHREALTIME
            "start_${name//-/_}"
        fi
        DEADLINE[$name]=$(($(date +%s) + ${TIMEOUT[$name]}))
        PENDING[$name]=1
    done
}

# Polls every pending server (so each start time is measured from its own launch to its
# own readiness) until all the named ones are ready. Exits if one dies or times out.
wait_servers() {
    local name waiting=1
    while [ "$waiting" = 1 ]; do
        for name in "${!PENDING[@]}"; do
            if is_ready "$name" && is_running "$name"; then
                unset "PENDING[$name]"
                if [ -n "${LAUNCHED_AT[$name]:-}" ]; then
                    START_TIMES[$name]=$(elapsed "${LAUNCHED_AT[$name]}")
                    log "$name ready after ${START_TIMES[$name]} s"
                fi
            elif ! is_running "$name" || [ "$(date +%s)" -ge "${DEADLINE[$name]}" ]; then
                start_failed "$name"
            fi
        done
        waiting=0
        for name in "$@"; do
            [ -z "${PENDING[$name]:-}" ] || waiting=1
        done
        if [ "$waiting" = 1 ]; then sleep 0.1; fi
    done
}

start_failed() {
    local name=$1
    rm -f "$ENDPOINTS_FILE"
    if is_running "$name"; then
        warn "$name not ready after ${TIMEOUT[$name]} s"
    else
        warn "$name exited"
    fi
    warn "$name failed to start"
    warn "last lines of $(log_file "$name"):"
    tail -n 30 "$(log_file "$name")" >&2 || true
    exit 1
}
