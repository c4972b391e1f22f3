package io.pitwall.connectors.snapshot;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file in a bundle, as the manifest lists it.
 *
 * @param path      the entry name in the zip, relative, {@code /}-separated, e.g. {@code logs/entries.ndjson}
 * @param mediaType e.g. {@code application/json}, {@code application/x-ndjson}, {@code text/markdown}
 * @param size      the uncompressed size in bytes
 * @param sha256    the SHA-256 of the uncompressed bytes, 64 lowercase hex digits
 */
public record BundleEntry(String path, String mediaType, long size, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\x21-\\x7e]+/[\\x20-\\x7e]+");

    public BundleEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        String unsafe = EntryPaths.problem(path);
        if (unsafe != null) {
            throw new IllegalArgumentException("unsafe entry name " + EntryPaths.quote(path) + ": " + unsafe);
        }
        if (!isMediaType(mediaType)) {
            throw new IllegalArgumentException("not a media type: " + EntryPaths.quote(mediaType));
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + path);
        }
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + EntryPaths.quote(sha256));
        }
    }

    static boolean isSha256(String s) {
        return s != null && SHA256.matcher(s).matches();
    }

    static boolean isMediaType(String s) {
        return s != null && s.length() <= 255 && MEDIA_TYPE.matcher(s).matches();
    }
}
