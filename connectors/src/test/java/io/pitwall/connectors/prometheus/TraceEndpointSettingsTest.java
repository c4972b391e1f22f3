package io.pitwall.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.connectors.http.HttpAuth;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.SecretRef;
import io.pitwall.connectors.http.TlsFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A context's trace backend in endpoints.json: the same shape as the others plus its protocol; older files read as before. */
class TraceEndpointSettingsTest {

    private static final String WITH_LOKI_ONLY = """
            {"version": 1, "contexts": {"prod-eu": {"prometheus": [],
              "loki": {"name": "loki", "url": "http://loki:3100"}}}}
            """;

    @Test
    void aFileWrittenBeforeTracesReadsWithNone() throws Exception {
        EndpointSettings s = EndpointSettings.fromJson(WITH_LOKI_ONLY);
        assertThat(s.of("prod-eu").traces()).isEmpty();
        assertThat(s.of("prod-eu").loki()).isPresent();
        assertThat(s.toJson()).doesNotContain("traces");
    }

    @Test
    void eachProtocolRoundTripsWithServiceOrUrlAuthTlsAndTimeout() throws Exception {
        TraceEndpoint jaeger = new TraceEndpoint("jaeger-query", TraceEndpoint.Protocol.JAEGER_V1,
                new EndpointTarget.InCluster("observability", "jaeger-query", "http-query", "http", ""), HttpSettings.DEFAULT);
        TraceEndpoint v3 = new TraceEndpoint("jaeger", TraceEndpoint.Protocol.JAEGER_V3,
                new EndpointTarget.Url("https://jaeger.example.com/jaeger"),
                new HttpSettings(HttpSettings.CONNECT_TIMEOUT, Duration.ofMinutes(1),
                        new HttpAuth.Bearer(new SecretRef.Env("JAEGER_TOKEN")),
                        new TlsFiles(Optional.of(Path.of("/etc/ssl/corp-ca.pem")), Optional.of(Path.of("/home/me/me.crt")),
                                Optional.of(Path.of("/home/me/me.key"))), Map.of("X-Scope-OrgID", "team-a")));
        TraceEndpoint zipkin = TraceEndpoint.url("zipkin", TraceEndpoint.Protocol.ZIPKIN, "http://127.0.0.1:9411");
        EndpointSettings s = EndpointSettings.empty()
                .with("a", ContextEndpoints.NONE.withTraces(Optional.of(jaeger)))
                .with("b", ContextEndpoints.NONE.withTraces(Optional.of(v3)))
                .with("c", ContextEndpoints.NONE.withTraces(Optional.of(zipkin)));
        String json = s.toJson();
        assertThat(json).contains("\"protocol\" : \"jaeger_v1\"").contains("\"protocol\" : \"jaeger_v3\"")
                .contains("\"protocol\" : \"zipkin\"").doesNotContain("JAEGER_TOKEN\" :");
        EndpointSettings back = EndpointSettings.fromJson(json);
        assertThat(back.of("a").traces()).contains(jaeger);
        assertThat(back.of("b").traces()).contains(v3);
        assertThat(back.of("c").traces()).contains(zipkin);
        assertThat(back.of("c").isEmpty()).isFalse();
        assertThat(back.of("c").hasMetricsOrAlerts()).isFalse();
    }

    @Test
    void aBearerTokenTypedAndSavedMakesTheFileHoldASecret() {
        TraceEndpoint t = new TraceEndpoint("z", TraceEndpoint.Protocol.ZIPKIN, new EndpointTarget.Url("https://z"),
                HttpSettings.DEFAULT.withAuth(new HttpAuth.Bearer(new SecretRef.Value("s3cret", true))));
        assertThat(EndpointSettings.empty().with("x", ContextEndpoints.NONE.withTraces(Optional.of(t))).holdsSecretValues())
                .isTrue();
    }

    @Test
    void anUnknownOrMissingProtocolIsNamed() {
        assertThatThrownBy(() -> EndpointSettings.fromJson("""
                {"contexts": {"x": {"traces": {"name": "t", "protocol": "tempo", "url": "http://t"}}}}"""))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown trace protocol tempo");
        assertThatThrownBy(() -> EndpointSettings.fromJson("""
                {"contexts": {"x": {"traces": {"name": "t", "url": "http://t"}}}}"""))
                .isInstanceOf(IOException.class).hasMessageContaining("missing \"protocol\"");
    }
}
