# shellcheck shell=bash
# Installation: Debian packages, the Zipkin jar from Maven Central, and
# kube-apiserver/controller-manager/scheduler built from Debian's source package.

CACHE_DIR=${PITWALL_CACHE_DIR:-/var/cache/pitwall}
ZIPKIN_VERSION=3.5.1
ZIPKIN_JAR=$CACHE_DIR/zipkin-server-$ZIPKIN_VERSION-exec.jar
KUBE_DEB_VERSION=${PITWALL_KUBE_DEB_VERSION:-1.20.5+really1.20.2-1.1+deb12u1}
KUBE_GIT_VERSION=v1.20.2
KUBE_DIR=$CACHE_DIR/kubernetes-$KUBE_DEB_VERSION
KUBE_BINS=(kube-apiserver kube-controller-manager kube-scheduler)
SERVER_PACKAGES=(prometheus prometheus-node-exporter prometheus-alertmanager etcd-server etcd-client openssl curl)
BUILD_PACKAGES=(golang-go dpkg-dev make rsync jq golang-github-modern-go-reflect2-dev golang-github-json-iterator-go-dev)
SRC_LIST=/etc/apt/sources.list.d/pitwall-src.sources
APT_UPDATED=0

require_root() {
    [ "$(id -u)" = 0 ] || die "installing needs root (missing: $*)"
}

# Packages must not start their own daemons (on 0.0.0.0) when installed.
ensure_policy_rc_d() {
    [ -e /usr/sbin/policy-rc.d ] && return 0
    log "writing /usr/sbin/policy-rc.d (exit 101) so packages do not start daemons"
    printf '#!/bin/sh\n# Written by pitwall backends.sh: packages must not start their own daemons.\nexit 101\n' \
        >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
}

apt_update_once() {
    [ "$APT_UPDATED" = 1 ] && return 0
    log "apt-get update"
    apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
}

missing_packages() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || printf '%s\n' "$p"
    done
}

apt_install() {
    local missing
    mapfile -t missing < <(missing_packages "$@")
    [ "${#missing[@]}" -eq 0 ] && return 0
    require_root "${missing[*]}"
    ensure_policy_rc_d
    # The package lists may be absent or stale on a fresh machine.
    if ! apt-get install -s -qq "${missing[@]}" >/dev/null 2>&1; then
        apt_update_once
    fi
    log "apt-get install ${missing[*]}"
    if ! apt_get_install "${missing[@]}"; then
        # Stale package lists (404 from the mirror): update once and retry.
        [ "$APT_UPDATED" = 0 ] || die "apt-get install ${missing[*]} failed"
        apt_update_once
        apt_get_install "${missing[@]}" || die "apt-get install ${missing[*]} failed"
    fi
}

apt_get_install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Prints the value of field $1 from the first stanza of debian.sources.
debian_sources_field() {
    awk -v k="$1:" '$1 == k { print $2; exit } /^$/ && seen { exit } NF { seen = 1 }' \
        /etc/apt/sources.list.d/debian.sources 2>/dev/null
}

