package io.pitwall.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip written byte by byte, so it can hold what {@link java.util.zip.ZipOutputStream} refuses to
 * write: the same name twice, headers whose sizes or CRC lie, unknown compression methods. Each
 * entry's data is given already compressed (see {@link #deflate}).
 */
final class RawZip {

    private static final int LOC = 0x04034b50;
    private static final int CEN = 0x02014b50;
    private static final int END = 0x06054b50;

    /** One entry as the headers will state it: every field may lie about {@code data}. */
    static final class Entry {
        byte[] name;
        byte[] data;
        int method;
        long crc;
        long compressedSize;
        long size;
        /** The name the local header states, when it differs from the central directory's. */
        byte[] localName;

        Entry(String name, Compressed c) {
            this.name = name.getBytes(StandardCharsets.UTF_8);
            this.data = c.data();
            this.method = c.method();
            this.crc = c.crc();
            this.compressedSize = c.data().length;
            this.size = c.size();
        }
    }

    /** Bytes as they sit in the zip, with what an honest header says of them. */
    record Compressed(byte[] data, int method, long crc, long size) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private byte[] comment = new byte[0];

    Entry add(String name, Compressed c) {
        Entry e = new Entry(name, c);
        entries.add(e);
        return e;
    }

    List<Entry> entries() {
        return entries;
    }

    void comment(byte[] bytes) {
        this.comment = bytes;
    }

    /** {@code bytes} deflated (level 1: the fuzzer writes many zips), or stored when {@code stored}. */
    static Compressed deflate(byte[] bytes, boolean stored) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (stored) {
            return new Compressed(bytes, 0, crc.getValue(), bytes.length);
        }
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        try {
            d.setInput(bytes);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
            byte[] buf = new byte[64 * 1024];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return new Compressed(out.toByteArray(), 8, crc.getValue(), bytes.length);
        } finally {
            d.end();
        }
    }

    /**
     * {@code count} bytes of {@code pattern} repeated, deflated without ever holding them: what a
     * decompression bomb is made of.
     */
    static Compressed repeated(byte[] pattern, long count) {
        CRC32 crc = new CRC32();
        // small ones at the fastest level expand about 300 times, under the reader's limit: they reach the parsers
        Deflater d = new Deflater(count < (100L << 20) ? Deflater.BEST_SPEED : Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = pattern[i % pattern.length];
        }
        byte[] buf = new byte[64 * 1024];
        try {
            long left = count;
            long offset = 0;
            while (left > 0) {
                int start = (int) (offset % pattern.length);
                int n = (int) Math.min(chunk.length - pattern.length, left);
                d.setInput(chunk, start, n);
                crc.update(chunk, start, n);
                while (!d.needsInput()) {
                    out.write(buf, 0, d.deflate(buf));
                }
                left -= n;
                offset += n;
            }
            d.finish();
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
        } finally {
            d.end();
        }
        return new Compressed(out.toByteArray(), 8, crc.getValue(), count);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] offsets = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            offsets[i] = out.size();
            byte[] name = e.localName != null ? e.localName : e.name;
            int32(out, LOC);
            int16(out, 20);
            int16(out, 0x0800);
            int16(out, e.method);
            int16(out, 0);
            int16(out, 0x21);
            int32(out, e.crc);
            int32(out, e.compressedSize);
            int32(out, e.size);
            int16(out, name.length);
            int16(out, 0);
            out.writeBytes(name);
            out.writeBytes(e.data);
        }
        long cenStart = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int32(out, CEN);
            int16(out, 20);
            int16(out, 20);
            int16(out, 0x0800);
            int16(out, e.method);
            int16(out, 0);
            int16(out, 0x21);
            int32(out, e.crc);
            int32(out, e.compressedSize);
            int32(out, e.size);
            int16(out, e.name.length);
            int16(out, 0);
            int16(out, 0);
            int16(out, 0);
            int16(out, 0);
            int32(out, 0);
            int32(out, offsets[i]);
            out.writeBytes(e.name);
        }
        long cenSize = out.size() - cenStart;
        int32(out, END);
        int16(out, 0);
        int16(out, 0);
        int16(out, entries.size());
        int16(out, entries.size());
        int32(out, cenSize);
        int32(out, cenStart);
        int16(out, comment.length);
        out.writeBytes(comment);
        return out.toByteArray();
    }

    /** Where the central directory starts in {@code zip} (from its end record), or -1. */
    static int centralDirectory(byte[] zip) {
        for (int i = zip.length - 22; i >= 0 && i >= zip.length - 22 - 0xffff; i--) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return (int) (((zip[i + 16] & 0xffL) | (zip[i + 17] & 0xffL) << 8 | (zip[i + 18] & 0xffL) << 16
                        | (zip[i + 19] & 0xffL) << 24));
            }
        }
        return -1;
    }

    static byte[] copy(byte[] b) {
        return Arrays.copyOf(b, b.length);
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
    }

    private static void int32(ByteArrayOutputStream out, long v) {
        out.write((int) (v & 0xff));
        out.write((int) ((v >>> 8) & 0xff));
        out.write((int) ((v >>> 16) & 0xff));
        out.write((int) ((v >>> 24) & 0xff));
    }
}
