package io.pitwall.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Pitwall sends: its User-Agent, the endpoint's credentials and headers, and nothing of them in messages. */
class HttpAuthTest {

    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RecordedRequest send(HttpSettings settings) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        var t = new OkHttpTransport(server.url("/"), HttpClients.create(settings), Runnable::run);
        assertThat(t.get("api/v1/labels", Map.of(), HttpReply::code).join()).isEqualTo(200);
        return server.takeRequest();
    }

    @Test
    void noAuthSendsNoAuthorization() throws Exception {
        RecordedRequest r = send(HttpSettings.DEFAULT);
        assertThat(r.getHeaders().get("Authorization")).isNull();
        assertThat(r.getHeaders().get("User-Agent")).matches("pitwall/\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void basicAuthWithAPasswordFromAFile() throws Exception {
        Path pw = Files.writeString(dir.resolve("password"), "s3cr3t\n");
        RecordedRequest r = send(HttpSettings.DEFAULT.withAuth(new HttpAuth.Basic("oncall", new SecretRef.File(pw))));
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Basic b25jYWxsOnMzY3IzdA==");
    }

    @Test
    void bearerTokenFromAFileIsReadOnEachRequestSoARotatedOneIsUsed() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "first-token");
        HttpSettings s = HttpSettings.DEFAULT.withAuth(new HttpAuth.Bearer(new SecretRef.File(token)));
        assertThat(send(s).getHeaders().get("Authorization")).isEqualTo("Bearer first-token");
        Files.writeString(token, "second-token");
        assertThat(send(s).getHeaders().get("Authorization")).isEqualTo("Bearer second-token");
    }

    @Test
    void tenantHeaderForMimir() throws Exception {
        HttpSettings s = new HttpSettings(HttpSettings.CONNECT_TIMEOUT, HttpSettings.READ_TIMEOUT, new HttpAuth.None(),
                TlsFiles.SYSTEM, Map.of("X-Scope-OrgID", "team-a"));
        assertThat(send(s).getHeaders().get("X-Scope-OrgID")).isEqualTo("team-a");
    }

    @Test
    void authorizationIsNotAnExtraHeader() {
        assertThatThrownBy(() -> new HttpSettings(HttpSettings.CONNECT_TIMEOUT, HttpSettings.READ_TIMEOUT, null, null,
                Map.of("authorization", "Bearer x"))).hasMessageContaining("authentication settings");
    }

    @Test
    void environmentVariableToken() throws Exception {
        var ref = new SecretRef.Env("PITWALL_TEST_TOKEN");
        assertThat(ref.resolve(Map.of("PITWALL_TEST_TOKEN", " abc ")::get)).isEqualTo("abc");
        assertThatThrownBy(() -> ref.resolve(Map.<String, String>of()::get))
                .hasMessage("the environment variable PITWALL_TEST_TOKEN is not set");
    }

    @Test
    void aMissingTokenFileFailsTheRequestNamingTheFileNotTheServerSecret() throws Exception {
        Path missing = dir.resolve("no-such-token");
        var t = new OkHttpTransport(server.url("/"), HttpClients.create(
                HttpSettings.DEFAULT.withAuth(new HttpAuth.Bearer(new SecretRef.File(missing)))), Runnable::run);
        Throwable e = catchThrowable(() -> t.get("api/v1/labels", Map.of(), HttpReply::code).join());
        assertThat(e).isInstanceOf(CompletionException.class).cause().isInstanceOf(HttpFailure.class)
                .hasMessageContaining("cannot read the secret file " + missing);
        assertThat(((HttpFailure) e.getCause()).kind()).isEqualTo(HttpFailure.Kind.CREDENTIALS);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void typedSecretsNeverShowInToString() {
        var v = new SecretRef.Value("hunter2", false);
        assertThat(v.toString()).doesNotContain("hunter2");
        assertThat(new HttpAuth.Basic("me", v).toString()).doesNotContain("hunter2");
        assertThat(new HttpAuth.Basic("me", v).describe()).doesNotContain("hunter2");
    }

    @Test
    void userInfoIsNotPartOfTheEndpointName() {
        assertThat(OkHttpTransport.describe(okhttp3.HttpUrl.get("https://me:pw@prom.example:9090/prometheus/?x=1")))
                .isEqualTo("https://prom.example:9090/prometheus");
    }
}
