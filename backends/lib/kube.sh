# shellcheck shell=bash
# Kubernetes credentials: CA and server certificate, service-account keys, tokens,
# kubeconfigs, and the RBAC objects the tests rely on.

# Writes file $1 (mode 600) from stdin, atomically.
write_private() {
    local tmp
    tmp=$(mktemp "$1.XXXXXX")
    chmod 600 "$tmp"
    cat >"$tmp"
    mv "$tmp" "$1"
}

ensure_pki() {
    local f
    for f in ca.key ca.crt apiserver.key apiserver.crt sa.key sa.pub; do
        [ -s "$PKI/$f" ] || break
        [ "$f" = sa.pub ] && return 0
    done
    log "creating CA, apiserver certificate and service-account keys in $PKI"
    (
        cd "$PKI"
        umask 077
        openssl genrsa -out ca.key 2048
        openssl req -x509 -new -key ca.key -sha256 -days 3650 -subj /CN=pitwall-local-ca -out ca.crt \
            -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
        openssl genrsa -out apiserver.key 2048
        openssl req -new -key apiserver.key -subj /CN=kube-apiserver -out apiserver.csr
        printf '%s\n' 'basicConstraints=CA:FALSE' 'keyUsage=critical,digitalSignature,keyEncipherment' \
            'extendedKeyUsage=serverAuth' \
            'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,IP:10.96.0.1' \
            >apiserver.ext
        openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days 3650 \
            -extfile apiserver.ext -out apiserver.crt
        openssl genrsa -out sa.key 2048
        openssl rsa -in sa.key -pubout -out sa.pub
        rm -f apiserver.csr apiserver.ext ca.srl
    ) >"$STATE_DIR/logs/pki.log" 2>&1 || { cat "$STATE_DIR/logs/pki.log" >&2; die "creating certificates failed"; }
}

# Random tokens, made on the first `up` of a state dir and kept there.
ensure_tokens() {
    local t
    for t in admin viewer; do
        [ -s "$SECRETS/$t.token" ] || openssl rand -hex 32 | write_private "$SECRETS/$t.token"
    done
    printf '%s,pitwall-admin,pitwall-admin,"system:masters"\n%s,pitwall-viewer,pitwall-viewer\n' \
        "$(<"$SECRETS/admin.token")" "$(<"$SECRETS/viewer.token")" | write_private "$SECRETS/tokens.csv"
}

# kubeconfig for the tests (admin and viewer contexts) and one for controller-manager and scheduler.
write_kubeconfigs() {
    local ca admin viewer
    ca=$(base64 -w0 "$PKI/ca.crt")
    admin=$(<"$SECRETS/admin.token")
    viewer=$(<"$SECRETS/viewer.token")
    write_private "$KUBECONFIG_FILE" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: pitwall-local
  cluster:
    server: ${URL[apiserver]}
    certificate-authority-data: $ca
users:
- name: pitwall-admin
  user:
    token: $admin
- name: pitwall-viewer
  user:
    token: $viewer
contexts:
- name: pitwall-admin
  context:
    cluster: pitwall-local
    user: pitwall-admin
    namespace: default
- name: pitwall-viewer
  context:
    cluster: pitwall-local
    user: pitwall-viewer
    namespace: pitwall-view
current-context: pitwall-admin
YAML
    write_private "$SECRETS/components.kubeconfig" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: pitwall-local
  cluster:
    server: ${URL[apiserver]}
    certificate-authority: $PKI/ca.crt
users:
- name: pitwall-admin
  user:
    token: $admin
contexts:
- name: pitwall-admin
  context:
    cluster: pitwall-local
    user: pitwall-admin
current-context: pitwall-admin
YAML
}

# Namespaces and a Role for the viewer (the built-in view ClusterRole is aggregated and may be empty).
apply_rbac() {
    log "applying namespaces pitwall-view, pitwall-other and the pitwall-viewer Role"
    kubectl --kubeconfig "$KUBECONFIG_FILE" --context pitwall-admin apply -f - >"$STATE_DIR/logs/kubectl.log" 2>&1 <<'YAML' \
        || { cat "$STATE_DIR/logs/kubectl.log" >&2; rm -f "$ENDPOINTS_FILE"; die "kubectl apply failed"; }
apiVersion: v1
kind: Namespace
metadata:
  name: pitwall-view
---
apiVersion: v1
kind: Namespace
metadata:
  name: pitwall-other
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pitwall-viewer
  namespace: pitwall-view
rules:
- apiGroups: ["*"]
  resources: ["*"]
  verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: pitwall-viewer
  namespace: pitwall-view
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: pitwall-viewer
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: pitwall-viewer
YAML
}