# A deb-src entry for bookworm main, with the same mirror and keyring as debian.sources.
ensure_deb_src() {
    local uri key want
    uri=$(debian_sources_field URIs)
    key=$(debian_sources_field Signed-By)
    want=$(printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: %s\n' \
        "${uri:-http://deb.debian.org/debian}" "${key:-/usr/share/keyrings/debian-archive-keyring.gpg}")
    if [ ! -f "$SRC_LIST" ] || [ "$(<"$SRC_LIST")" != "$want" ]; then
        log "writing $SRC_LIST"
        printf '%s\n' "$want" >"$SRC_LIST"
        APT_UPDATED=0
        apt_update_once
    fi
    if ! apt-cache showsrc kubernetes 2>/dev/null | grep -qxF "Version: $KUBE_DEB_VERSION"; then
        apt_update_once
        apt-cache showsrc kubernetes 2>/dev/null | grep -qxF "Version: $KUBE_DEB_VERSION" \
            || die "source package kubernetes=$KUBE_DEB_VERSION not found in the apt sources"
    fi
}

ensure_zipkin_jar() {
    [ -s "$ZIPKIN_JAR" ] && return 0
    command -v mvn >/dev/null || die "mvn is needed to download Zipkin from Maven Central"
    local tmp
    tmp=$(mktemp -d /var/tmp/pitwall-zipkin.XXXXXX)
    log "downloading io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec from Maven Central"
    if ! (cd "$tmp" && mvn -B -ntp -q dependency:copy \
        "-Dartifact=io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" "-DoutputDirectory=$tmp/out" >"$tmp/mvn.log" 2>&1); then
        tail -n 30 "$tmp/mvn.log" >&2
        rm -rf "$tmp"
        die "downloading Zipkin failed"
    fi
    mkdir -p "$CACHE_DIR"
    mv "$tmp/out/zipkin-server-$ZIPKIN_VERSION-exec.jar" "$ZIPKIN_JAR.tmp"
    mv "$ZIPKIN_JAR.tmp" "$ZIPKIN_JAR"
    rm -rf "$tmp"
}

kube_built() {
    local b
    for b in "${KUBE_BINS[@]}"; do
        [ -x "$KUBE_DIR/$b" ] || return 1
    done
}

# Runs "$@" in the background, printing a progress line every 30 s; returns its status.
with_progress() {
    local what=$1 logf=$2 start pid rc=0
    shift 2
    start=$(date +%s)
    "$@" >"$logf" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        for _ in $(seq 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -0 "$pid" 2>/dev/null || break
        log "$what: $(($(date +%s) - start)) s, last: $(tail -n 1 "$logf" | cut -c1-100)"
    done
    wait "$pid" || rc=$?
    return "$rc"
}

ensure_kube_binaries() {
    kube_built && return 0
    require_root "kubernetes binaries in $KUBE_DIR"
    apt_install "${BUILD_PACKAGES[@]}"
    ensure_deb_src
    local work src t0 vfile b p buildlog
    t0=$(date +%s)
    work=$(mktemp -d /var/tmp/pitwall-kube-build.XXXXXX)
    # shellcheck disable=SC2064 # expand $work now
    trap "rm -rf '$work'" EXIT
    log "building kubernetes $KUBE_GIT_VERSION from Debian source $KUBE_DEB_VERSION in $work (takes ~8+ min)"
    (cd "$work" && apt-get source -qq --download-only "kubernetes=$KUBE_DEB_VERSION" >download.log 2>&1) \
        || { tail -n 20 "$work/download.log" >&2; die "apt-get source kubernetes=$KUBE_DEB_VERSION failed"; }
    log "kube build: unpacking source"
    (cd "$work" && dpkg-source -x ./*.dsc src >unpack.log 2>&1) \
        || { tail -n 20 "$work/unpack.log" >&2; die "dpkg-source -x failed"; }
    src=$work/src
    # The vendored modern-go/reflect2 1.0.1 crashes under Go >= 1.18: use Debian's copies.
    for p in github.com/modern-go/reflect2 github.com/json-iterator/go; do
        [ -d "/usr/share/gocode/src/$p" ] || die "missing /usr/share/gocode/src/$p"
        rm -rf "${src:?}/vendor/$p"
        cp -rL "/usr/share/gocode/src/$p" "$src/vendor/$p"
    done
    vfile=$work/version
    printf "KUBE_GIT_VERSION='%s'\nKUBE_GIT_MAJOR='1'\nKUBE_GIT_MINOR='20'\nKUBE_GIT_TREE_STATE='clean'\n" \
        "$KUBE_GIT_VERSION" >"$vfile"
    mkdir -p "$CACHE_DIR" "$work/home"
    buildlog=$CACHE_DIR/kubernetes-build.log
    log "kube build: compiling (log: $buildlog)"
    if ! (cd "$src" && with_progress "kube build" "$buildlog" \
        env -u GOFLAGS HOME="$work/home" CGO_ENABLED=0 GOPROXY=off KUBE_GIT_VERSION_FILE="$vfile" \
        make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler"); then
        tail -n 30 "$buildlog" >&2
        die "kubernetes build failed (full log: $buildlog)"
    fi
    mkdir -p "$KUBE_DIR.tmp"
    for b in "${KUBE_BINS[@]}"; do
        p=$(find "$src/_output" -type f -name "$b" -perm -u+x | head -n 1)
        [ -n "$p" ] || die "kubernetes build produced no $b"
        install -m 755 "$p" "$KUBE_DIR.tmp/$b"
    done
    rm -rf "$KUBE_DIR"
    mv "$KUBE_DIR.tmp" "$KUBE_DIR"
    rm -rf "$work"
    trap - EXIT
    log "kube build: done in $(($(date +%s) - t0)) s; binaries cached in $KUBE_DIR"
}

install_all() {
    apt_install "${SERVER_PACKAGES[@]}"
    ensure_zipkin_jar
    ensure_kube_binaries
}
