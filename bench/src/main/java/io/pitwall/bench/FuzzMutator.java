package io.pitwall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes one hostile bundle from a seed number, always the same one for the same number: picks a
 * seed bundle, applies one to four mutations (mostly inside entries, with the manifest's sizes and
 * hashes rewritten so they reach the parsers; some on names, duplicates, the manifest, the zip's
 * bytes, and decompression bombs) and returns the zip's bytes with what was done.
 */
final class FuzzMutator {

    /** An input: the zip, what it was made from, and how many bytes its entries inflate to. */
    record Made(byte[] bytes, String seedName, List<String> mutations, long inflatedBytes) {
    }

    static final String[] UNSAFE_NAMES = {"../evil.json", "/etc/passwd", "a/../../b.json", "C:\\x.json", "c:/x.json",
        "a\\b.json", "nul", "CON.json", "logs/x.", "~", "logs/a b.json", "logs//x.json", "logs/./x.json", "", "logs/",
        "traces/../../x.json", "manifest.json", "MANIFEST.JSON", "Manifest.json", "l\u043egs/entries.ndjson",
        "logs/\u0000.json", "logs/\n.json", "x".repeat(300), "-x.json", ".hidden", "security/.json", "cluster/com1.json",
        "LOGS/ENTRIES.NDJSON", "logs/Entries.ndjson", "traces/index.JSON", "security/findings.NDJSON"};
    static final String[] EXTRA_NAMES = {"cluster/extra.json", "traces/extra.json", "security/extra.ndjson",
        "security/extra.json", "logs/entries.ndjson", "logs/query_range.json", "metrics/query_range.json",
        "alerts/rules.json", "alerts/alerts.json", "alerts/silences.json", "cluster/watch.ndjson", "notes.md",
        "security/notes.json", "traces/index.json", "security/findings.ndjson", "other/file.bin", "cluster/objects.json"};
    private static final byte[] JAVA_SERIAL = {(byte) 0xac, (byte) 0xed, 0, 5, 0x73, 0x72, 0, 0x11, 'j', 'a', 'v', 'a', '.',
        'u', 't', 'i', 'l', '.', 'H', 'a', 's', 'h', 'M', 'a', 'p'};

    private final List<FuzzSeeds.Seed> seeds;
    private final List<String> keys;
    private final BombCache bombs;
    private final String canary;

    /** @param canary a file path that only code run from a bundle could create */
    FuzzMutator(List<FuzzSeeds.Seed> seeds, BombCache bombs, String canary) {
        this.seeds = seeds;
        List<byte[]> docs = new ArrayList<>();
        seeds.forEach(s -> s.items().forEach(i -> docs.add(i.bytes())));
        this.keys = JsonMutations.keysOf(docs);
        this.bombs = bombs;
        this.canary = canary;
    }

    Made make(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        // the full demo is large (2.6 MB inside): one input in fifty
        FuzzSeeds.Seed base = r.nextInt(50) == 0 ? seeds.getFirst() : seeds.get(1 + r.nextInt(seeds.size() - 1));
        FuzzInput in = new FuzzInput(base);
        JsonMutations json = new JsonMutations(r, keys);
        int n = 1 + (r.nextInt(3) == 0 ? r.nextInt(4) : 0);
        for (int i = 0; i < n; i++) {
            mutate(in, r, json);
        }
        byte[] zip = in.zip(r, bombs);
        if (r.nextInt(12) == 0) {
            zip = raw(zip, r, in.applied);
        }
        return new Made(zip, base.name(), List.copyOf(in.applied), in.inflatedBytes());
    }

