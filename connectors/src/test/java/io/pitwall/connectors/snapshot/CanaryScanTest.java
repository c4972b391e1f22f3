package io.pitwall.connectors.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canary tests' scanner finds a secret in each form and place it can hide in, and nothing in a clean file. */
class CanaryScanTest {

    private static final String CANARY = "canary/Pw!42xyz";

    @TempDir
    Path dir;

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve("b" + entries.hashCode() + ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachFormAndPlaceIsFound() throws IOException {
        for (int prefix = 0; prefix < 3; prefix++) {
            String inner = "x".repeat(prefix) + "user:" + CANARY + "@host";
            Path file = zip(Map.of("a.json", utf8("{\"auth\":\"Basic " + Base64.getEncoder().encodeToString(utf8(inner)) + "\"}")));
            assertThat(CanaryScan.hits(file, Map.of("c", CANARY))).as("base64 after %d bytes", prefix)
                    .containsExactly("c as base64 in entry a.json");
        }
        assertThat(CanaryScan.hits(zip(Map.of("u.txt", utf8("GET /?p=canary%2FPw%2142XYZ"))), Map.of("c", CANARY)))
                .containsExactly("c as URL-encoded in entry u.txt");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(utf8("line with " + CANARY.toUpperCase(java.util.Locale.ROOT)));
        }
        assertThat(CanaryScan.hits(zip(Map.of("logs.gz", gz.toByteArray())), Map.of("c", CANARY)))
                .containsExactly("c as planted in gzip inside logs.gz");
        Path stored = zip(Map.of("plain.txt", utf8(CANARY)));
        assertThat(CanaryScan.hits(stored, Map.of("c", CANARY))).contains("c as planted in entry plain.txt");
    }

    @Test
    void aCleanFileHasNoHits() throws IOException {
        Path file = zip(Map.of("a.json", utf8("{\"password\":\"<redacted>\"}")));
        assertThat(CanaryScan.hits(file, Map.of("c", CANARY))).isEmpty();
    }
}
