package io.pitwall.connectors.snapshot;

import static io.pitwall.connectors.snapshot.Zips.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pitwall.connectors.snapshot.BundleException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleWriterTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "/etc/passwd", "a/../../b", "C:\\x", "a\\b", "a//b", "logs/", "", "a\0b", "nul"})
    void unsafeNamesAreRefusedAndTheWriterGoesOn(String name) throws Exception {
        Path file = dir.resolve("out.pitwall");
        try (BundleWriter w = BundleWriter.create(file, Zips.header())) {
            BundleException e = catchThrowableOfType(BundleException.class,
                    () -> w.add(name, "application/json", utf8("{}")));
            assertThat(e.reason()).isEqualTo(Reason.UNSAFE_PATH);
            assertThat(e.entry()).isEqualTo(name);
            assertThat(e).hasMessageStartingWith("out.pitwall: cannot add the unsafe entry name \"");
            w.add("notes.md", "text/markdown", utf8("ok"));
        }
        try (Bundle b = BundleReader.open(file)) {
            assertThat(b.manifest().entries()).extracting(BundleEntry::path).containsExactly("notes.md");
        }
    }

    @Test
    void theManifestsNameIsReserved() throws Exception {
        try (BundleWriter w = BundleWriter.create(dir.resolve("out.pitwall"), Zips.header())) {
            BundleException e = catchThrowableOfType(BundleException.class,
                    () -> w.add("Manifest.json", "application/json", utf8("{}")));
            assertThat(e.reason()).isEqualTo(Reason.UNSAFE_PATH);
            assertThat(e).hasMessage("out.pitwall: cannot add \"Manifest.json\": the name is reserved for the manifest");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"logs/entries.ndjson", "LOGS/Entries.ndjson"})
    void duplicatesAreRefused(String second) throws Exception {
        Path file = dir.resolve("out.pitwall");
        try (BundleWriter w = BundleWriter.create(file, Zips.header())) {
            w.add("logs/entries.ndjson", "application/x-ndjson", utf8("{}\n"));
            BundleException e = catchThrowableOfType(BundleException.class,
                    () -> w.add(second, "application/x-ndjson", out -> out.write(utf8("{}\n"))));
            assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_ENTRY);
            assertThat(e).hasMessage("out.pitwall: entry \"" + second
                    + "\" is already in the bundle (names are compared ignoring case)");
        }
        try (Bundle b = BundleReader.open(file)) {
            assertThat(b.entries()).hasSize(1);
        }
    }

    @Test
    void aWriterThatFailsMidWayLeavesNoFile() throws Exception {
        Path file = dir.resolve("out.pitwall");
        assertThatThrownBy(() -> {
            try (BundleWriter w = BundleWriter.create(file, Zips.header())) {
                w.add("cluster/objects.json", "application/json", utf8("{}"));
                w.add("logs/entries.ndjson", "application/x-ndjson", out -> {
                    out.write(utf8("{\"line\":\"first\"}\n"));
                    throw new IOException("Loki went away");
                });
            }
        }).isInstanceOf(IOException.class).hasMessage("Loki went away")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessage("out.pitwall was not written: adding entry "
                                + "\"logs/entries.ndjson\" failed")));
        assertThat(file).doesNotExist();
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aFailedRewriteKeepsTheOldBundle() throws Exception {
        Path file = dir.resolve("out.pitwall");
        try (BundleWriter w = BundleWriter.create(file, Zips.header())) {
            w.add("notes.md", "text/markdown", utf8("first"));
        }
        byte[] before = Files.readAllBytes(file);
        try (BundleWriter w = BundleWriter.create(file, Zips.header())) {
            w.add("notes.md", "text/markdown", out -> {
                throw new IllegalStateException("capture bug");
            });
        } catch (IllegalStateException expected) {
            // the bundle is not replaced
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactly("out.pitwall");
    }

    @Test
    void aSpoiledWriterRefusesMoreEntries() throws Exception {
        Path file = dir.resolve("out.pitwall");
        BundleWriter w = BundleWriter.create(file, Zips.header());
        assertThatThrownBy(() -> w.add("a.json", "application/json", out -> {
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThatThrownBy(() -> w.add("b.json", "application/json", utf8("{}")))
                .isInstanceOf(IOException.class)
                .hasMessage("out.pitwall will not be written: adding entry \"a.json\" failed");
        assertThatThrownBy(w::close).isInstanceOf(IOException.class);
        w.close();
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void abortLeavesNoFile() throws Exception {
        Path file = dir.resolve("out.pitwall");
        try (BundleWriter w = BundleWriter.create(file, Zips.header())) {
            w.add("notes.md", "text/markdown", utf8("draft"));
            w.abort();
            w.abort();
        }
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void streamingPastTheLimitSpoilsTheBundle() throws Exception {
        Path file = dir.resolve("out.pitwall");
        BundleLimits limits = new BundleLimits(100, 1_000, 10, 4_096);
        try (BundleWriter w = BundleWriter.create(file, Zips.header(), limits)) {
            BundleException e = catchThrowableOfType(BundleException.class,
                    () -> w.add("logs/entries.ndjson", "application/x-ndjson", out -> {
                        for (int i = 0; i < 20; i++) {
                            out.write(utf8("0123456789"));
                        }
                    }));
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e).hasMessage("out.pitwall: entry \"logs/entries.ndjson\" would exceed the limit per entry of 100 bytes");
        } catch (IOException expectedOnClose) {
            assertThat(expectedOnClose).hasMessageContaining("was not written");
        }
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void bytesOverTheLimitAreRefusedBeforeWriting() throws Exception {
        Path file = dir.resolve("out.pitwall");
        BundleLimits limits = new BundleLimits(100, 150, 2, 4_096);
        try (BundleWriter w = BundleWriter.create(file, Zips.header(), limits)) {
            assertThat(catchThrowableOfType(BundleException.class,
                    () -> w.add("a.json", "application/json", new byte[101])).reason()).isEqualTo(Reason.TOO_LARGE);
            w.add("a.json", "application/json", new byte[100]);
            BundleException total = catchThrowableOfType(BundleException.class,
                    () -> w.add("b.json", "application/json", new byte[51]));
            assertThat(total).hasMessage("out.pitwall: entry \"b.json\" would take the bundle over the limit of 150 bytes in all");
            w.add("b.json", "application/json", new byte[50]);
            BundleException count = catchThrowableOfType(BundleException.class,
                    () -> w.add("c.json", "application/json", new byte[0]));
            assertThat(count).hasMessage("out.pitwall: cannot add \"c.json\": the bundle already holds the limit of 2 entries");
        }
        try (Bundle b = BundleReader.open(file, limits)) {
            assertThat(b.entries()).extracting(BundleEntry::size).containsExactly(100L, 50L);
        }
    }

    @Test
    void theHeaderMustBeAHeader() throws Exception {
        BundleManifest withEntries = Zips.manifest("1.0", Zips.entries("a.json", "{}"));
        assertThatThrownBy(() -> BundleWriter.create(dir.resolve("x.pitwall"), withEntries))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no entries");
        BundleManifest later = Zips.manifest("1.1", java.util.Map.of());
        assertThatThrownBy(() -> BundleWriter.create(dir.resolve("x.pitwall"), later))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("this writer writes format 1.0, not 1.1");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void theContentMayCloseItsStreamButNotAddAnotherEntry() throws Exception {
        Path file = dir.resolve("out.pitwall");
        try (BundleWriter w = BundleWriter.create(file, Zips.header())) {
            w.add("a.json", "application/json", out -> {
                try (OutputStream o = out) {
                    o.write(utf8("{}"));
                }
            });
            w.add("b.json", "application/json", utf8("[]"));
        }
        try (Bundle b = BundleReader.open(file)) {
            assertThat(b.read("a.json")).isEqualTo(utf8("{}"));
            assertThat(b.read("b.json")).isEqualTo(utf8("[]"));
        }
        Path other = dir.resolve("other.pitwall");
        BundleWriter w = BundleWriter.create(other, Zips.header());
        assertThatThrownBy(() -> w.add("a.json", "application/json", out -> w.add("b.json", "application/json", utf8("[]"))))
                .isInstanceOf(IllegalStateException.class);
        w.abort();
        assertThat(other).doesNotExist();
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