    private void mutate(FuzzInput in, SplittableRandom r, JsonMutations json) throws IOException {
        FuzzInput.Part p = in.parts.get(r.nextInt(in.parts.size()));
        int dice = r.nextInt(100);
        if (dice < 40) {
            StringBuilder what = new StringBuilder("json ").append(p.path).append(' ');
            p.set(jsonMutation(p.bytes, r, json, what));
            in.applied.add(what.toString());
        } else if (dice < 52) {
            in.applied.add("bytes " + p.path);
            p.set(Bytes.mutate(p.bytes, r));
        } else if (dice < 57) {
            FuzzInput.Part other = in.parts.get(r.nextInt(in.parts.size()));
            in.applied.add("swap " + p.path + " " + other.path);
            byte[] b = p.bytes;
            p.set(other.bytes);
            other.set(b);
        } else if (dice < 62) {
            in.applied.add("text " + p.path);
            p.set(Bytes.numbers(p.bytes, r, json));
        } else if (dice < 70) {
            manifest(in, r, json);
        } else if (dice < 73) {
            in.applied.add("stale " + p.path);
            p.staleSize = (long) p.bytes.length;
            p.staleSha = FuzzInput.sha256(p.bytes);
            p.set(Bytes.mutate(p.bytes, r));
        } else if (dice < 78) {
            names(in, p, r);
        } else if (dice < 82) {
            FuzzInput.Part d = p.copy();
            if (r.nextBoolean()) {
                d.set(Bytes.mutate(p.bytes, r));
            }
            int where = r.nextInt(3);
            in.applied.add("duplicate " + p.path + (where == 0 ? " in zip" : where == 1 ? " in manifest" : ""));
            d.listed = where != 0;
            d.inZip = where != 1;
            in.parts.add(r.nextInt(in.parts.size() + 1), d);
        } else if (dice < 86) {
            int what = r.nextInt(4);
            in.applied.add(new String[] {"unlist ", "drop from zip ", "remove ", "add "}[what] + p.path);
            switch (what) {
                case 0 -> p.listed = false;
                case 1 -> p.inZip = false;
                case 2 -> in.parts.remove(p);
                default -> {
                    FuzzInput.Part extra = new FuzzInput.Part(json.pick(EXTRA_NAMES), "application/json", p.bytes, p.compressed);
                    in.parts.add(extra);
                }
            }
            if (in.parts.isEmpty()) {
                in.parts.add(new FuzzInput.Part("notes.md", "text/markdown", new byte[0], null));
            }
        } else if (dice < 87 && r.nextInt(4) == 0) {
            // a bomb under the ratio is parsed in full (up to 10 s for 1 GiB): one input in about four hundred is
            // plenty, the same two dozen bombs landing in every entry of the bundles
            bomb(in, p, r);
        } else if (dice < 87) {
            in.applied.add("bytes " + p.path);
            p.set(Bytes.mutate(p.bytes, r));
        } else if (dice < 91) {
            hostileContent(in, p, r);
        } else if (dice < 94) {
            in.applied.add("stored " + p.path);
            p.stored = true;
        } else if (dice < 95 && r.nextBoolean()) {
            int count = r.nextBoolean() ? 10_001 : 2_000;
            in.applied.add("entries " + count);
            for (int i = 0; i < count; i++) {
                in.parts.add(new FuzzInput.Part("many/e" + i + ".json", "application/json", new byte[] {'1'}, null));
            }
        } else if (dice < 97) {
            in.applied.add("manifest first");
            in.manifestAt = r.nextInt(in.parts.size() + 1);
        } else {
            StringBuilder what = new StringBuilder("json+bytes ").append(p.path).append(' ');
            p.set(Bytes.mutate(jsonMutation(p.bytes, r, json, what), r));
            in.applied.add(what.toString());
        }
    }

