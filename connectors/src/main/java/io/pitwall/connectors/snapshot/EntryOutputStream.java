package io.pitwall.connectors.snapshot;

import io.pitwall.connectors.snapshot.BundleException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What a streamed entry writes into: counts and hashes the bytes on their way to the zip, and
 * refuses to grow past the limits. Closing it ends the entry's writing, not the zip.
 */
final class EntryOutputStream extends OutputStream {

    private final OutputStream zip;
    private final Path file;
    private final String path;
    private final long maxBytes;
    private final String limitName;
    private final MessageDigest sha256 = VerifyingInputStream.newSha256();
    private long count;
    private boolean closed;

    /**
     * @param maxBytes  the most this entry may hold
     * @param limitName which limit {@code maxBytes} comes from, for the message
     */
    EntryOutputStream(OutputStream zip, Path file, String path, long maxBytes, String limitName) {
        this.zip = zip;
        this.file = file;
        this.path = path;
        this.maxBytes = maxBytes;
        this.limitName = limitName;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the stream of entry " + EntryPaths.quote(path) + " is closed");
        }
        if (len > maxBytes - count) {
            throw new BundleException(Reason.TOO_LARGE, file, path, Messages.file(file) + ": entry "
                    + EntryPaths.quote(path) + " would exceed " + limitName + " of " + Messages.bytes(maxBytes));
        }
        zip.write(b, off, len);
        sha256.update(b, off, len);
        count += len;
    }

    @Override
    public void flush() throws IOException {
        if (!closed) {
            zip.flush();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    long count() {
        return count;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
