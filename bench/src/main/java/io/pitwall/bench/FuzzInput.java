package io.pitwall.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One bundle being made hostile: a seed's entries, each with the name the zip gives it, the
 * path the manifest lists, whether each holds it, and what the manifest says of its size and
 * hash (by default the truth, written after the mutations so they reach the parsers). Then the
 * zip as bytes, to be mutated again as bytes.
 */
final class FuzzInput {

    /** One entry: its bytes, its names, and what the manifest claims. */
    static final class Part {
        String zipName;
        String path;
        String mediaType;
        byte[] bytes;
        RawZip.Compressed compressed;
        boolean inZip = true;
        boolean listed = true;
        /** Keep the manifest's size and hash of the bytes before the mutation (a stale manifest). */
        Long staleSize;
        String staleSha;
        boolean stored;
        /** Instead of bytes: a decompression bomb, made once and kept ({@link BombCache}). */
        BombCache.Bomb bomb;

        Part(String path, String mediaType, byte[] bytes, RawZip.Compressed compressed) {
            this.zipName = path;
            this.path = path;
            this.mediaType = mediaType;
            this.bytes = bytes;
            this.compressed = compressed;
        }

        void set(byte[] newBytes) {
            this.bytes = newBytes;
            this.compressed = null;
            this.bomb = null;
        }

        Part copy() {
            Part p = new Part(path, mediaType, bytes, compressed);
            p.zipName = zipName;
            p.inZip = inZip;
            p.listed = listed;
            p.stored = stored;
            p.bomb = bomb;
            return p;
        }
    }

    final String seedName;
    final ObjectNode manifest;
    final List<Part> parts = new ArrayList<>();
    final List<String> applied = new ArrayList<>();
    /** Where manifest.json goes among the zip's entries (-1: last, as the writer puts it). */
    int manifestAt = -1;
    /** Text mutations of the manifest's own bytes, applied after it is written. */
    final List<java.util.function.UnaryOperator<byte[]>> manifestBytes = new ArrayList<>();
    /** Manifest tree mutations, applied after the entries' sizes and hashes are written into it. */
    final List<java.util.function.UnaryOperator<com.fasterxml.jackson.databind.JsonNode>> manifestTree = new ArrayList<>();

    FuzzInput(FuzzSeeds.Seed seed) {
        this.seedName = seed.name();
        this.manifest = seed.manifest().deepCopy();
        for (FuzzSeeds.Item i : seed.items()) {
            parts.add(new Part(i.path(), i.mediaType(), i.bytes(), i.deflated()));
        }
    }

    /** How many bytes the parts inflate to (a bomb counts its full size). */
    long inflatedBytes() {
        return parts.stream().mapToLong(p -> p.bomb != null ? p.bomb.size() : p.bytes.length).sum();
    }

    /** The zip: every part the zip holds, and the manifest listing every listed part. */
    byte[] zip(SplittableRandom r, BombCache bombs) throws IOException {
        ObjectNode m = manifest.deepCopy();
        ArrayNode entries = m.putArray("entries");
        for (Part p : parts) {
            if (!p.listed) {
                continue;
            }
            ObjectNode e = entries.addObject();
            e.put("path", p.path);
            e.put("mediaType", p.mediaType);
            long size = p.bomb != null ? p.bomb.size() : p.bytes.length;
            e.put("size", p.staleSize != null ? p.staleSize : size);
            e.put("sha256", p.staleSha != null ? p.staleSha : p.bomb != null ? bombs.sha(p.bomb) : sha256(p.bytes));
        }
        com.fasterxml.jackson.databind.JsonNode root = m;
        for (var t : manifestTree) {
            root = t.apply(root);
        }
        byte[] manifestJson = FuzzSeeds.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        for (var t : manifestBytes) {
            manifestJson = t.apply(manifestJson);
        }
        RawZip zip = new RawZip();
        int at = 0;
        for (Part p : parts) {
            if (at++ == manifestAt) {
                zip.add("manifest.json", RawZip.deflate(manifestJson, r.nextInt(4) == 0));
            }
            if (!p.inZip) {
                continue;
            }
            RawZip.Compressed c = p.bomb != null ? bombs.compressed(p.bomb)
                    : p.stored ? RawZip.deflate(p.bytes, true)
                    : p.compressed != null ? p.compressed : RawZip.deflate(p.bytes, false);
            zip.add(p.zipName, c);
        }
        if (manifestAt < 0 || manifestAt >= parts.size()) {
            zip.add("manifest.json", RawZip.deflate(manifestJson, false));
        }
        return zip.bytes();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