    /** A structural mutation of JSON, of one or more NDJSON lines, or of the line structure itself. */
    static byte[] jsonMutation(byte[] bytes, SplittableRandom r, JsonMutations json, StringBuilder what) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode whole = null;
        try {
            whole = FuzzSeeds.JSON.readTree(bytes);
            if (whole != null && (whole.isValueNode() || whole.isMissingNode()) && text.contains("\n{")) {
                whole = null;
            }
        } catch (IOException maybeLines) {
            whole = null;
        }
        if (whole != null && !whole.isMissingNode() && !text.strip().contains("}\n{")) {
            JsonNode out = json.mutate(whole, what);
            return json.write(out, r.nextInt(4) == 0).getBytes(StandardCharsets.UTF_8);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.isEmpty()) {
            return bytes;
        }
        int i = r.nextInt(lines.size());
        switch (r.nextInt(8)) {
            case 0 -> {
                what.append("line-dup");
                int k = new int[] {2, 100, 20_000}[r.nextInt(3)];
                k = Math.min(k, 8_000_000 / Math.max(1, lines.get(i).length()));
                for (int j = 0; j < k && lines.size() < 200_000; j++) {
                    lines.add(i, lines.get(i));
                }
            }
            case 1 -> {
                what.append("line-drop");
                lines.remove(i);
            }
            case 2 -> {
                what.append("line-swap");
                int j = r.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            case 3 -> {
                what.append("line-garbage");
                lines.add(i, json.pick(new String[] {"{", "}", "[]", "null", "1", "\"x\"", "{}", "{\"a\":", "\u0000\u0000",
                    "x".repeat(3 << 20), "{\"time\":\"" + "9".repeat(2000) + "\"}", "\r", "\uFEFF{}", "[" .repeat(2000)}));
            }
            default -> {
                String line = lines.get(i);
                try {
                    JsonNode n = FuzzSeeds.JSON.readTree(line.isBlank() ? "{}" : line);
                    what.append("line ");
                    lines.set(i, json.write(json.mutate(n, what), false));
                } catch (IOException notJson) {
                    what.append("line-bytes");
                    lines.set(i, new String(Bytes.mutate(line.getBytes(StandardCharsets.UTF_8), r), StandardCharsets.UTF_8));
                }
            }
        }
        return String.join(r.nextInt(20) == 0 ? "\r\n" : "\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private void manifest(FuzzInput in, SplittableRandom r, JsonMutations json) {
        int what = r.nextInt(4);
        if (what == 0) {
            in.applied.add("manifest bytes");
            in.manifestBytes.add(b -> Bytes.mutate(b, r.split()));
        } else if (what == 1) {
            in.applied.add("manifest numbers");
            in.manifestBytes.add(b -> Bytes.numbers(b, r.split(), json));
        } else {
            StringBuilder note = new StringBuilder("manifest json ");
            in.applied.add("manifest json");
            in.manifestTree.add(m -> json.mutate(m, note));
        }
    }

    private void names(FuzzInput in, FuzzInput.Part p, SplittableRandom r) {
        String name = UNSAFE_NAMES[r.nextInt(UNSAFE_NAMES.length)];
        int where = r.nextInt(4);
        in.applied.add("name " + EscapedName.of(name) + (where == 0 ? " in zip" : where == 1 ? " in manifest" : ""));
        if (where != 1) {
            p.zipName = name;
        }
        if (where != 0) {
            p.path = name;
        }
        if (where == 3) {
            in.parts.stream().filter(o -> o != p).findFirst().ifPresent(o -> {
                o.zipName = name.toUpperCase(java.util.Locale.ROOT);
                o.path = o.zipName;
            });
        }
    }

    private void bomb(FuzzInput in, FuzzInput.Part p, SplittableRandom r) {
        String[] names = {"zeros", "spaces", "brackets", "log-lines", "watch-lines", "a"};
        byte[][] patterns = {{0}, {' '}, {'['},
            "{\"time\":\"2026-11-24T02:41:00Z\",\"labels\":{\"pod\":\"p\"},\"line\":\"x\"}\n".getBytes(StandardCharsets.UTF_8),
            "{\"at\":\"2026-11-24T02:41:00Z\",\"type\":\"ADDED\",\"kind\":\"Pod\",\"name\":\"p\"}\n".getBytes(StandardCharsets.UTF_8),
            {'a'}};
        int k = r.nextInt(names.length);
        // lines expand less than a byte repeated (about 330 times): below the ratio limit they are parsed, so smaller
        long[] sizes = patterns[k].length > 1 ? new long[] {8L << 20, 16L << 20, 300L << 20, 1L << 30}
                : new long[] {8L << 20, 64L << 20, 300L << 20, 1L << 30};
        long size = sizes[r.nextInt(sizes.length)];
        p.bomb = new BombCache.Bomb(names[k], patterns[k], size);
        p.bytes = new byte[0];
        p.compressed = null;
        if (r.nextInt(4) == 0) {
            p.staleSize = size / 2;
        }
        in.applied.add("bomb " + names[k] + " " + (size >> 20) + " MiB " + p.path + (p.staleSize != null ? " declared half" : ""));
    }

    private void hostileContent(FuzzInput in, FuzzInput.Part p, SplittableRandom r) {
        String[] kinds = {"yaml", "yaml-aliases", "yaml-tag", "java-serial", "binary", "empty", "bom"};
        String kind = kinds[r.nextInt(kinds.length)];
        in.applied.add(kind + " " + p.path);
        p.set(switch (kind) {
            case "yaml" -> FuzzSeeds.utf8("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n"
                    + "    namespace: shop\n  status:\n    phase: Running\n");
            case "yaml-aliases" -> FuzzSeeds.utf8(laughs());
            case "yaml-tag" -> FuzzSeeds.utf8("apiVersion: v1\nkind: Pod\nmetadata: !!java.io.FileOutputStream [\"" + canary
                    + "\"]\nspec: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"file://"
                    + canary + "\"]]]]\n");
            case "java-serial" -> JAVA_SERIAL.clone();
            case "binary" -> {
                byte[] b = new byte[1 + r.nextInt(4096)];
                r.nextBytes(b);
                yield b;
            }
            case "empty" -> new byte[0];
            default -> {
                byte[] b = new byte[p.bytes.length + 3];
                b[0] = (byte) 0xef;
                b[1] = (byte) 0xbb;
                b[2] = (byte) 0xbf;
                System.arraycopy(p.bytes, 0, b, 3, p.bytes.length);
                yield b;
            }
        });
    }

    private static String laughs() {
        StringBuilder b = new StringBuilder("apiVersion: v1\nkind: List\nl0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            b.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ",").append("*l").append(i - 1);
            }
            b.append("]\n");
        }
        return b.append("items: [*l9]\n").toString();
    }

