# shellcheck shell=bash
# Shared helpers for backends.sh: messages, process handling, readiness checks.

log() { printf 'backends: %s\n' "$*"; }
warn() { printf 'backends: %s\n' "$*" >&2; }
die() { warn "$*"; exit 1; }

# Seconds from $1 (an $EPOCHREALTIME value) until now, one decimal.
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

pid_file() { printf '%s/pids/%s.pid' "$STATE_DIR" "$1"; }
log_file() { printf '%s/logs/%s.log' "$STATE_DIR" "$1"; }

# Prints the pid of server $1 if its pid file names a live process (not a zombie, and with
# the expected command line, so a recycled pid does not count); fails otherwise.
# Uses only builtins: it is polled often while servers start.
server_pid() {
    local f=$STATE_DIR/pids/$1.pid pid stat args=()
    [ -s "$f" ] || return 1
    read -r pid <"$f" || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    { read -r stat <"/proc/$pid/stat"; } 2>/dev/null || return 1
    stat=${stat##*) }
    [ "${stat%% *}" != Z ] || return 1
    if [ -n "${PROC_MATCH[$1]:-}" ]; then
        { mapfile -d '' -t args <"/proc/$pid/cmdline"; } 2>/dev/null || return 1
        [[ " ${args[*]} " == *"${PROC_MATCH[$1]}"* ]] || return 1
    fi
    printf '%s\n' "$pid"
}

is_running() { server_pid "$1" >/dev/null; }

# Starts command "$@" as server $1 in its own session, detached from this shell,
# with stdout/stderr appended to logs/<name>.log; writes pids/<name>.pid.
launch() {
    local name=$1 log pid
    shift
    log=$(log_file "$name")
    printf '\n===== %s: starting %s\n' "$(date -Is)" "$*" >>"$log"
    setsid nohup "$@" </dev/null >>"$log" 2>&1 &
    pid=$!
    printf '%s\n' "$pid" >"$(pid_file "$name")"
}

# curl for readiness probes: short timeouts, quiet, fail on HTTP errors.
probe() { curl -fsS -o /dev/null --max-time 2 "$@"; }

# Stops server $1 by pid: SIGTERM, wait up to $2 seconds (default 20), then SIGKILL.
stop_server() {
    local name=$1 timeout=${2:-20} pid i
    if ! pid=$(server_pid "$name"); then
        rm -f "$(pid_file "$name")"
        return 0
    fi
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        warn "$name (pid $pid) did not stop after ${timeout} s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.2
    fi
    rm -f "$(pid_file "$name")"
}
