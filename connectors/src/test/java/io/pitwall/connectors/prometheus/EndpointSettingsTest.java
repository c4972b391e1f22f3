package io.pitwall.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.connectors.http.HttpAuth;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.SecretRef;
import io.pitwall.connectors.http.TlsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointSettingsTest {

    @TempDir
    Path dir;

    private static ContextEndpoints prod(SecretRef password) {
        PrometheusEndpoint k8s0 = new PrometheusEndpoint("prometheus-k8s-0", PrometheusEndpoint.Flavor.PROMETHEUS,
                new EndpointTarget.InCluster("monitoring", "prometheus-k8s", "web", "http", ""), HttpSettings.DEFAULT,
                Optional.of("prometheus-k8s-1"), Optional.empty());
        PrometheusEndpoint k8s1 = PrometheusEndpoint.url("prometheus-k8s-1", "https://prometheus-1.example.com");
        PrometheusEndpoint mimir = new PrometheusEndpoint("mimir", PrometheusEndpoint.Flavor.MIMIR,
                new EndpointTarget.Url("https://mimir.example.com/prometheus"),
                new HttpSettings(HttpSettings.CONNECT_TIMEOUT, Duration.ofMinutes(1), new HttpAuth.Basic("oncall", password),
                        new TlsFiles(Optional.of(Path.of("/etc/ssl/corp-ca.pem")), Optional.of(Path.of("/home/me/me.crt")),
                                Optional.of(Path.of("/home/me/me.key"))), Map.of("X-Scope-OrgID", "team-a")),
                Optional.empty(), Optional.of(Duration.ofSeconds(15)));
        AlertmanagerEndpoint am = new AlertmanagerEndpoint("alertmanager-main",
                new EndpointTarget.Url("https://alertmanager.example.com"),
                HttpSettings.DEFAULT.withAuth(new HttpAuth.Bearer(new SecretRef.Env("AM_TOKEN"))));
        return new ContextEndpoints(List.of(k8s0, k8s1, mimir), Optional.of("prometheus-k8s-0"), Optional.of(am));
    }

    @Test
    void roundTripKeepsEveryFieldAndTheSecretsReferences() throws Exception {
        EndpointSettings s = EndpointSettings.empty().with("prod-eu", prod(new SecretRef.File(Path.of("/home/me/pw"))));
        Path file = dir.resolve(EndpointSettings.FILE_NAME);
        s.write(file);
        EndpointSettings back = EndpointSettings.read(file);
        assertThat(back.contexts()).isEqualTo(s.contexts());
        assertThat(back.of("prod-eu").partner()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("prometheus-k8s-1"));
        assertThat(back.of("elsewhere")).isEqualTo(ContextEndpoints.NONE);
        String json = Files.readString(file);
        assertThat(json).contains("\"file\" : \"/home/me/pw\"").contains("\"env\" : \"AM_TOKEN\"");
    }

    @Test
    void aTypedPasswordIsNotWrittenUnlessTheUserAsked() throws Exception {
        Path file = dir.resolve(EndpointSettings.FILE_NAME);
        EndpointSettings.empty().with("prod-eu", prod(new SecretRef.Value("hunter2", false))).write(file);
        assertThat(Files.readString(file)).doesNotContain("hunter2").contains("\"ask\" : true");
        var mimir = EndpointSettings.read(file).of("prod-eu").prometheus().get(2);
        assertThat(((HttpAuth.Basic) mimir.http().auth()).password()).isEqualTo(new SecretRef.Ask());

        EndpointSettings.empty().with("prod-eu", prod(new SecretRef.Value("hunter2", true))).write(file);
        assertThat(Files.readString(file)).contains("hunter2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void brokenFilesSayWhatIsWrong() throws Exception {
        Path file = Files.writeString(dir.resolve("endpoints.json"),
                "{\"version\":1,\"contexts\":{\"a\":{\"prometheus\":[{\"name\":\"x\"}]}}}");
        assertThatThrownBy(() -> EndpointSettings.read(file)).hasMessageContaining("endpoint x has neither a url nor a service");
        Files.writeString(file, "{\"contexts\":{\"a\":{\"prometheus\":[{\"name\":\"x\",\"url\":\"http://p\",\"haPartner\":\"y\"}]}}}");
        assertThatThrownBy(() -> EndpointSettings.read(file)).hasMessageContaining("HA partner that is not configured: y");
        Files.writeString(file, "{\"contexts\":{\"a\":{\"prometheus\":[{\"name\":\"x\",\"url\":\"http://me:pw@p\"}]}}}");
        assertThatThrownBy(() -> EndpointSettings.read(file)).hasMessageContaining("not in its URL");
        assertThat(EndpointSettings.read(dir.resolve("missing.json")).contexts()).isEmpty();
    }

    @Test
    void serviceProxyPath() {
        assertThat(new EndpointTarget.InCluster("monitoring", "prometheus-k8s", "9090", "http", "").proxyPath())
                .isEqualTo("api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy");
        assertThat(new EndpointTarget.InCluster("openshift-monitoring", "thanos-querier", "web", "https", "prometheus/").proxyPath())
                .isEqualTo("api/v1/namespaces/openshift-monitoring/services/https:thanos-querier:web/proxy");
    }
}
