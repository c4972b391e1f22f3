package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pitwall.connectors.it.Backends.Server;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prometheus answers `up` through OkHttp and Jackson, and scrapes the other servers. */
class PrometheusIT {

    @Test
    void upIsOneForPrometheusNodeExporterAndAlertmanager() throws Exception {
        URI prom = Backends.load().require(Server.PROMETHEUS);
        Map<String, String> upByJob = new HashMap<>();
        // the first scrapes land within a second or two of start-up
        for (int attempt = 0; attempt < 20 && upByJob.size() < 3; attempt++) {
            JsonNode body = Http.getJson("Prometheus", prom, "/api/v1/query?query=up");
            assertThat(body.path("status").asText()).isEqualTo("success");
            upByJob.clear();
            for (JsonNode sample : body.path("data").path("result")) {
                upByJob.put(sample.path("metric").path("job").asText(), sample.path("value").path(1).asText());
            }
            if (upByJob.size() < 3) {
                Thread.sleep(500);
            }
        }
        assertThat(upByJob).as("up{} by job").containsEntry("prometheus", "1");
        assertThat(upByJob.get("node")).as("node exporter as scraped by Prometheus").isEqualTo("1");
        assertThat(upByJob.get("alertmanager")).as("Alertmanager as scraped by Prometheus").isEqualTo("1");
    }

    @Test
    void buildInfoNamesAVersion() {
        URI prom = Backends.load().require(Server.PROMETHEUS);
        JsonNode body = Http.getJson("Prometheus", prom, "/api/v1/status/buildinfo");
        assertThat(body.path("data").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
