package io.pitwall.connectors.traces;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Trace and span ids as lowercase hex: OTLP JSON writes hex, protobuf's JSON mapping base64. */
final class Ids {

    private static final HexFormat HEX = HexFormat.of();

    private Ids() {
    }

    /** Hex ids lowercased; a base64 id of 8 or 16 bytes in hex; anything else as it is ("" for null). */
    static String normalize(String id) {
        if (id == null) {
            return "";
        }
        boolean hex = !id.isEmpty() && id.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        if (id.length() == 12 || id.length() == 24) {
            try {
                byte[] bytes = Base64.getDecoder().decode(id);
                if (bytes.length == 8 || bytes.length == 16) {
                    return HEX.formatHex(bytes);
                }
            } catch (IllegalArgumentException e) {
                // not base64: hex or as it is
            }
        }
        return hex ? id.toLowerCase(Locale.ROOT) : id;
    }
}
