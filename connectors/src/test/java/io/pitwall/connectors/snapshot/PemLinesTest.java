package io.pitwall.connectors.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A PEM block logged a line at a time goes line by line; the lines around it stay. */
class PemLinesTest {

    private static final List<String> KEY = List.of(
            "-----BEGIN RSA PRIVATE KEY-----",
            "MIIEowIBAAKCAQEAx4UbaDzY9bVnG2sLqN0aJq6vYb2kQ6yW3p7k0n3hXn9sQm5g",
            "Proc-Type: 4,ENCRYPTED",
            "",
            "q6vYb2kQ6yW3p7k0n3hXn9sQm5gMIIEowIBAAKCAQEAx4UbaDzY9bVnG2sLqN0a==",
            "-----END RSA PRIVATE KEY-----");

    private final Map<String, Long> counts = new TreeMap<>();

    private List<String> redact(List<String> lines) {
        return TextRedaction.standard().lines(lines, (k, n) -> counts.merge(k, n, Long::sum));
    }

    @Test
    void everyLineFromBeginToEndGoes() {
        List<String> lines = new java.util.ArrayList<>(List.of("loading the signing key:"));
        lines.addAll(KEY);
        lines.add("key loaded, token=abc123def");
        List<String> out = redact(lines);
        assertThat(out.getFirst()).isEqualTo("loading the signing key:");
        assertThat(out.subList(1, 7)).containsOnly("<redacted>");
        assertThat(out.getLast()).isEqualTo("key loaded, token=<redacted>");
        assertThat(counts).isEqualTo(Map.of("private-key", 1L, "password", 1L));
    }

    @Test
    void aWindowThatStartsInsideABlockStillLosesItsBody() {
        List<String> lines = new java.util.ArrayList<>(List.of("GET /health 200"));
        lines.addAll(KEY.subList(1, KEY.size()));
        lines.add("-----END CERTIFICATE----- trailing");
        List<String> out = redact(lines);
        assertThat(out.getFirst()).isEqualTo("GET /health 200");
        assertThat(out.subList(1, 6)).containsOnly("<redacted>");
        assertThat(out.getLast()).isEqualTo("<redacted> trailing");
        assertThat(counts).isEqualTo(Map.of("private-key", 1L, "certificate", 1L));
    }

    @Test
    void aBlockEndsAtTheFirstLineThatIsNoPartOfIt() {
        List<String> out = redact(List.of("-----BEGIN CERTIFICATE-----", "MIIC5zCCAc+gAwIBAgIBADANBgkq",
                "ERROR something else happened", "MIIC5zCCAc+gAwIBAgIBADANBgkq"));
        assertThat(out).containsExactly("<redacted>", "<redacted>", "ERROR something else happened",
                "MIIC5zCCAc+gAwIBAgIBADANBgkq");
    }

    @Test
    void ordinaryLinesComeBackAsTheyWere() {
        List<String> lines = List.of("GET / 200", "MIIC5zCCAc+gAwIBAgIBADANBgkq", "done");
        assertThat(redact(lines)).isEqualTo(lines);
        assertThat(counts).isEmpty();
    }
}
