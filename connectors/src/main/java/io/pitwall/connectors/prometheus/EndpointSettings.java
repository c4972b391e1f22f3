package io.pitwall.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.connectors.http.HttpAuth;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.SecretRef;
import io.pitwall.connectors.http.TlsFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every context's endpoints, as one readable JSON file in the user's config folder
 * ({@value #FILE_NAME}). A secret is stored as where it comes from ({@code {"file": PATH}},
 * {@code {"env": NAME}}); a typed value is written only when the user asked to save it
 * ({@code {"value": ...}}, and the file is then made owner-only), otherwise as
 * {@code {"ask": true}}, so it is asked again next time. A context's {@code loki} (optional, added
 * after the first files were written: a file without it reads as before) takes the same
 * {@code url}/{@code service}, {@code auth}, {@code tls}, {@code headers} and {@code timeout} as the
 * others, and a {@code tenant} sent as {@code X-Scope-OrgID}. A context's {@code traces} (optional,
 * likewise added later) takes them too, with the {@code protocol} it speaks: {@code jaeger_v1},
 * {@code jaeger_v3} or {@code zipkin}.
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "contexts": {
 *     "prod-eu": {
 *       "selected": "prometheus-k8s",
 *       "prometheus": [
 *         {"name": "prometheus-k8s", "flavor": "prometheus",
 *          "service": {"namespace": "monitoring", "name": "prometheus-k8s", "port": "9090", "scheme": "http", "path": ""},
 *          "haPartner": "prometheus-k8s-1"},
 *         {"name": "thanos", "flavor": "thanos", "url": "https://thanos.example.com",
 *          "auth": {"type": "bearer", "token": {"file": "/home/me/.config/thanos-token"}},
 *          "tls": {"ca": "/etc/ssl/corp-ca.pem"}, "scrapeInterval": "30s", "timeout": "30s"}
 *       ],
 *       "alertmanager": {"name": "alertmanager-main", "url": "https://alertmanager.example.com"},
 *       "loki": {"name": "loki-gateway", "service": {"namespace": "loki", "name": "loki-gateway", "port": "http-metrics",
 *                "scheme": "http", "path": ""}, "tenant": "team-a"},
 *       "traces": {"name": "jaeger-query", "protocol": "jaeger_v1", "service": {"namespace": "observability",
 *                  "name": "jaeger-query", "port": "16686", "scheme": "http", "path": ""}}
 *     }
 *   }
 * }
 * }</pre>
 */
public final class EndpointSettings {

    public static final String FILE_NAME = "endpoints.json";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Map<String, ContextEndpoints> contexts;

    public EndpointSettings(Map<String, ContextEndpoints> contexts) {
        this.contexts = Map.copyOf(contexts);
    }

    public static EndpointSettings empty() {
        return new EndpointSettings(Map.of());
    }

    /** The endpoints of {@code context}; {@link ContextEndpoints#NONE} when it has none. */
    public ContextEndpoints of(String context) {
        return contexts.getOrDefault(context, ContextEndpoints.NONE);
    }

    public Map<String, ContextEndpoints> contexts() {
        return contexts;
    }

    public EndpointSettings with(String context, ContextEndpoints endpoints) {
        Map<String, ContextEndpoints> m = new TreeMap<>(contexts);
        if (endpoints.isEmpty()) {
            m.remove(context);
        } else {
            m.put(context, endpoints);
        }
        return new EndpointSettings(m);
    }

