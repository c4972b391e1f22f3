package io.pitwall.connectors.snapshot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks for canary secrets in every byte of a bundle: the file as it is, every entry of the zip
 * decompressed (whatever the manifest says), and what is compressed inside an entry (gzip, zip),
 * each in the forms a secret can take on the way: as planted (ignoring case, since a server may
 * lower-case a name), URL-encoded, and base64 (standard and URL-safe, at each of the three
 * alignments it can have inside a longer encoded text). Used by the canary tests.
 */
public final class CanaryScan {

    /** How deep compressed entries inside entries are opened. */
    private static final int MAX_DEPTH = 3;

    private CanaryScan() {
    }

    /** One form of a canary: its bytes, and whether case is ignored when looking for it. */
    private record Form(String canary, String label, byte[] bytes, boolean caseless) {
    }

    /** Where each canary was found: "NAME as FORM in WHERE"; empty when nowhere. */
    public static List<String> hits(Path bundle, Map<String, String> canaries) throws IOException {
        List<Form> forms = new ArrayList<>();
        canaries.forEach((name, value) -> forms(value).forEach((form, label) -> forms.add(new Form(name, label,
                (label.equals("base64") ? form : form.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8),
                !label.equals("base64")))));
        List<String> hits = new ArrayList<>();
        byte[] raw = Files.readAllBytes(bundle);
        scan("the file's raw bytes", raw, forms, hits);
        entries("", raw, 0, forms, hits);
        return hits;
    }

    /** The forms of {@code value} searched for, each with its label: planted, URL-encoded, base64. */
    public static Map<String, String> forms(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(value, "planted");
        out.putIfAbsent(URLEncoder.encode(value, StandardCharsets.UTF_8), "URL-encoded");
        out.putIfAbsent(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"), "URL-encoded");
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder enc : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            for (int shift = 0; shift < 3; shift++) {
                // the canary after `shift` bytes of something else: the characters wholly its own
                byte[] shifted = new byte[shift + bytes.length];
                System.arraycopy(bytes, 0, shifted, shift, bytes.length);
                String encoded = enc.withoutPadding().encodeToString(shifted);
                int from = (shift * 8 + 5) / 6;
                int to = ((shift + bytes.length) * 8) / 6;
                if (to - from >= 8) {
                    out.putIfAbsent(encoded.substring(from, to), "base64");
                }
            }
        }
        return out;
    }

    private static void entries(String prefix, byte[] zip, int depth, List<Form> forms, List<String> hits)
            throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                String where = prefix + e.getName();
                scan("entry " + where, bytes, forms, hits);
                scan("the name of entry " + where, e.getName().getBytes(StandardCharsets.UTF_8), forms, hits);
                nested(where, bytes, depth, forms, hits);
            }
        }
    }

    private static void nested(String where, byte[] bytes, int depth, List<Form> forms, List<String> hits)
            throws IOException {
        if (depth >= MAX_DEPTH || bytes.length < 4) {
            return;
        }
        if ((bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                byte[] inner = gz.readAllBytes();
                scan("gzip inside " + where, inner, forms, hits);
                nested(where + " (gunzipped)", inner, depth + 1, forms, hits);
            }
        } else if (bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            entries(where + "!/", bytes, depth + 1, forms, hits);
        }
    }

    private static void scan(String where, byte[] bytes, List<Form> forms, List<String> hits) {
        byte[] lower = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.ISO_8859_1);
        for (Form f : forms) {
            if (indexOf(f.caseless() ? lower : bytes, f.bytes()) >= 0) {
                hits.add(f.canary() + " as " + f.label() + " in " + where);
            }
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The text of every entry, for assertions on what must survive. */
    public static String text(Path bundle) throws IOException {
        StringBuilder b = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                b.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return b.toString();
    }

}
