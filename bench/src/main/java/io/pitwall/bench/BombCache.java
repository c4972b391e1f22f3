package io.pitwall.bench;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decompression bombs: a pattern repeated to a size, deflated once and kept with its SHA-256, so
 * the manifest can list it truthfully and it costs the fuzzer nothing after the first time.
 */
final class BombCache {

    /** {@code size} bytes of {@code pattern} repeated; {@code name} says which pattern. */
    record Bomb(String name, byte[] pattern, long size) {
        String key() {
            return name + "/" + size;
        }
    }

    private record Built(RawZip.Compressed compressed, String sha256) {
    }

    private final Map<String, Built> built = new ConcurrentHashMap<>();

    RawZip.Compressed compressed(Bomb b) {
        return get(b).compressed();
    }

    String sha(Bomb b) {
        return get(b).sha256();
    }

    private Built get(Bomb b) {
        return built.computeIfAbsent(b.key(), k -> new Built(RawZip.repeated(b.pattern(), b.size()), sha(b.pattern(), b.size())));
    }

    private static String sha(byte[] pattern, long size) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[pattern.length * Math.max(1, (1 << 20) / pattern.length)];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = pattern[i % pattern.length];
            }
            long left = size;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                d.update(chunk, 0, n);
                left -= n;
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
