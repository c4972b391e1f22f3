#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Starts, stops and reports the real servers the integration tests use, all on 127.0.0.1:
# Prometheus, Alertmanager, node exporter, etcd, kube-apiserver (+ controller-manager and
# scheduler, v1.20.2 built from Debian's source package) and Zipkin. See backends/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE_DIR=${PITWALL_BACKENDS_DIR:-/tmp/pitwall-backends}
mkdir -p "$STATE_DIR"
STATE_DIR=$(cd "$STATE_DIR" && pwd)
CONF=$STATE_DIR/config
DATA=$STATE_DIR/data
PKI=$STATE_DIR/pki
SECRETS=$STATE_DIR/secrets
KUBECONFIG_FILE=$STATE_DIR/kubeconfig
ENDPOINTS_FILE=$STATE_DIR/endpoints.properties
# kube-apiserver's audit log (JSON lines), appended to across restarts; rotated at 200 MB into
# audit-TIMESTAMP.log beside it
AUDIT_LOG=$STATE_DIR/logs/audit.log

# shellcheck source=lib/common.sh
. "$HERE/lib/common.sh"
# shellcheck source=lib/install.sh
. "$HERE/lib/install.sh"
# shellcheck source=lib/servers.sh
. "$HERE/lib/servers.sh"
# shellcheck source=lib/kube.sh
. "$HERE/lib/kube.sh"

usage() {
    cat <<USAGE
usage: backends/backends.sh COMMAND
  up            install what is missing, start every server not running, wait until all are
                ready, then write $ENDPOINTS_FILE
  down          stop every server (by pid), remove endpoints.properties; data and logs stay
  status        one line per server; exit status 0 only if all are running
  stop NAME     stop one server: ${SERVERS[*]}
  install       only install packages, download Zipkin and build Kubernetes
state dir: \$PITWALL_BACKENDS_DIR (default /tmp/pitwall-backends)
USAGE
}

prepare_state_dir() {
    mkdir -p "$STATE_DIR"/{logs,pids,data,config,pki,secrets}
    chmod 700 "$PKI" "$SECRETS"
    cp "$HERE/config/prometheus.yml" "$HERE/config/rules.yml" "$HERE/config/alertmanager.yml" \
        "$HERE/config/audit-policy.yaml" "$CONF/"
    ensure_pki
    ensure_tokens
    write_kubeconfigs
}

write_endpoints() {
    local tmp
    tmp=$(mktemp "$ENDPOINTS_FILE.XXXXXX")
    cat >"$tmp" <<PROPS
# Written by backends/backends.sh up when every server was ready; removed by down.
prometheus.url=${URL[prometheus]}
alertmanager.url=${URL[alertmanager]}
nodeexporter.url=${URL[nodeexporter]}
zipkin.url=${URL[zipkin]}
etcd.url=${URL[etcd]}
kube.apiserver.url=${URL[apiserver]}
kube.kubeconfig=$KUBECONFIG_FILE
kube.audit.log=$AUDIT_LOG
kube.context.admin=pitwall-admin
kube.context.viewer=pitwall-viewer
kube.viewer.namespace=pitwall-view
kube.other.namespace=pitwall-other
PROPS
    chmod 644 "$tmp"
    mv "$tmp" "$ENDPOINTS_FILE"
}

summary() {
    local name t
    log "all servers ready (state dir $STATE_DIR)"
    printf '%-20s %-8s %-28s %s\n' server pid url "start time"
    for name in "${SERVERS[@]}"; do
        case ${START_TIMES[$name]:-?} in
        running) t="already running" ;;
        *) t="${START_TIMES[$name]:-?} s" ;;
        esac
        printf '%-20s %-8s %-28s %s\n' "$name" "$(server_pid "$name" || echo -)" "${URL[$name]}" "$t"
    done
    log "endpoints: $ENDPOINTS_FILE"
    log "kubeconfig: $KUBECONFIG_FILE"
}

# An apiserver started before it had an audit log (an older backends.sh) is stopped, so that
# `up` starts it again with one: the it tier reads that log.
restart_apiserver_without_audit() {
    local pid args=()
    pid=$(server_pid apiserver) || return 0
    { mapfile -d '' -t args <"/proc/$pid/cmdline"; } 2>/dev/null || return 0
    [[ " ${args[*]} " == *" --audit-log-path=$AUDIT_LOG "* ]] && return 0
    log "apiserver (pid $pid) runs without the audit log $AUDIT_LOG; restarting it"
    rm -f "$ENDPOINTS_FILE"
    stop_server apiserver
}

cmd_up() {
    local name
    install_all
    # endpoints.properties exists only while every server runs; a re-run over a complete
    # set leaves it in place.
    for name in "${SERVERS[@]}"; do
        is_running "$name" || rm -f "$ENDPOINTS_FILE"
    done
    prepare_state_dir
    restart_apiserver_without_audit
    # Zipkin is the slowest and independent: it starts first. The kube servers need etcd,
    # controller-manager and scheduler need the apiserver.
    start_servers zipkin nodeexporter alertmanager prometheus etcd
    wait_servers etcd
    start_servers apiserver
    wait_servers apiserver
    start_servers controller-manager scheduler
    apply_rbac
    wait_servers "${SERVERS[@]}"
    write_endpoints
    summary
}

cmd_down() {
    local name
    for name in "${STOP_ORDER[@]}"; do
        stop_server "$name"
    done
    rm -f "$ENDPOINTS_FILE"
    log "all servers stopped (data and logs kept in $STATE_DIR)"
}

cmd_stop() {
    if [ -z "${1:-}" ] || ! is_server "$1"; then
        die "stop: unknown server '${1:-}' (one of: ${SERVERS[*]})"
    fi
    if is_running "$1"; then
        stop_server "$1"
    else
        log "$1 is not running"
        rm -f "$(pid_file "$1")"
    fi
}

cmd_status() {
    local name pid state all=0
    for name in "${SERVERS[@]}"; do
        if pid=$(server_pid "$name"); then
            state=running
            is_ready "$name" || state="running (not ready)"
        else
            pid=- state=stopped all=3
        fi
        printf '%-20s %-20s pid %-8s %s\n' "$name" "$state" "$pid" "${URL[$name]}"
    done
    if [ -f "$ENDPOINTS_FILE" ]; then echo "endpoints: $ENDPOINTS_FILE"; fi
    return "$all"
}

case "${1:-}" in
up) cmd_up ;;
down) cmd_down ;;
status) cmd_status ;;
stop) cmd_stop "${2:-}" ;;
install) install_all ;;
-h | --help | help) usage ;;
*)
    usage >&2
    exit 2
    ;;
esac