    /** Reads {@code file}; a missing file is no endpoints. A broken one fails naming the file and the problem. */
    public static EndpointSettings read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return empty();
        }
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes {@code file} atomically; owner-only when it holds a saved secret value. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            if (holdsSecretValues()) {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: its own ACLs apply
                }
            }
            Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Whether any endpoint keeps a typed secret the user asked to save. */
    public boolean holdsSecretValues() {
        return contexts.values().stream().anyMatch(c -> {
            List<HttpSettings> all = new ArrayList<>();
            c.prometheus().forEach(e -> all.add(e.http()));
            c.alertmanager().ifPresent(a -> all.add(a.http()));
            c.loki().ifPresent(l -> all.add(l.http()));
            c.traces().ifPresent(t -> all.add(t.http()));
            return all.stream().anyMatch(h -> switch (h.auth()) {
                case HttpAuth.Basic b -> b.password() instanceof SecretRef.Value v && v.save();
                case HttpAuth.Bearer b -> b.token() instanceof SecretRef.Value v && v.save();
                case HttpAuth.None n -> false;
            });
        });
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode ctxs = root.putObject("contexts");
        new TreeMap<>(contexts).forEach((name, c) -> {
            ObjectNode n = ctxs.putObject(name);
            c.selected().ifPresent(s -> n.put("selected", s));
            var list = n.putArray("prometheus");
            for (PrometheusEndpoint e : c.prometheus()) {
                ObjectNode o = list.addObject();
                o.put("name", e.name());
                o.put("flavor", e.flavor().name().toLowerCase(java.util.Locale.ROOT));
                target(o, e.target());
                http(o, e.http());
                e.haPartner().ifPresent(p -> o.put("haPartner", p));
                e.scrapeInterval().ifPresent(d -> o.put("scrapeInterval", PromDurations.format(d)));
            }
            c.alertmanager().ifPresent(a -> {
                ObjectNode o = n.putObject("alertmanager");
                o.put("name", a.name());
                target(o, a.target());
                http(o, a.http());
            });
            c.loki().ifPresent(l -> {
                ObjectNode o = n.putObject("loki");
                o.put("name", l.name());
                target(o, l.target());
                http(o, l.http());
                l.tenant().ifPresent(t -> o.put("tenant", t));
            });
            c.traces().ifPresent(t -> {
                ObjectNode o = n.putObject("traces");
                o.put("name", t.name());
                o.put("protocol", t.protocol().id());
                target(o, t.target());
                http(o, t.http());
            });
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static EndpointSettings fromJson(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        int version = root.path("version").asInt(VERSION);
        if (version > VERSION) {
            throw new IOException("written by a newer Pitwall (settings version " + version + ")");
        }
        Map<String, ContextEndpoints> out = new LinkedHashMap<>();
        for (var ctx : root.path("contexts").properties()) {
            JsonNode c = ctx.getValue();
            List<PrometheusEndpoint> proms = new ArrayList<>();
            for (JsonNode e : c.path("prometheus")) {
                proms.add(new PrometheusEndpoint(required(e, "name"), flavor(e.path("flavor").asText("prometheus")),
                        target(e), http(e), optional(e, "haPartner"),
                        optional(e, "scrapeInterval").flatMap(PromDurations::parse)));
            }
            Optional<AlertmanagerEndpoint> am = Optional.empty();
            if (c.hasNonNull("alertmanager")) {
                JsonNode a = c.get("alertmanager");
                am = Optional.of(new AlertmanagerEndpoint(a.path("name").asText("alertmanager"), target(a), http(a)));
            }
            Optional<LokiEndpoint> loki = Optional.empty();
            if (c.hasNonNull("loki")) {
                JsonNode l = c.get("loki");
                loki = Optional.of(new LokiEndpoint(l.path("name").asText("loki"), target(l), http(l), optional(l, "tenant")));
            }
            Optional<TraceEndpoint> traces = Optional.empty();
            if (c.hasNonNull("traces")) {
                JsonNode t = c.get("traces");
                traces = Optional.of(new TraceEndpoint(t.path("name").asText("traces"), protocol(t), target(t), http(t)));
            }
            try {
                out.put(ctx.getKey(), new ContextEndpoints(proms, optional(c, "selected"), am, loki, traces));
            } catch (IllegalArgumentException e) {
                throw new IOException("context " + ctx.getKey() + ": " + e.getMessage(), e);
            }
        }
        return new EndpointSettings(out);
    }

    private static void target(ObjectNode o, EndpointTarget t) {
        switch (t) {
            case EndpointTarget.Url u -> o.put("url", u.url());
            case EndpointTarget.InCluster s -> {
                ObjectNode n = o.putObject("service");
                n.put("namespace", s.namespace());
                n.put("name", s.service());
                n.put("port", s.port());
                n.put("scheme", s.scheme());
                n.put("path", s.pathPrefix());
            }
        }
    }

    private static EndpointTarget target(JsonNode e) throws IOException {
        try {
            if (e.hasNonNull("url")) {
                return new EndpointTarget.Url(e.get("url").asText());
            }
            JsonNode s = e.path("service");
            if (s.isObject()) {
                return new EndpointTarget.InCluster(required(s, "namespace"), required(s, "name"), required(s, "port"),
                        s.path("scheme").asText("http"), s.path("path").asText(""));
            }
        } catch (IllegalArgumentException ex) {
            throw new IOException("endpoint " + e.path("name").asText("?") + ": " + ex.getMessage(), ex);
        }
        throw new IOException("endpoint " + e.path("name").asText("?") + " has neither a url nor a service");
    }

    private static void http(ObjectNode o, HttpSettings h) {
        switch (h.auth()) {
            case HttpAuth.None n -> {
            }
            case HttpAuth.Basic b -> {
                ObjectNode a = o.putObject("auth");
                a.put("type", "basic");
                a.put("username", b.username());
                secret(a.putObject("password"), b.password());
            }
            case HttpAuth.Bearer b -> {
                ObjectNode a = o.putObject("auth");
                a.put("type", "bearer");
                secret(a.putObject("token"), b.token());
            }
        }
        if (!h.tls().isDefault()) {
            ObjectNode t = o.putObject("tls");
            h.tls().caFile().ifPresent(p -> t.put("ca", p.toString()));
            h.tls().clientCertFile().ifPresent(p -> t.put("cert", p.toString()));
            h.tls().clientKeyFile().ifPresent(p -> t.put("key", p.toString()));
        }
        if (!h.headers().isEmpty()) {
            ObjectNode hs = o.putObject("headers");
            new TreeMap<>(h.headers()).forEach(hs::put);
        }
        if (!h.readTimeout().equals(HttpSettings.READ_TIMEOUT)) {
            o.put("timeout", PromDurations.format(h.readTimeout()));
        }
    }

    private static HttpSettings http(JsonNode e) throws IOException {
        JsonNode a = e.path("auth");
        HttpAuth auth = switch (a.path("type").asText("none")) {
            case "none" -> new HttpAuth.None();
            case "basic" -> new HttpAuth.Basic(required(a, "username"), secret(a.path("password")));
            case "bearer" -> new HttpAuth.Bearer(secret(a.path("token")));
            default -> throw new IOException("unknown authentication type " + a.path("type").asText());
        };
        JsonNode t = e.path("tls");
        TlsFiles tls = new TlsFiles(optional(t, "ca").map(Path::of), optional(t, "cert").map(Path::of),
                optional(t, "key").map(Path::of));
        Map<String, String> headers = new TreeMap<>();
        e.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        Duration timeout = optional(e, "timeout").flatMap(PromDurations::parse).orElse(HttpSettings.READ_TIMEOUT);
        return new HttpSettings(HttpSettings.CONNECT_TIMEOUT, timeout, auth, tls, headers);
    }

    private static void secret(ObjectNode o, SecretRef s) {
        switch (s) {
            case SecretRef.File f -> o.put("file", f.path().toString());
            case SecretRef.Env v -> o.put("env", v.variable());
            case SecretRef.Value v when v.save() -> o.put("value", v.value());
            case SecretRef.Value v -> o.put("ask", true);
            case SecretRef.Ask ask -> o.put("ask", true);
        }
    }

    private static SecretRef secret(JsonNode n) {
        if (n.hasNonNull("file")) {
            return new SecretRef.File(Path.of(n.get("file").asText()));
        }
        if (n.hasNonNull("env")) {
            return new SecretRef.Env(n.get("env").asText());
        }
        if (n.hasNonNull("value")) {
            return new SecretRef.Value(n.get("value").asText(), true);
        }
        return new SecretRef.Ask();
    }

    private static PrometheusEndpoint.Flavor flavor(String s) throws IOException {
        try {
            return PrometheusEndpoint.Flavor.valueOf(s.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown flavor " + s + " (prometheus, thanos, mimir, victoriametrics)");
        }
    }

    private static TraceEndpoint.Protocol protocol(JsonNode t) throws IOException {
        try {
            return TraceEndpoint.Protocol.of(required(t, "protocol"));
        } catch (IllegalArgumentException e) {
            throw new IOException("traces endpoint " + t.path("name").asText("?") + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode n, String field) throws IOException {
        if (!n.hasNonNull(field) || n.get(field).asText().isBlank()) {
            throw new IOException("missing \"" + field + "\"");
        }
        return n.get(field).asText();
    }

    private static Optional<String> optional(JsonNode n, String field) {
        return n.hasNonNull(field) && !n.get(field).asText().isBlank() ? Optional.of(n.get(field).asText()) : Optional.empty();
    }
}
