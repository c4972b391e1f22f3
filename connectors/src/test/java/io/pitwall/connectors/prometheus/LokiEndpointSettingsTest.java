package io.pitwall.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.connectors.http.HttpAuth;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.SecretRef;
import io.pitwall.connectors.http.TlsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A context's Loki in endpoints.json: the same shape as the other endpoints, and files without it read as before. */
class LokiEndpointSettingsTest {

    @TempDir
    Path dir;

    /** endpoints.json as Pitwall wrote it before Loki was there. */
    private static final String BEFORE_LOKI = """
            {
              "version" : 1,
              "contexts" : {
                "prod-eu" : {
                  "selected" : "prometheus-k8s",
                  "prometheus" : [ {
                    "name" : "prometheus-k8s",
                    "flavor" : "prometheus",
                    "service" : { "namespace" : "monitoring", "name" : "prometheus-k8s", "port" : "web", "scheme" : "http", "path" : "" }
                  } ],
                  "alertmanager" : { "name" : "alertmanager-main", "url" : "https://alertmanager.example.com" }
                }
              }
            }
            """;

    @Test
    void aFileWrittenBeforeLokiReadsAsBeforeWithNoLoki() throws Exception {
        EndpointSettings s = EndpointSettings.fromJson(BEFORE_LOKI);
        ContextEndpoints prod = s.of("prod-eu");
        assertThat(prod.loki()).isEmpty();
        assertThat(prod.prometheus()).extracting(PrometheusEndpoint::name).containsExactly("prometheus-k8s");
        assertThat(prod.alertmanager()).isPresent();
        assertThat(prod).isEqualTo(new ContextEndpoints(prod.prometheus(), prod.selected(), prod.alertmanager()));
        assertThat(s.toJson()).doesNotContain("loki");
    }

    @Test
    void lokiRoundTripsWithServiceAuthTlsAndTenant() throws Exception {
        LokiEndpoint loki = new LokiEndpoint("loki-gateway", new EndpointTarget.InCluster("loki", "loki-gateway", "http", "http", ""),
                new HttpSettings(HttpSettings.CONNECT_TIMEOUT, Duration.ofMinutes(2),
                        new HttpAuth.Basic("oncall", new SecretRef.File(Path.of("/home/me/loki-pw"))),
                        new TlsFiles(Optional.of(Path.of("/etc/ssl/corp-ca.pem")), Optional.of(Path.of("/home/me/me.crt")),
                                Optional.of(Path.of("/home/me/me.key"))), Map.of()), Optional.of("team-a"));
        ContextEndpoints only = ContextEndpoints.NONE.withLoki(Optional.of(loki));
        assertThat(only.isEmpty()).isFalse();
        assertThat(only.hasMetricsOrAlerts()).isFalse();
        Path file = dir.resolve(EndpointSettings.FILE_NAME);
        EndpointSettings.empty().with("prod-eu", only).with("dev", ContextEndpoints.NONE.withLoki(
                Optional.of(LokiEndpoint.url("loki", "https://loki.example.com")))).write(file);
        EndpointSettings back = EndpointSettings.read(file);
        assertThat(back.of("prod-eu").loki()).hasValue(loki);
        assertThat(back.of("dev").loki()).hasValue(LokiEndpoint.url("loki", "https://loki.example.com"));
        String json = Files.readString(file);
        assertThat(json).contains("\"loki\" : {").contains("\"tenant\" : \"team-a\"").contains("\"file\" : \"/home/me/loki-pw\"")
                .doesNotContain("X-Scope-OrgID");
    }

    @Test
    void theTenantIsSentAsXScopeOrgIdBesideTheOtherHeaders() {
        LokiEndpoint loki = new LokiEndpoint("loki", new EndpointTarget.Url("https://loki.example.com"),
                HttpSettings.DEFAULT.withAuth(new HttpAuth.Bearer(new SecretRef.Env("LOKI_TOKEN"))), Optional.of(" team-a "));
        assertThat(loki.effectiveHttp().headers()).containsExactly(Map.entry("X-Scope-OrgID", "team-a"));
        assertThat(loki.effectiveHttp().auth()).isEqualTo(loki.http().auth());
        assertThat(loki.withTenant("").effectiveHttp()).isEqualTo(loki.http());
    }

    @Test
    void aTypedLokiPasswordIsKeptOutOfTheFileUnlessAsked() throws Exception {
        LokiEndpoint loki = new LokiEndpoint("loki", new EndpointTarget.Url("https://loki.example.com"),
                HttpSettings.DEFAULT.withAuth(new HttpAuth.Basic("me", new SecretRef.Value("hunter2", false))), Optional.empty());
        EndpointSettings s = EndpointSettings.empty().with("prod", ContextEndpoints.NONE.withLoki(Optional.of(loki)));
        assertThat(s.holdsSecretValues()).isFalse();
        assertThat(s.toJson()).doesNotContain("hunter2").contains("\"ask\" : true");
        LokiEndpoint saved = new LokiEndpoint("loki", loki.target(),
                HttpSettings.DEFAULT.withAuth(new HttpAuth.Basic("me", new SecretRef.Value("hunter2", true))), Optional.empty());
        assertThat(EndpointSettings.empty().with("prod", ContextEndpoints.NONE.withLoki(Optional.of(saved))).holdsSecretValues())
                .isTrue();
    }

    @Test
    void aLokiWithoutUrlOrServiceIsABrokenFile() {
        assertThatThrownBy(() -> EndpointSettings.fromJson("{\"contexts\":{\"x\":{\"loki\":{\"name\":\"l\"}}}}"))
                .hasMessageContaining("endpoint l has neither a url nor a service");
    }
}
