package io.pitwall.connectors.snapshot;

import static io.pitwall.connectors.snapshot.Zips.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.connectors.snapshot.BundleException.Reason;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleRoundTripTest {

    private static final byte[] OBJECTS = utf8("{\"kind\":\"List\",\"items\":[{\"kind\":\"Pod\",\"name\":\"checkout-7d9f\"}]}");
    private static final byte[] SERIES = utf8("[{\"metric\":{\"__name__\":\"up\"},\"values\":[[1,\"1\"]]}]");
    private static final byte[] NOTES = utf8("# Checkout down\n\nPayments returned 502 from 03:04.\n");

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBack() throws Exception {
        Path file = dir.resolve("incident.pitwall");
        List<BundleEntry> written = new ArrayList<>();
        try (BundleWriter w = BundleWriter.create(file, Zips.header())) {
            written.add(w.add("cluster/objects.json", "application/json", OBJECTS));
            written.add(w.add("metrics/series.json", "application/json", SERIES));
            written.add(w.add("logs/entries.ndjson", "application/x-ndjson", BundleRoundTripTest::logLines));
            written.add(w.add("notes.md", "text/markdown", NOTES));
            w.addProblem(new BundleProblem("traces", "Jaeger answered 503"));
            w.countRedactions("secret", 3);
            w.countRedactions("secret", 2);
            w.countRedactions("token", 1);
        }

        byte[] logs = logBytes();
        assertThat(logs.length).isGreaterThan(2_000_000);
        try (Bundle b = BundleReader.open(file)) {
            BundleManifest m = b.manifest();
            assertThat(m.formatVersion()).isEqualTo("1.0");
            assertThat(m.formatMajor()).isEqualTo(1);
            assertThat(m.appVersion()).isEqualTo("0.1.0");
            assertThat(m.createdAt()).isEqualTo(Zips.CREATED);
            assertThat(m.cluster()).isEqualTo("prod-eu");
            assertThat(m.context()).isEqualTo("prod-eu-admin");
            assertThat(m.timeRange()).isEqualTo(Zips.RANGE);
            assertThat(m.namespaces()).containsExactly("shop", "payments");
            assertThat(m.entries()).isEqualTo(written);
            assertThat(m.redactions()).containsExactly(Map.entry("secret", 5L), Map.entry("token", 1L));
            assertThat(m.problems()).containsExactly(new BundleProblem("traces", "Jaeger answered 503"));

            assertThat(b.read("cluster/objects.json")).isEqualTo(OBJECTS);
            assertThat(b.read("metrics/series.json")).isEqualTo(SERIES);
            assertThat(b.read("notes.md")).isEqualTo(NOTES);
            try (InputStream in = b.open("logs/entries.ndjson")) {
                assertThat(in.readAllBytes()).isEqualTo(logs);
            }
            BundleEntry logEntry = b.entry("logs/entries.ndjson").orElseThrow();
            assertThat(logEntry.size()).isEqualTo(logs.length);
            assertThat(logEntry.sha256()).isEqualTo(Zips.sha256(logs));
            assertThat(logEntry.mediaType()).isEqualTo("application/x-ndjson");
            assertThat(b.has("notes.md")).isTrue();
            assertThat(b.has("NOTES.md")).isFalse();
            assertThat(b.has("manifest.json")).isFalse();
            assertThatThrownBy(() -> b.read("alerts/alerts.json"))
                    .isInstanceOfSatisfying(BundleException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.MISSING_ENTRY);
                        assertThat(e).hasMessage("incident.pitwall holds no entry \"alerts/alerts.json\"");
                    });
        }
    }

    @Test
    void aBundleWithNothingKnownAndNoEntriesRoundTrips() throws Exception {
        Path file = dir.resolve("empty.pitwall");
        BundleManifest header = BundleManifest.header("0.1.0", Zips.CREATED, null, null, Zips.RANGE, List.of());
        try (BundleWriter w = BundleWriter.create(file, header)) {
            assertThat(w).isNotNull();
        }
        try (Bundle b = BundleReader.open(file)) {
            assertThat(b.manifest()).isEqualTo(header);
            assertThat(b.entries()).isEmpty();
        }
    }

    @Test
    void manifestJsonHasTheDocumentedShape() throws Exception {
        Path file = dir.resolve("shape.pitwall");
        try (BundleWriter w = BundleWriter.create(file, Zips.header())) {
            w.add("notes.md", "text/markdown", NOTES);
        }
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            var json = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            assertThat(json.get("formatVersion").asText()).isEqualTo("1.0");
            assertThat(json.get("createdAt").asText()).isEqualTo("2026-11-25T03:20:00Z");
            assertThat(json.get("timeRange").get("from").asText()).isEqualTo("2026-11-25T03:00:00Z");
            assertThat(json.get("context").asText()).isEqualTo("prod-eu-admin");
            assertThat(json.get("redactions").isObject()).isTrue();
            assertThat(json.get("problems").isArray()).isTrue();
            var entry = json.get("entries").get(0);
            assertThat(entry.get("path").asText()).isEqualTo("notes.md");
            assertThat(entry.get("mediaType").asText()).isEqualTo("text/markdown");
            assertThat(entry.get("size").asLong()).isEqualTo(NOTES.length);
            assertThat(entry.get("sha256").asText()).isEqualTo(Zips.sha256(NOTES));
            assertThat(zip.size()).isEqualTo(2);
        }
    }

    @Test
    void aLaterMinorVersionWithUnknownFieldsIsRead() throws Exception {
        var entries = Zips.entries("alerts/alerts.json", "[]");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) mapper.readTree(Zips.json(Zips.manifest("1.7", entries)));
        manifest.put("capturedBy", "someone@example.com");
        manifest.putObject("signals").put("alerts", "alertmanager");
        ((ObjectNode) manifest.get("entries").get(0)).put("compression", "zstd-later");
        Path file = Zips.write(dir, "newer.pitwall", Zips.zip(mapper.writeValueAsBytes(manifest), entries));

        try (Bundle b = BundleReader.open(file)) {
            assertThat(b.manifest().formatVersion()).isEqualTo("1.7");
            assertThat(b.manifest().formatMinor()).isEqualTo(7);
            assertThat(b.read("alerts/alerts.json")).isEqualTo(utf8("[]"));
        }
    }

    @Test
    void aFileChangedAfterOpeningIsCaughtOnRead() throws Exception {
        var entries = Zips.entries("logs/entries.ndjson", "{\"line\":\"payment declined\"}\n");
        byte[] zip = Zips.storedZip(Zips.json(Zips.manifest("1.0", entries)), entries);
        Path file = Zips.write(dir, "changing.pitwall", zip);
        try (Bundle b = BundleReader.open(file)) {
            Files.write(file, Zips.patch(zip, "declined", "accepted"));
            assertThatThrownBy(() -> b.read("logs/entries.ndjson"))
                    .isInstanceOfSatisfying(BundleException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CHECKSUM_MISMATCH));
        }
    }

    @Test
    void theSameCaptureGivesTheSameBytes() throws Exception {
        Path first = dir.resolve("first.pitwall");
        Path second = dir.resolve("second.pitwall");
        for (Path file : List.of(first, second)) {
            try (BundleWriter w = BundleWriter.create(file, Zips.header())) {
                w.add("cluster/objects.json", "application/json", OBJECTS);
                w.add("notes.md", "text/markdown", NOTES);
            }
        }
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void theBundleIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("private.pitwall");
        try (BundleWriter w = BundleWriter.create(file, Zips.header())) {
            w.add("notes.md", "text/markdown", NOTES);
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        } else {
            // no POSIX permissions to set (Windows): the bundle is written all the same
            assertThat(file).isRegularFile();
        }
    }

    @Test
    void manifestCodecRoundTripsEveryField() throws Exception {
        BundleManifest m = new BundleManifest("1.0", "0.1.0", Zips.CREATED, null, "ctx", Zips.RANGE, List.of("a"),
                List.of(new BundleEntry("a/b.json", "application/json", 2, Zips.sha256(utf8("{}")))),
                Map.of("token", 2L, "password", 1L), List.of(new BundleProblem("logs", "Loki answered 403")));
        assertThat(ManifestCodec.fromJson(ManifestCodec.toJson(m), dir.resolve("x.pitwall"))).isEqualTo(m);
    }

    private static void logLines(OutputStream out) throws java.io.IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (int i = 0; i < 30_000; i++) {
            w.write(logLine(i));
        }
        w.flush();
    }

    private static byte[] logBytes() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            b.append(logLine(i));
        }
        return utf8(b.toString());
    }

    private static String logLine(int i) {
        return "{\"ts\":\"2026-11-25T03:0" + (i % 10) + ":00Z\",\"pod\":\"checkout-" + (i % 7)
                + "\",\"line\":\"GET /api/cart/" + i + " 502 upstream connect error or disconnect/reset\"}\n";
    }
}
