package io.pitwall.connectors.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer as a reader sees it: status, content type and the body as a stream (read it
 * once; the transport closes it).
 *
 * @param endpoint the endpoint as people read it (no credentials), for messages
 */
public record HttpReply(String endpoint, int code, String contentType, InputStream body) {

    public boolean successful() {
        return code >= 200 && code < 300;
    }

    /** The start of the body as text, one line, for an error message. */
    public String bodySnippet() {
        try {
            byte[] head = body.readNBytes(300);
            String s = new String(head, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            return head.length == 300 ? s + "..." : s;
        } catch (IOException e) {
            return "";
        }
    }

    /** Reads a reply into a value; may throw a checked exception of the caller's. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(HttpReply reply) throws Exception;
    }
}