    /** Mutations of the zip's own bytes: anywhere, in the central directory, a cut, garbage after. */
    private static byte[] raw(byte[] zip, SplittableRandom r, List<String> applied) {
        int cen = RawZip.centralDirectory(zip);
        int what = r.nextInt(5);
        applied.add(new String[] {"zip bytes", "zip central directory", "zip cut", "zip garbage", "zip not PK"}[what]);
        switch (what) {
            case 0 -> {
                return Bytes.flip(zip, 0, zip.length, 1 + r.nextInt(8), r);
            }
            case 1 -> {
                return cen < 0 || cen >= zip.length ? zip : Bytes.flip(zip, cen, zip.length, 1 + r.nextInt(4), r);
            }
            case 2 -> {
                return Arrays.copyOf(zip, r.nextInt(zip.length));
            }
            case 3 -> {
                byte[] g = new byte[1 + r.nextInt(1000)];
                r.nextBytes(g);
                byte[] out = Arrays.copyOf(zip, zip.length + g.length);
                System.arraycopy(g, 0, out, zip.length, g.length);
                return out;
            }
            default -> {
                byte[] out = zip.clone();
                out[0] = (byte) r.nextInt(256);
                return out;
            }
        }
    }

    /** A name safe to print in a report. */
    static final class EscapedName {
        static String of(String s) {
            String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
            StringBuilder b = new StringBuilder("\"");
            cut.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            return b.append('"').toString();
        }
    }
}
