package io.pitwall.bench;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Byte-level mutations: flips, inserts, deletions, cuts, bad UTF-8, and numbers swapped for hurtful ones. */
final class Bytes {

    private Bytes() {
    }

    static byte[] mutate(byte[] in, SplittableRandom r) {
        if (in.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        return switch (r.nextInt(8)) {
            case 0, 1 -> flip(in, 0, in.length, 1 + r.nextInt(8), r);
            case 2 -> Arrays.copyOf(in, r.nextInt(in.length));
            case 3 -> insert(in, r.nextInt(in.length + 1), pick(r));
            case 4 -> {
                int at = r.nextInt(in.length);
                int n = Math.min(in.length - at, 1 + r.nextInt(64));
                byte[] out = new byte[in.length - n];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + n, out, at, in.length - at - n);
                yield out;
            }
            case 5 -> {
                int at = r.nextInt(in.length);
                int n = Math.min(in.length - at, 1 + r.nextInt(256));
                yield insert(in, r.nextInt(in.length + 1), Arrays.copyOfRange(in, at, at + n));
            }
            case 6 -> {
                byte[] out = in.clone();
                int at = r.nextInt(in.length);
                String structural = "{}[]\":,\\\n0-e.";
                out[at] = (byte) structural.charAt(r.nextInt(structural.length()));
                yield out;
            }
            default -> insert(in, r.nextInt(in.length + 1), new byte[] {(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xed, (byte) 0xa0,
                (byte) 0x80, 0});
        };
    }

    static byte[] flip(byte[] in, int from, int to, int count, SplittableRandom r) {
        byte[] out = in.clone();
        if (to <= from) {
            return out;
        }
        for (int i = 0; i < count; i++) {
            int at = from + r.nextInt(to - from);
            out[at] = r.nextBoolean() ? (byte) (out[at] ^ (1 << r.nextInt(8))) : (byte) r.nextInt(256);
        }
        return out;
    }

    private static byte[] pick(SplittableRandom r) {
        String[] s = {"\u0000", "\uFEFF", "\\u0000", "\\ud800", "\"", "\\", "}", "]", "{", "[", ",", ":", "\n", "\r\n", "null",
            "-", "e999", "\"\":\"\",", "\u202e"};
        return s[r.nextInt(s.length)].getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }

    /** One run of digits (a number, a time, a size) replaced by a hurtful number; or a duplicated key. */
    static byte[] numbers(byte[] in, SplittableRandom r, JsonMutations json) {
        if (in.length == 0) {
            return in;
        }
        int start = r.nextInt(in.length);
        int at = -1;
        for (int i = 0; i < in.length; i++) {
            int j = (start + i) % in.length;
            if (in[j] >= '0' && in[j] <= '9') {
                at = j;
                break;
            }
        }
        if (at < 0) {
            return mutate(in, r);
        }
        while (at > 0 && in[at - 1] >= '0' && in[at - 1] <= '9') {
            at--;
        }
        int end = at;
        while (end < in.length && (in[end] >= '0' && in[end] <= '9' || in[end] == '.' || in[end] == 'e')) {
            end++;
        }
        String with = r.nextInt(8) == 0 ? "9".repeat(1 + r.nextInt(2000)) : json.pick(JsonMutations.NUMBERS);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + with.length());
        out.write(in, 0, at);
        out.writeBytes(with.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.write(in, end, in.length - end);
        return out.toByteArray();
    }
}
