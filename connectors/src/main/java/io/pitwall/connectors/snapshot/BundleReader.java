package io.pitwall.connectors.snapshot;

import io.pitwall.connectors.snapshot.BundleException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens bundles, which may come from anywhere, and trusts nothing in them. Before it returns a
 * {@link Bundle} it has checked every entry name (no zip-slip), found no duplicates, read and
 * validated {@code manifest.json} (format major version {@value BundleManifest#FORMAT_MAJOR}),
 * matched the manifest's entries to the zip's one to one, and streamed every entry once to count
 * its bytes (never trusting the zip's own sizes) and compare its SHA-256, within {@link BundleLimits}.
 * The rules are in {@code docs/bundle-format.md}.
 */
public final class BundleReader {

    private BundleReader() {
    }

    /** Opens and verifies {@code file} within {@link BundleLimits#DEFAULT}. */
    public static Bundle open(Path file) throws BundleException {
        return open(file, BundleLimits.DEFAULT);
    }

    /**
     * Opens and verifies {@code file}. The caller closes the returned bundle.
     *
     * @throws BundleException with a one-line message naming the file, the entry and the problem
     */
    public static Bundle open(Path file, BundleLimits limits) throws BundleException {
        return open(file, limits, m -> {
        });
    }

    /** A check of the manifest's declared entries, made before any entry is inflated. */
    @FunctionalInterface
    public interface ManifestCheck {
        /** @throws BundleException to refuse the bundle */
        void check(BundleManifest manifest) throws BundleException;
    }

    /**
     * Opens and verifies {@code file}, running {@code check} on its manifest once the manifest is
     * read and its sizes are within the limits, before any entry is inflated (a reader that knows
     * it cannot hold a bundle says so without paying for its verification).
     */
    public static Bundle open(Path file, BundleLimits limits, ManifestCheck check) throws BundleException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(check, "check");
        ZipFile zip = openZip(file);
        try {
            return verify(file, zip, limits, check);
        } catch (BundleException e) {
            closeQuietly(zip);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw new BundleException(Reason.CORRUPT, file, null,
                    Messages.file(file) + ": the zip is malformed: " + Messages.oneLine(e.getMessage()), e);
        }
    }

    private static ZipFile openZip(Path file) throws BundleException {
        String name = Messages.file(file);
        if (Files.isDirectory(file)) {
            throw notABundle(file, "it is a folder", null);
        }
        if (!Files.exists(file)) {
            throw new BundleException(Reason.NOT_A_BUNDLE, file, null, "cannot open " + name + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw notABundle(file, "it is not a regular file", null);
        }
        try {
            if (Files.size(file) == 0) {
                throw notABundle(file, "the file is empty", null);
            }
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw notABundle(file, "it is not a zip file, or a truncated one (" + Messages.oneLine(e.getMessage()) + ")", e);
        } catch (AccessDeniedException e) {
            throw new BundleException(Reason.NOT_A_BUNDLE, file, null, "cannot open " + name + ": permission denied", e);
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException(Reason.NOT_A_BUNDLE, file, null,
                    "cannot open " + name + ": " + Messages.oneLine(e.getMessage()), e);
        }
    }

    private static Bundle verify(Path file, ZipFile zip, BundleLimits limits, ManifestCheck check) throws BundleException {
        String name = Messages.file(file);
        if (zip.size() - 1L > limits.maxEntries()) {
            throw new BundleException(Reason.TOO_LARGE, file, null, name + " holds " + zip.size()
                    + " entries, over the limit of " + limits.maxEntries());
        }
        Map<String, ZipEntry> byName = new LinkedHashMap<>();
        Map<String, String> byFolded = new HashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry ze = all.nextElement();
            String entryName = ze.getName();
            String unsafe = EntryPaths.problem(entryName);
            if (unsafe != null) {
                throw new BundleException(Reason.UNSAFE_PATH, file, entryName, name + ": unsafe entry name "
                        + EntryPaths.quote(entryName) + " (zip-slip): " + unsafe);
            }
            String before = byFolded.putIfAbsent(EntryPaths.folded(entryName), entryName);
            if (before != null) {
                throw new BundleException(Reason.DUPLICATE_ENTRY, file, entryName, name + ": entry "
                        + EntryPaths.quote(entryName) + " appears twice"
                        + (before.equals(entryName) ? "" : " (as " + EntryPaths.quote(before) + ", differing in case)"));
            }
            byName.put(entryName, ze);
        }
        ZipEntry manifestEntry = byName.remove(EntryPaths.MANIFEST);
        if (manifestEntry == null) {
            throw notABundle(file, "it has no manifest.json", null);
        }
        BundleManifest manifest = ManifestCodec.fromJson(readManifest(file, zip, manifestEntry, limits), file);
        checkDeclaredSizes(file, manifest, limits);
        check.check(manifest);
        for (BundleEntry e : manifest.entries()) {
            if (!byName.containsKey(e.path())) {
                throw new BundleException(Reason.MISSING_ENTRY, file, e.path(), name + ": manifest.json lists "
                        + EntryPaths.quote(e.path()) + " but the zip does not hold it");
            }
        }
        if (byName.size() > manifest.entries().size()) {
            Map<String, ZipEntry> unlisted = new LinkedHashMap<>(byName);
            manifest.entries().forEach(e -> unlisted.remove(e.path()));
            String extra = unlisted.keySet().iterator().next();
            throw new BundleException(Reason.UNLISTED_ENTRY, file, extra, name + ": the zip holds "
                    + EntryPaths.quote(extra) + ", which manifest.json does not list");
        }
        for (BundleEntry e : manifest.entries()) {
            checkRatio(file, e, byName.get(e.path()), limits);
        }
        long total = 0;
        for (BundleEntry e : manifest.entries()) {
            try (InputStream in = new VerifyingInputStream(zip.getInputStream(byName.get(e.path())), file, e)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (BundleException x) {
                throw x;
            } catch (IOException x) {
                throw new BundleException(Reason.CORRUPT, file, e.path(), name + ": entry " + EntryPaths.quote(e.path())
                        + " cannot be read: " + Messages.oneLine(x.getMessage()), x);
            }
            total += e.size();
            if (total > limits.maxTotalBytes()) {
                throw new BundleException(Reason.TOO_LARGE, file, e.path(), name + ": the entries hold more than the limit of "
                        + Messages.bytes(limits.maxTotalBytes()) + " in all");
            }
        }
        return new Bundle(file, zip, manifest, byName);
    }

    private static byte[] readManifest(Path file, ZipFile zip, ZipEntry entry, BundleLimits limits)
            throws BundleException {
        String name = Messages.file(file);
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxManifestBytes() + 1));
            if (bytes.length > limits.maxManifestBytes()) {
                throw new BundleException(Reason.TOO_LARGE, file, EntryPaths.MANIFEST, name
                        + ": manifest.json is larger than the limit of " + Messages.bytes(limits.maxManifestBytes()));
            }
            return bytes;
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException(Reason.CORRUPT, file, EntryPaths.MANIFEST,
                    name + ": manifest.json cannot be read: " + Messages.oneLine(e.getMessage()), e);
        }
    }

    private static void checkDeclaredSizes(Path file, BundleManifest manifest, BundleLimits limits)
            throws BundleException {
        String name = Messages.file(file);
        if (manifest.entries().size() > limits.maxEntries()) {
            throw new BundleException(Reason.TOO_LARGE, file, null, name + ": manifest.json lists "
                    + manifest.entries().size() + " entries, over the limit of " + limits.maxEntries());
        }
        long total = 0;
        for (BundleEntry e : manifest.entries()) {
            if (e.size() > limits.maxEntryBytes()) {
                throw new BundleException(Reason.TOO_LARGE, file, e.path(), name + ": entry " + EntryPaths.quote(e.path())
                        + " is " + Messages.bytes(e.size()) + ", over the limit of "
                        + Messages.bytes(limits.maxEntryBytes()) + " per entry");
            }
            if (e.size() > limits.maxTotalBytes() - total) {
                throw new BundleException(Reason.TOO_LARGE, file, e.path(), name + ": the entries add up to more than the limit of "
                        + Messages.bytes(limits.maxTotalBytes()) + " in all (at " + EntryPaths.quote(e.path()) + ")");
            }
            total += e.size();
        }
    }

    /**
     * Refuses an entry that would expand more than {@link BundleLimits#maxRatio} times the bytes
     * the zip gives it: the zip's compressed size is what the inflater is allowed to read, so it
     * bounds the expansion whatever else the headers claim.
     */
    private static void checkRatio(Path file, BundleEntry e, ZipEntry ze, BundleLimits limits) throws BundleException {
        long compressed = ze.getCompressedSize();
        if (e.size() <= BundleLimits.RATIO_FLOOR || compressed < 0 || compressed > Long.MAX_VALUE / limits.maxRatio()) {
            return;
        }
        if (e.size() > compressed * limits.maxRatio()) {
            throw new BundleException(Reason.TOO_LARGE, file, e.path(), Messages.file(file) + ": entry "
                    + EntryPaths.quote(e.path()) + " would expand from " + Messages.bytes(compressed) + " to "
                    + Messages.bytes(e.size()) + ", more than " + limits.maxRatio()
                    + " times: a decompression bomb, not a capture");
        }
    }

    private static BundleException notABundle(Path file, String problem, Throwable cause) {
        return new BundleException(Reason.NOT_A_BUNDLE, file, null,
                "not a Pitwall bundle (" + Messages.file(file) + "): " + problem, cause);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // already failing with a better message
        }
    }
}
