package io.pitwall.connectors.snapshot;

import io.pitwall.connectors.snapshot.BundleException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An opened, verified bundle (see {@link BundleReader}). It keeps the zip file open until
 * {@link #close()}. Reads may run on several threads at once. Every read is checked again against
 * the manifest's size and SHA-256 as it streams, so a file changed after opening is caught too.
 */
public final class Bundle implements AutoCloseable {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final Path file;
    private final ZipFile zip;
    private final BundleManifest manifest;
    private final Map<String, BundleEntry> entries;
    private final Map<String, ZipEntry> zipEntries;

    Bundle(Path file, ZipFile zip, BundleManifest manifest, Map<String, ZipEntry> zipEntries) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
        Map<String, BundleEntry> byPath = new LinkedHashMap<>();
        manifest.entries().forEach(e -> byPath.put(e.path(), e));
        this.entries = Map.copyOf(byPath);
        this.zipEntries = Map.copyOf(zipEntries);
    }

    /** The bundle file. */
    public Path file() {
        return file;
    }

    public BundleManifest manifest() {
        return manifest;
    }

    /** The entries, in the manifest's order; the same as {@code manifest().entries()}. */
    public List<BundleEntry> entries() {
        return manifest.entries();
    }

    /** Whether the bundle holds an entry named exactly {@code path}. */
    public boolean has(String path) {
        return path != null && entries.containsKey(path);
    }

    /** The manifest's line for {@code path}, if the bundle holds it. */
    public Optional<BundleEntry> entry(String path) {
        return Optional.ofNullable(path == null ? null : entries.get(path));
    }

    /**
     * The bytes of entry {@code path}, streamed. Reading it to the end verifies size and SHA-256
     * again; a mismatch is thrown from the last {@code read}.
     *
     * @throws BundleException {@link Reason#MISSING_ENTRY} if the bundle does not hold {@code path}
     */
    public InputStream open(String path) throws BundleException {
        Objects.requireNonNull(path, "path");
        BundleEntry entry = entries.get(path);
        if (entry == null) {
            throw new BundleException(Reason.MISSING_ENTRY, file, path,
                    Messages.file(file) + " holds no entry " + EntryPaths.quote(path));
        }
        try {
            return new VerifyingInputStream(zip.getInputStream(zipEntries.get(path)), file, entry);
        } catch (IOException e) {
            throw new BundleException(Reason.CORRUPT, file, path, Messages.file(file) + ": entry "
                    + EntryPaths.quote(path) + " cannot be read: " + Messages.oneLine(e.getMessage()), e);
        }
    }

    /**
     * All the bytes of entry {@code path}, verified.
     *
     * @throws BundleException {@link Reason#MISSING_ENTRY} if the bundle does not hold it,
     *                         {@link Reason#TOO_LARGE} if it does not fit in a byte array
     */
    public byte[] read(String path) throws BundleException {
        BundleEntry entry = entries.get(Objects.requireNonNull(path, "path"));
        if (entry != null && entry.size() > MAX_ARRAY) {
            throw new BundleException(Reason.TOO_LARGE, file, path, Messages.file(file) + ": entry "
                    + EntryPaths.quote(path) + " is " + Messages.bytes(entry.size())
                    + ", too large to read at once: stream it instead");
        }
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException(Reason.CORRUPT, file, path, Messages.file(file) + ": entry "
                    + EntryPaths.quote(path) + " cannot be read: " + Messages.oneLine(e.getMessage()), e);
        }
    }

    /** Closes the zip file. Streams still open fail on their next read. */
    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only: nothing is lost by a failed close
        }
    }

    @Override
    public String toString() {
        return "Bundle[" + file + ", " + entries.size() + " entries]";
    }
}
