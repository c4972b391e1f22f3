package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.it.Backends;
import io.pitwall.connectors.it.Backends.Server;
import io.pitwall.connectors.it.Kube;
import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.EndpointSettings;
import io.pitwall.connectors.prometheus.LokiEndpoint;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.prometheus.TraceEndpoint;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.snapshot.CanaryScan;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary secrets planted everywhere a capture reads, then {@code pitwall capture} in its own JVM
 * (with a pattern in {@code redaction.json} and one given with {@code --redact}): the real
 * kube-apiserver (a Secret, a ConfigMap, a pod's annotations, literal and secretKeyRef env values
 * and args, a Warning event), Zipkin (span tags, an annotation and an operation name),
 * Alertmanager (an alert's annotations, a silence's comment), and Loki and Falco served by
 * MockWebServer (log lines with a key logged a line at a time, Authorization, Basic and Cookie
 * headers, a URL-encoded password, a label value; Falco's output fields). Not one canary is in any
 * byte of the bundle, raw or decompressed, planted, URL-encoded or base64; nor are the
 * kubeconfig's tokens and CA; the manifest counts what was hidden by kind; the text around each
 * secret is there.
 */
class CaptureCanaryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Backends backends = Backends.load();
    private final String id = HexFormat.of().formatHex(random(4));
    private final Map<String, String> canaries = new LinkedHashMap<>();
    private KubernetesClient admin;
    private String ns;
    private CanaryServers.Loki loki;
    private URI alertmanager;
    private String silence;
    private String alertname;

    @TempDir
    Path tmp;

    @AfterEach
    void cleanUp() throws Exception {
        if (loki != null) {
            loki.close();
        }
        if (silence != null) {
            CanaryServers.expireSilence(alertmanager, silence);
        }
        if (alertname != null) {
            CanaryServers.resolveAlert(alertmanager, alertname, ns);
        }
        if (admin != null) {
            if (ns != null) {
                admin.namespaces().withName(ns).delete();
            }
            admin.close();
        }
    }

    /** A canary: a value found nowhere else, named for the messages. */
    private String plant(String name, String value) {
        canaries.put(name, value);
        return value;
    }

    private String plant(String name) {
        return plant(name, "cnry" + name.replaceAll("[^A-Za-z]", "") + id);
    }

    @Test
    void noCanaryIsInAnyByteOfTheBundle() throws Exception {
        URI prometheus = backends.require(Server.PROMETHEUS);
        alertmanager = backends.require(Server.ALERTMANAGER);
        URI zipkin = backends.require(Server.ZIPKIN);
        Path kubeconfig = backends.kubeconfig();
        String context = backends.adminContext();
        kubeconfigCredentials(kubeconfig);
        String acme = plant("custom acme", "ACME-" + id);

        // the cluster: a Secret, a ConfigMap, a pod that uses them, a Warning event about it
        admin = Kube.client(backends, context);
        ns = "pitwall-canary-" + id;
        Kube.createNamespace(admin, ns);
        admin.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("db-creds").endMetadata()
                .addToStringData("password", plant("secret data")).addToStringData("stripe", plant("secret stripe")).build())
                .create();
        admin.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("app-config").endMetadata()
                .addToData("LOG_LEVEL", "debug").addToData("db_password", plant("configmap keyed"))
                .addToData("application.properties", "spring.datasource.password=" + plant("configmap text") + "\nserver.port=8080\n")
                .build()).create();
        admin.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("web-1").addToLabels("app", "web")
                .addToAnnotations("example.com/deploy-token", plant("annotation keyed"))
                .addToAnnotations("example.com/notes", "rotated, see https://ops:" + plant("annotation url")
                        + "@vault.example/v1 for " + acme)
                .addToAnnotations("example.com/owner", "team-carts").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("registry.invalid/web:1")
                .withArgs("--db-password", plant("arg flag"), "--api-token=" + plant("arg eq"), "--port", "8080")
                .addNewEnv().withName("DB_PASSWORD").withValue(plant("env literal")).endEnv()
                .addNewEnv().withName("JAVA_OPTS").withValue("-Dspring.datasource.password=" + plant("env opts") + " -Xmx1g").endEnv()
                .addNewEnv().withName("STRIPE_ACCOUNT").withNewValueFrom().withNewSecretKeyRef("stripe", "db-creds", false)
                .endValueFrom().endEnv()
                .addNewEnv().withName("LOG_LEVEL").withValue("info").endEnv()
                .endContainer().endSpec().build()).create();
        String now = Instant.now().toString();
        admin.v1().events().inNamespace(ns).resource(new EventBuilder().withNewMetadata().withName("web-1.canary" + id)
                .endMetadata().withNewInvolvedObject().withApiVersion("v1").withKind("Pod").withName("web-1").withNamespace(ns)
                .endInvolvedObject().withType("Warning").withReason("Failed").withCount(1)
                .withMessage("Error: secret \"db-creds\" not found; pulled https://bot:" + plant("event")
                        + "@registry.invalid/web:1 with Authorization: Bearer " + plant("event bearer") + "xyz")
                .withFirstTimestamp(now).withLastTimestamp(now).withNewSource().withComponent("kubelet").endSource().build())
                .create();

        // Zipkin: a failed, slow trace (first among the window's) with secrets in its tags, annotation and name
        String service = "pitwall-canary-" + id;
        CanaryServers.postTrace(zipkin, service, plant("operation", "cnryop" + id), Map.of(
                "db.statement", "connect mysql://orders:" + plant("span conn") + "@db:3306/orders",
                "http.request.header.authorization", "Bearer " + plant("span auth"),
                "http.request.header.cookie", "sid=" + plant("span cookie"),
                "http.status_code", "500", "error", "upstream reset", "ticket", acme),
                "retry with password=" + plant("span event"));

        // Alertmanager: an alert whose annotations hold secrets, silenced by a comment that holds one
        alertname = "PitwallCanary" + id;
        CanaryServers.postAlert(alertmanager, alertname, ns, Map.of("summary", "carts is down",
                "description", "check postgres://carts:" + plant("alert desc") + "@db/carts",
                "runbook_token", plant("alert token")));
        silence = CanaryServers.silence(alertmanager, alertname, "db password=" + plant("silence") + " rotated");

        // Loki and Falco through it: log lines, a label value, Falco's output fields
        String basic = Base64.getEncoder().encodeToString(("ops:" + plant("log basic", "cnryBasic!" + id))
                .getBytes(StandardCharsets.UTF_8));
        String jwt = plant("log jwt", "eyJhbGciOiJIUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"canary\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl" + id);
        String pem = plant("log pem", "MIIEowIBAAKCAQEAcnryPem" + id + "x4UbaDzY9bVnG2sLqN0aJq6vYb2kQ6yW3p7k0n");
        List<String> web = List.of("GET /health 200",
                "uploading with key " + plant("log cloud key", "AKIACNRY" + id.toUpperCase(Locale.ROOT) + "LOG1"),
                "calling the API with Authorization: Bearer " + jwt,
                "request headers: Cookie: session=" + plant("log cookie") + "; theme=dark",
                "proxying with Authorization: Basic " + basic,
                "POST /login?user=bob&password=" + java.net.URLEncoder.encode(plant("log url", "cnryUrl!" + id),
                        StandardCharsets.UTF_8) + " 302",
                "billing with STRIPE_ACCOUNT=" + plant("log env"),
                "ticket " + acme + " opened by employee=" + plant("log employee", "EMPZ" + (100000 + Math.abs(id.hashCode()) % 900000)),
                "loaded the signing key:", "-----BEGIN RSA PRIVATE KEY-----", pem,
                "q6vYb2kQ6yW3p7k0n3hXn9sQm5gMIIEowIBAAKCAQEAx4UbaDzY9bVnG2sLqN0a==", "-----END RSA PRIVATE KEY-----",
                "GET /carts 200");
        loki = CanaryServers.loki(ns, web, "postgres://app:" + plant("loki label") + "@db:5432/shop", falco(acme));

        // the user's files: endpoints, and a pattern of their own
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path config = Files.createDirectories(tmp.resolve("config").resolve("pitwall"));
        new EndpointSettings(Map.of(context, new ContextEndpoints(List.of(PrometheusEndpoint.url("prometheus",
                prometheus.toString())), Optional.empty(), Optional.of(AlertmanagerEndpoint.url("alertmanager",
                alertmanager.toString()))).withTraces(Optional.of(TraceEndpoint.url("zipkin", TraceEndpoint.Protocol.ZIPKIN,
                zipkin.toString()))).withLoki(Optional.of(LokiEndpoint.url("loki", loki.url())))))
                .write(config.resolve(EndpointSettings.FILE_NAME));
        Files.writeString(config.resolve("redaction.json"), "{\"patterns\": [{\"name\": \"acme\", \"regex\": \"ACME-[0-9a-f]{8}\"}]}");

        Path bundle = tmp.resolve("canary.pitwall");
        PitwallProcess.Cli cli = PitwallProcess.run(tmp, home, tmp.resolve("config"), kubeconfig, "capture",
                "--context", context, "-n", ns, "--since", "15m", "--note", "rotated token=" + plant("note"),
                "--redact", "employee=employee=(?<secret>EMPZ[0-9]{6})", "--out", bundle.toString());
        assertThat(cli.code()).as(cli.said()).isIn(0, 3);
        assertThat(loki.queries()).as("Pitwall asked Loki for the namespace's logs and Falco's events").hasSizeGreaterThanOrEqualTo(2);

        assertThat(CanaryScan.hits(bundle, canaries)).as("canaries in " + bundle).isEmpty();

        // what is around each secret is there: the places were captured, not skipped
        String text = CanaryScan.text(bundle);
        assertThat(text).contains("team-carts", "-Xmx1g", "\"--port\",\"8080\"", "\"LOG_LEVEL\"", "\"value\":\"info\"",
                "\"name\":\"db-creds\"", "secret \\\"db-creds\\\" not found", "registry.invalid/web:1",
                "GET /health 200", "GET /carts 200", "loaded the signing key:", "Cookie: <redacted>",
                "Authorization: Basic <redacted>", "password=<redacted> 302", "STRIPE_ACCOUNT=<redacted>",
                "ticket <redacted> opened by employee=<redacted>", "postgres://app:<redacted>@db:5432/shop",
                "ready to accept connections", service, "get /reset?token=<redacted>", "http.status_code", "upstream reset",
                alertname, "carts is down", "Terminal shell in container", "HOME=/root", "user.name",
                "rotated token=<redacted>");

        try (OfflineSession offline = OfflineSession.open(bundle)) {
            Map<String, Long> counted = offline.bundle().manifest().redactions();
            // only this test's canaries match these: exact counts
            assertThat(counted).as("manifest redactions").containsEntry("custom:employee", 1L).containsEntry("falco-env", 2L);
            // the rest at least what was planted here (the cluster's other namespaces may add theirs)
            Map<String, Long> atLeast = Map.ofEntries(Map.entry("custom:acme", 4L), Map.entry("private-key", 1L),
                    Map.entry("cookie", 2L), Map.entry("authorization", 2L), Map.entry("jwt", 1L), Map.entry("cloud-key", 1L),
                    Map.entry("env", 2L), Map.entry("connection-password", 5L), Map.entry("token", 3L),
                    Map.entry("password", 8L));
            atLeast.forEach((kind, n) -> assertThat(counted.getOrDefault(kind, 0L)).as("redactions of kind " + kind + " in "
                    + counted).isGreaterThanOrEqualTo(n));
            assertThat(offline.logs()).isPresent();
            assertThat(offline.traces()).isPresent();
            assertThat(offline.security().orElseThrow().findings(offline.info().captured().orElseThrow()).get(30, TimeUnit.SECONDS)
                    .findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("Terminal shell in container"));
        }
    }

    /** Two of Falco's events as falcosidekick writes them to Loki (format json): secrets in output fields and a rule's name. */
    private List<String> falco(String acme) throws Exception {
        String pw = plant("falco pw");
        String env = plant("falco env");
        ObjectNode shell = JSON.createObjectNode();
        shell.put("output", "Notice A shell was spawned (user=root cmdline=mysql -u root --password=" + pw
                + " env=STRIPE_ACCOUNT=" + env + " file=/tmp/" + acme + ")");
        shell.put("priority", "Notice");
        shell.put("rule", "Terminal shell in container");
        shell.put("time", Instant.now().minusSeconds(90).toString());
        ObjectNode fields = shell.putObject("output_fields");
        fields.put("proc.cmdline", "mysql -u root --password=" + pw);
        fields.put("proc.env", "HOME=/root STRIPE_ACCOUNT=" + env + " LANG=C");
        fields.put("proc.env[DB_PASSWORD]", plant("falco env key"));
        fields.put("fd.name", "/tmp/" + acme);
        fields.put("user.name", "root");
        fields.put("k8s.ns.name", ns);
        fields.put("k8s.pod.name", "web-1");
        ObjectNode custom = shell.deepCopy();
        custom.put("rule", "Read " + acme + " file");
        custom.put("output", "Warning read of a ticket file (file=/tmp/tickets)");
        ((ObjectNode) custom.get("output_fields")).removeAll().put("fd.name", "/tmp/tickets").put("k8s.ns.name", ns);
        return List.of(JSON.writeValueAsString(shell), JSON.writeValueAsString(custom));
    }

    /** The kubeconfig's tokens and its CA's certificate: nothing of them may reach a bundle. */
    private void kubeconfigCredentials(Path kubeconfig) throws Exception {
        String text = Files.readString(kubeconfig);
        Matcher token = Pattern.compile("(?m)^\\s*token:\\s*(\\S+)").matcher(text);
        int n = 0;
        while (token.find()) {
            plant("kubeconfig token " + ++n, token.group(1));
        }
        Matcher ca = Pattern.compile("certificate-authority-data:\\s*(\\S+)").matcher(text);
        if (ca.find()) {
            String pem = new String(Base64.getDecoder().decode(ca.group(1)), StandardCharsets.UTF_8);
            pem.lines().filter(l -> !l.startsWith("-----") && l.length() >= 40).findFirst()
                    .ifPresent(l -> plant("kubeconfig CA", l));
        }
        assertThat(canaries).as("the kubeconfig's credentials").containsKeys("kubeconfig token 1", "kubeconfig CA");
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
