package io.pitwall.connectors.snapshot;

import io.pitwall.connectors.model.TimeRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made zips and manifests, for bundles the writer would never produce. */
final class Zips {

    static final Instant CREATED = Instant.parse("2026-11-25T03:20:00Z");
    static final TimeRange RANGE = new TimeRange(Instant.parse("2026-11-25T03:00:00Z"), Instant.parse("2026-11-25T03:15:00Z"));

    private Zips() {
    }

    static BundleManifest header() {
        return BundleManifest.header("0.1.0", CREATED, "prod-eu", "prod-eu-admin", RANGE, List.of("shop", "payments"));
    }

    /** A manifest at {@code version} listing {@code entries} with their true sizes and hashes. */
    static BundleManifest manifest(String version, Map<String, byte[]> entries) {
        List<BundleEntry> listed = new ArrayList<>();
        entries.forEach((path, bytes) -> listed.add(new BundleEntry(path, "application/json", bytes.length, sha256(bytes))));
        return new BundleManifest(version, "0.1.0", CREATED, "prod-eu", null, RANGE, List.of(), listed, Map.of(), List.of());
    }

    static byte[] json(BundleManifest manifest) {
        return ManifestCodec.toJson(manifest);
    }

    /** A zip holding {@code manifest.json} (if not null) and then {@code entries}, names as given. */
    static byte[] zip(byte[] manifestJson, Map<String, byte[]> entries) {
        Map<String, byte[]> all = new LinkedHashMap<>();
        if (manifestJson != null) {
            all.put("manifest.json", manifestJson);
        }
        all.putAll(entries);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip like {@link #zip}, every entry stored uncompressed, so its bytes can be found in the file. */
    static byte[] storedZip(byte[] manifestJson, Map<String, byte[]> entries) {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("manifest.json", manifestJson);
        all.putAll(entries);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : all.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A well-formed bundle of {@code entries}, as a zip. */
    static byte[] bundle(Map<String, byte[]> entries) {
        return zip(json(manifest("1.0", entries)), entries);
    }

    /** {@code bytes} with every occurrence of {@code from} replaced by {@code to}, of the same length. */
    static byte[] patch(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        if (f.length != t.length) {
            throw new IllegalArgumentException("same length only");
        }
        byte[] out = bytes.clone();
        int found = 0;
        for (int i = 0; i + f.length <= out.length; i++) {
            boolean match = true;
            for (int j = 0; j < f.length && match; j++) {
                match = out[i + j] == f[j];
            }
            if (match) {
                System.arraycopy(t, 0, out, i, t.length);
                found++;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException(from + " not found");
        }
        return out;
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, byte[]> entries(String... pathsAndContents) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            m.put(pathsAndContents[i], utf8(pathsAndContents[i + 1]));
        }
        return m;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(VerifyingInputStream.newSha256().digest(bytes));
    }
}
