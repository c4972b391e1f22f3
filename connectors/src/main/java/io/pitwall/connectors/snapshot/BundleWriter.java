package io.pitwall.connectors.snapshot;

import io.pitwall.connectors.snapshot.BundleException.Reason;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a bundle: entries first, {@code manifest.json} last. Everything goes to a temporary file
 * next to the target; {@link #close()} writes the manifest, syncs, and moves the file onto the
 * target in one step, so the target is either the whole bundle or untouched.
 *
 * <p>If an {@code add} fails half-way (the content throws, the disk fills, a limit is hit while
 * streaming) the writer is spoiled: the temporary file is deleted at once, further adds and
 * {@link #close()} throw, and no target is written. A name or size refused <em>before</em> any
 * byte is written (unsafe path, duplicate, too many entries, byte array over a limit) leaves the
 * writer usable. Exceptions thrown between adds are the caller's: call {@link #abort()} to
 * discard the bundle, otherwise {@code close()} commits what was added.
 *
 * <p>The file is created owner-only (0600) where the file system supports it. Methods are
 * synchronized; entries are written one at a time.
 */
public final class BundleWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BundleWriter.class);

    private enum State { OPEN, SPOILED, ABORTED, CLOSED }

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final ZipOutputStream zip;
    private final BundleManifest header;
    private final BundleLimits limits;
    private final TextRedaction redaction;
    private final LocalDateTime entryTime;
    private final List<BundleEntry> entries = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Long> redactions;
    private final List<BundleProblem> problems;
    private long total;
    private State state = State.OPEN;
    private String spoiledBy;
    private boolean writing;

    private BundleWriter(Path target, Path temp, FileChannel channel, BundleManifest header, BundleLimits limits,
                         TextRedaction redaction) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
        this.header = header;
        this.limits = limits;
        this.redaction = redaction;
        this.entryTime = LocalDateTime.ofInstant(header.createdAt(), ZoneOffset.UTC);
        this.redactions = new TreeMap<>(header.redactions());
        this.problems = new ArrayList<>(header.problems());
    }

    /** A writer for {@code target} within {@link BundleLimits#DEFAULT}. */
    public static BundleWriter create(Path target, BundleManifest header) throws IOException {
        return create(target, header, BundleLimits.DEFAULT);
    }

    /**
     * A writer for {@code target}, which is replaced when the writer closes.
     *
     * @param header what the manifest says besides the entries (see {@link BundleManifest#header});
     *               it must list no entries and be format {@value BundleManifest#FORMAT_VERSION}
     * @param limits what the writer refuses to exceed, so that readers with the same limits accept the bundle
     */
    public static BundleWriter create(Path target, BundleManifest header, BundleLimits limits) throws IOException {
        return create(target, header, limits, TextRedaction.standard());
    }

    /**
     * A writer for {@code target} whose text goes through {@code redaction} wherever the capture
     * asks ({@link #redact(String)}), its problems' messages included.
     */
    public static BundleWriter create(Path target, BundleManifest header, BundleLimits limits, TextRedaction redaction)
            throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(redaction, "redaction");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(limits, "limits");
        if (!header.entries().isEmpty()) {
            throw new IllegalArgumentException("the header must list no entries: the writer lists what is added");
        }
        if (!BundleManifest.FORMAT_VERSION.equals(header.formatVersion())) {
            throw new IllegalArgumentException("this writer writes format " + BundleManifest.FORMAT_VERSION
                    + ", not " + header.formatVersion());
        }
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return new BundleWriter(absolute, temp, channel, header, limits, redaction);
        } catch (IOException | RuntimeException | Error e) {
            try {
                if (channel != null) {
                    channel.close();
                }
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Adds an entry holding {@code bytes}. */
    public synchronized BundleEntry add(String path, String mediaType, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        checkNew(path, mediaType);
        if (bytes.length > limits.maxEntryBytes()) {
            throw tooLarge(path, "entry " + EntryPaths.quote(path) + " is " + Messages.bytes(bytes.length)
                    + ", over the limit of " + Messages.bytes(limits.maxEntryBytes()) + " per entry");
        }
        if (bytes.length > limits.maxTotalBytes() - total) {
            throw tooLarge(path, "entry " + EntryPaths.quote(path) + " would take the bundle over the limit of "
                    + Messages.bytes(limits.maxTotalBytes()) + " in all");
        }
        return write(path, mediaType, out -> out.write(bytes));
    }

    /**
     * Adds an entry whose bytes {@code content} writes into the stream it is given; size and SHA-256
     * are computed on the way. The stream is only valid during the call; closing it is allowed and
     * does not close the bundle. If {@code content} throws, the writer is spoiled (see above).
     */
    public synchronized BundleEntry add(String path, String mediaType, IOConsumer<? super OutputStream> content)
            throws IOException {
        Objects.requireNonNull(content, "content");
        checkNew(path, mediaType);
        return write(path, mediaType, content);
    }

    /**
     * Records a signal that could not be captured, for the manifest's {@code problems}; its message
     * is redacted (an error may quote a URL with its password, a query with a token).
     */
    public synchronized void addProblem(BundleProblem problem) {
        Objects.requireNonNull(problem, "problem");
        checkNotClosed();
        String message = redact(problem.message());
        problems.add(message == problem.message() ? problem : new BundleProblem(problem.signal(), message));
    }

    /** The rules the capture redacts text with (the built-in ones, the user's, the variables set from Secrets). */
    public TextRedaction redaction() {
        return redaction;
    }

    /** {@code text} with its secrets replaced by the writer's rules, counted in the manifest. */
    public String redact(String text) {
        return redaction.apply(text, this::countRedactions);
    }

    /** The value of {@code key} (an attribute, label, annotation) redacted by the writer's rules, counted. */
    public String redact(String key, String value) {
        return redaction.field(key, value, this::countRedactions);
    }

    /** The problems recorded so far (a copy). */
    public synchronized java.util.List<BundleProblem> problems() {
        return java.util.List.copyOf(problems);
    }

    /** The entries written so far (a copy). */
    public synchronized java.util.List<BundleEntry> entries() {
        return java.util.List.copyOf(entries);
    }

    /** Adds {@code count} to the manifest's redaction count for {@code kind}. */
    public synchronized void countRedactions(String kind, long count) {
        Objects.requireNonNull(kind, "kind");
        if (count < 0) {
            throw new IllegalArgumentException("negative redaction count for " + kind + ": " + count);
        }
        checkNotClosed();
        redactions.merge(kind, count, Long::sum);
    }

    /** Discards the bundle: deletes the temporary file and leaves the target as it was. Idempotent. */
    public synchronized void abort() {
        if (state == State.OPEN || state == State.SPOILED) {
            discard();
            state = State.ABORTED;
        }
    }

    /**
     * Writes {@code manifest.json} and moves the bundle onto the target. After {@link #abort()} it
     * does nothing; after a failed add it throws, and no target is written.
     */
    @Override
    public synchronized void close() throws IOException {
        if (state == State.SPOILED) {
            state = State.CLOSED;
            throw new IOException(Messages.file(target) + " was not written: " + spoiledBy);
        }
        if (state != State.OPEN) {
            return;
        }
        boolean committed = false;
        try {
            BundleManifest manifest = header.with(entries, redactions, problems);
            byte[] json = ManifestCodec.toJson(manifest);
            if (json.length > limits.maxManifestBytes()) {
                throw tooLarge(EntryPaths.MANIFEST, "manifest.json is " + Messages.bytes(json.length)
                        + ", over the limit of " + Messages.bytes(limits.maxManifestBytes()));
            }
            zip.putNextEntry(zipEntry(EntryPaths.MANIFEST));
            zip.write(json);
            zip.closeEntry();
            zip.finish();
            zip.flush();
            channel.force(true);
            zip.close();
            move(temp, target);
            committed = true;
        } finally {
            if (!committed) {
                discard();
            }
            state = State.CLOSED;
        }
    }

    private BundleEntry write(String path, String mediaType, IOConsumer<? super OutputStream> content)
            throws IOException {
        boolean written = false;
        writing = true;
        try {
            zip.putNextEntry(zipEntry(path));
            long room = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total);
            String limitName = room == limits.maxEntryBytes()
                    ? "the limit per entry" : "what is left of the limit in all (" + Messages.bytes(limits.maxTotalBytes()) + ")";
            EntryOutputStream out = new EntryOutputStream(zip, target, path, room, limitName);
            content.accept(out);
            out.close();
            zip.closeEntry();
            BundleEntry entry = new BundleEntry(path, mediaType, out.count(), out.sha256());
            entries.add(entry);
            names.add(EntryPaths.folded(path));
            total += entry.size();
            written = true;
            return entry;
        } finally {
            writing = false;
            if (!written) {
                state = State.SPOILED;
                spoiledBy = "adding entry " + EntryPaths.quote(path) + " failed";
                discard();
            }
        }
    }

    private void checkNew(String path, String mediaType) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mediaType, "mediaType");
        checkWritable();
        String unsafe = EntryPaths.problem(path);
        if (unsafe != null) {
            throw new BundleException(Reason.UNSAFE_PATH, target, path, Messages.file(target)
                    + ": cannot add the unsafe entry name " + EntryPaths.quote(path) + ": " + unsafe);
        }
        if (EntryPaths.folded(path).equals(EntryPaths.MANIFEST)) {
            throw new BundleException(Reason.UNSAFE_PATH, target, path, Messages.file(target)
                    + ": cannot add " + EntryPaths.quote(path) + ": the name is reserved for the manifest");
        }
        if (names.contains(EntryPaths.folded(path))) {
            throw new BundleException(Reason.DUPLICATE_ENTRY, target, path, Messages.file(target)
                    + ": entry " + EntryPaths.quote(path) + " is already in the bundle (names are compared ignoring case)");
        }
        if (!BundleEntry.isMediaType(mediaType)) {
            throw new IllegalArgumentException("not a media type: " + EntryPaths.quote(mediaType));
        }
        if (entries.size() >= limits.maxEntries()) {
            throw tooLarge(path, "cannot add " + EntryPaths.quote(path) + ": the bundle already holds the limit of "
                    + limits.maxEntries() + " entries");
        }
    }

    private void checkWritable() throws IOException {
        if (writing) {
            throw new IllegalStateException("cannot add an entry while another is being written");
        }
        if (state == State.SPOILED) {
            throw new IOException(Messages.file(target) + " will not be written: " + spoiledBy);
        }
        checkNotClosed();
    }

    private void checkNotClosed() {
        if (state == State.ABORTED || state == State.CLOSED) {
            throw new IllegalStateException("the bundle writer for " + Messages.file(target) + " is closed");
        }
    }

    private BundleException tooLarge(String path, String problem) {
        return new BundleException(Reason.TOO_LARGE, target, path, Messages.file(target) + ": " + problem);
    }

    private ZipEntry zipEntry(String path) {
        ZipEntry entry = new ZipEntry(path);
        entry.setTimeLocal(entryTime);
        return entry;
    }

    private void discard() {
        try {
            zip.close();
        } catch (IOException | RuntimeException e) {
            // the bytes are being thrown away: nothing to save
        }
        try {
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not delete the unfinished bundle {}: {}", temp, e.toString());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
