package io.pitwall.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.app.MainRunner;
import io.pitwall.app.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsAJsonSummaryOfAVerifiedBundle() throws Exception {
        Path bundle = TestBundles.clusterAndAlerts(dir);
        MainRunner.Result r = MainRunner.run("inspect", bundle.toString());
        assertThat(r.code()).as(r.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("formatVersion").asText()).isEqualTo("1.0");
        assertThat(json.path("cluster").asText()).isEqualTo("gke-prod");
        assertThat(json.path("context").asText()).isEqualTo("gke_prod_europe-west1");
        assertThat(json.path("timeRange").path("from").asText()).isEqualTo("2026-11-24T22:00:00Z");
        assertThat(json.path("namespaces").get(0).asText()).isEqualTo("sock-shop");
        assertThat(json.path("checksums").asText()).isEqualTo("verified");
        assertThat(json.path("signals").path("cluster").path("present").asBoolean()).isTrue();
        assertThat(json.path("signals").path("cluster").path("entries").asInt()).isEqualTo(1);
        assertThat(json.path("signals").path("alerts").path("present").asBoolean()).isTrue();
        assertThat(json.path("signals").path("logs").path("present").asBoolean()).isFalse();
        assertThat(json.path("entries")).hasSize(2);
        assertThat(json.path("entries").get(0).path("sha256").asText()).hasSize(64);
    }

    @Test
    void aFileThatIsNotABundleIsOneLineAndExitCodeTwo() throws Exception {
        Path garbage = Files.writeString(dir.resolve("notes.pitwall"), "this is not a zip");
        MainRunner.Result r = MainRunner.run("inspect", garbage.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("pitwall: ").contains("notes.pitwall").contains("not a Pitwall bundle");
    }

    @Test
    void aTamperedBundleIsRefusedNamingTheEntry() throws Exception {
        Path bundle = TestBundles.clusterAndAlerts(dir);
        byte[] bytes = Files.readAllBytes(bundle);
        // flip one byte of the stored (uncompressed or deflated) alerts payload region
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("alerts/alerts.json") + "alerts/alerts.json".length() + 1;
        bytes[at] ^= 0x20;
        Files.write(bundle, bytes);
        MainRunner.Result r = MainRunner.run("inspect", bundle.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().startsWith("pitwall: incident.pitwall");
    }

    @Test
    void aMissingFileIsOneLine() {
        MainRunner.Result r = MainRunner.run("inspect", dir.resolve("nope.pitwall").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("pitwall: no such file: ");
    }
}
