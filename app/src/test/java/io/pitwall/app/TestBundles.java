package io.pitwall.app;

import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Small incident bundles written with the real writer, for the app's tests. */
public final class TestBundles {

    public static final TimeRange RANGE = new TimeRange(Instant.parse("2026-11-24T22:00:00Z"),
            Instant.parse("2026-11-24T23:00:00Z"));

    private TestBundles() {
    }

    /** A bundle with cluster objects and alerts, and no other signal. */
    public static Path clusterAndAlerts(Path dir) throws IOException {
        Path file = dir.resolve("incident.pitwall");
        try (BundleWriter w = BundleWriter.create(file, BundleManifest.header("0.1.0",
                Instant.parse("2026-11-24T23:05:00Z"), "gke-prod", "gke_prod_europe-west1", RANGE, List.of("sock-shop")))) {
            w.add("cluster/objects.json", "application/json",
                    "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":[]}".getBytes(StandardCharsets.UTF_8));
            w.add("alerts/alerts.json", "application/json", "[]".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
