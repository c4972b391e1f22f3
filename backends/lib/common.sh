# shellcheck shell=bash
# Shared helpers for backends.sh: messages, process handling, readiness checks.

log() { printf 'backends: %s\n' "$*"; }
warn() { printf 'backends: %s\n' "$*" >&2; }
die() { warn "$*"; exit 1; }

# Seconds from $1 (an $EPOCHREALTIME value) until now, one decimal.
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

pid_file() { printf '%s/pids/%s.pid' "$STATE_DIR" "$1"; }
log_file() { printf '%s/logs/%s.log' "$STATE_DIR" "$1"; }

# True if process $1 exists and is not a zombie (PID 1 here may reap zombies late).
pid_alive() {
    local stat
    { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
    stat=${stat##*) }
    [ "${stat%% *}" != Z ]
}

# Prints the pid of server $1 if its pid file names a live process (not a zombie, and with
# the expected command line, so a recycled pid does not count); fails otherwise.
# Uses only builtins: it is polled often while servers start.
server_pid() {
    local f=$STATE_DIR/pids/$1.pid pid args=()
    [ -s "$f" ] || return 1
    read -r pid <"$f" || return 1
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    pid_alive "$pid" || return 1
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

# Waits up to $2 seconds for process $1 to end; fails if it is still alive.
wait_gone() {
    local i
    for ((i = 0; i < $2 * 10; i++)); do
        pid_alive "$1" || return 0
        sleep 0.1
    done
    ! pid_alive "$1"
}

# Stops server $1 by pid: SIGTERM and wait (STOP_GRACE seconds, default 20); then a second
# SIGTERM (the kube servers exit at once on it; after the first they wait for open watches)
# and 5 s more; then SIGKILL.
stop_server() {
    local name=$1 grace=${STOP_GRACE[$1]:-20} pid
    if ! pid=$(server_pid "$name"); then
        rm -f "$(pid_file "$name")"
        return 0
    fi
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$grace"; then
        log "$name (pid $pid) still running after ${grace} s; sending SIGTERM again"
        kill -TERM "$pid" 2>/dev/null || true
        if ! wait_gone "$pid" 5; then
            warn "$name (pid $pid) did not stop; sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
            wait_gone "$pid" 5 || warn "$name (pid $pid) survived SIGKILL"
        fi
    fi
    rm -f "$(pid_file "$name")"
}
