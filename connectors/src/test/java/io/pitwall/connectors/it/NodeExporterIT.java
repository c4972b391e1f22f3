package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.it.Backends.Server;
import java.net.URI;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** node exporter serves the node_* metrics that Pitwall's node graphs read. */
class NodeExporterIT {

    @Test
    void exposesNodeMetrics() throws Exception {
        URI ne = Backends.load().require(Server.NODE_EXPORTER);
        try (Response r = Http.CLIENT.newCall(new Request.Builder().url(ne.resolve("/metrics").toString()).build())
                .execute()) {
            assertThat(r.code()).as("node exporter /metrics").isEqualTo(200);
            String text = r.body().string();
            assertThat(text).contains("node_cpu_seconds_total", "node_memory_MemAvailable_bytes");
        }
    }
}
