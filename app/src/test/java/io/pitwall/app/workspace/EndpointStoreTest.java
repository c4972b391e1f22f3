package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.http.HttpAuth;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.SecretRef;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.EndpointSettings;
import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** endpoints.json as the endpoints dialog saves it: what is kept in memory, what reaches the file. */
class EndpointStoreTest {

    @TempDir
    Path config;

    private static ContextEndpoints withToken(SecretRef token) {
        return new ContextEndpoints(List.of(new PrometheusEndpoint("thanos", PrometheusEndpoint.Flavor.THANOS,
                new EndpointTarget.Url("https://thanos.example.com"), HttpSettings.DEFAULT.withAuth(new HttpAuth.Bearer(token)),
                Optional.empty(), Optional.empty())), Optional.empty(), Optional.empty());
    }

    @Test
    void aTypedTokenIsKeptForThisRunButWrittenOnlyWhenTheUserAskedAndThenOwnerOnly() throws Exception {
        EndpointStore store = UserFiles.in(config, Runnable::run).endpoints();
        Path file = config.resolve(EndpointSettings.FILE_NAME);

        assertThat(store.save("prod-eu", withToken(new SecretRef.Value("tok-not-saved", false))).join()).isEqualTo(file);
        assertThat(Files.readString(file)).doesNotContain("tok-not-saved").contains("\"ask\" : true");
        assertThat(store.of("prod-eu")).isEqualTo(withToken(new SecretRef.Value("tok-not-saved", false)));
        EndpointStore next = UserFiles.in(config, Runnable::run).endpoints();
        next.load();
        assertThat(next.of("prod-eu")).isEqualTo(withToken(new SecretRef.Ask()));

        store.save("prod-eu", withToken(new SecretRef.Value("tok-saved", true))).join();
        assertThat(Files.readString(file)).contains("\"value\" : \"tok-saved\"");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // another context's save keeps this one's; no endpoints removes a context
        store.save("staging", withToken(new SecretRef.Env("STAGING_TOKEN"))).join();
        store.save("prod-eu", ContextEndpoints.NONE).join();
        EndpointSettings written = EndpointSettings.read(file);
        assertThat(written.contexts().keySet()).containsExactly("staging");
        assertThat(Files.readString(file)).doesNotContain("tok-saved");
    }

    @Test
    void aFileThatCouldNotBeReadIsKeptAsideBeforeItIsReplaced() throws Exception {
        Path file = config.resolve(EndpointSettings.FILE_NAME);
        Files.writeString(file, "{\"version\": 1, \"contexts\": {\"prod-eu\": {\"prometheus\": [{\"name\": \"p\"}]}}}");
        EndpointStore store = UserFiles.in(config, Runnable::run).endpoints();
        store.load();
        assertThat(store.of("prod-eu")).isEqualTo(ContextEndpoints.NONE);

        store.save("prod-eu", withToken(new SecretRef.Env("PROM_TOKEN"))).join();
        assertThat(config.resolve(EndpointSettings.FILE_NAME + ".broken")).content().contains("\"name\": \"p\"");
        assertThat(EndpointSettings.read(file).of("prod-eu")).isEqualTo(withToken(new SecretRef.Env("PROM_TOKEN")));
    }
}
