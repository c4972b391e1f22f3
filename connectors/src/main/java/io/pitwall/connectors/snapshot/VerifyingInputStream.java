package io.pitwall.connectors.snapshot;

import io.pitwall.connectors.snapshot.BundleException.Reason;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An entry's bytes, counted and hashed as they pass: it fails as soon as more bytes come than the
 * manifest lists (so a zip bomb costs at most one byte more than declared), and at the end if
 * fewer came or the SHA-256 differs. Read errors become {@link Reason#CORRUPT}.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final Path file;
    private final BundleEntry entry;
    private final MessageDigest sha256;
    private long count;
    private boolean verified;

    VerifyingInputStream(InputStream in, Path file, BundleEntry entry) {
        super(in);
        this.file = file;
        this.entry = entry;
        this.sha256 = newSha256();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int max = (int) Math.min(len, entry.size() - count + 1);
        int n;
        try {
            n = in.read(b, off, max);
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException(Reason.CORRUPT, file, entry.path(), Messages.file(file) + ": entry "
                    + EntryPaths.quote(entry.path()) + " cannot be read: " + Messages.oneLine(e.getMessage()), e);
        }
        if (n < 0) {
            verifyEnd();
            return -1;
        }
        count += n;
        if (count > entry.size()) {
            throw new BundleException(Reason.CORRUPT, file, entry.path(), Messages.file(file) + ": entry "
                    + EntryPaths.quote(entry.path()) + " holds more than the " + Messages.bytes(entry.size())
                    + " the manifest lists");
        }
        sha256.update(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: every byte is hashed once, in order
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void verifyEnd() throws BundleException {
        if (verified) {
            return;
        }
        verified = true;
        if (count != entry.size()) {
            throw new BundleException(Reason.CORRUPT, file, entry.path(), Messages.file(file) + ": entry "
                    + EntryPaths.quote(entry.path()) + " holds " + Messages.bytes(count) + ", the manifest lists "
                    + Messages.bytes(entry.size()));
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(entry.sha256())) {
            throw new BundleException(Reason.CHECKSUM_MISMATCH, file, entry.path(), Messages.file(file) + ": entry "
                    + EntryPaths.quote(entry.path()) + " is damaged or altered: its SHA-256 is " + shortHash(actual)
                    + ", the manifest lists " + shortHash(entry.sha256()));
        }
    }

    private static String shortHash(String hex) {
        return hex.substring(0, 12) + "…";
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
