package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pitwall.connectors.it.Backends.Server;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alertmanager holds the alert that the backends' rule fires at once. */
class AlertmanagerIT {

    @Test
    void alwaysFiringAlertArrivesFromPrometheus() throws Exception {
        URI am = Backends.load().require(Server.ALERTMANAGER);
        List<String> names = new ArrayList<>();
        for (int attempt = 0; attempt < 40 && !names.contains("PitwallAlwaysFiring"); attempt++) {
            names.clear();
            JsonNode alerts = Http.getJson("Alertmanager", am, "/api/v2/alerts");
            assertThat(alerts.isArray()).as("Alertmanager /api/v2/alerts is a JSON array").isTrue();
            alerts.forEach(a -> names.add(a.path("labels").path("alertname").asText()));
            if (!names.contains("PitwallAlwaysFiring")) {
                Thread.sleep(500);
            }
        }
        assertThat(names).as("alerts in Alertmanager: PitwallAlwaysFiring comes from Prometheus's rule, so both must run")
                .contains("PitwallAlwaysFiring");
    }

    @Test
    void statusNamesAVersion() {
        URI am = Backends.load().require(Server.ALERTMANAGER);
        JsonNode status = Http.getJson("Alertmanager", am, "/api/v2/status");
        assertThat(status.path("versionInfo").path("version").asText()).isNotBlank();
    }
}
