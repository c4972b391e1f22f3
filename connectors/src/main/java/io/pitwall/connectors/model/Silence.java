package io.pitwall.connectors.model;

import java.time.Instant;
import java.util.List;

/**
 * An Alertmanager silence ({@code /api/v2/silences}), read-only.
 *
 * @param state "active", "pending" or "expired"
 */
public record Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
                      String comment, String state) {

    public Silence {
        matchers = List.copyOf(matchers);
    }

    /** One label matcher: {@code name=value}, {@code !=}, {@code =~} or {@code !~}. */
    public record Matcher(String name, String value, boolean isRegex, boolean isEqual) {

        @Override
        public String toString() {
            return name + (isRegex ? (isEqual ? "=~" : "!~") : (isEqual ? "=" : "!=")) + "\"" + value + "\"";
        }
    }

    public boolean active() {
        return "active".equals(state);
    }
}
