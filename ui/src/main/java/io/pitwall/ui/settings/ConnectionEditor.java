package io.pitwall.ui.settings;

import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.prometheus.PromDurations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/**
 * An endpoint's connection details beyond where and who: how long to wait to connect and for an
 * answer, and extra headers that hold no secret (a Mimir, Cortex or Loki tenant's
 * {@code X-Scope-OrgID}), one {@code Name: value} a line.
 */
final class ConnectionEditor {

    /** RFC 9110's token: what a header name may be made of. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Duration LONGEST = Duration.ofMinutes(10);

    final TextField connectTimeout = new TextField();
    final TextField readTimeout = new TextField();
    final TextArea headers = new TextArea();
    private final Form.Row connectRow;
    private final Form.Row readRow;
    private final Form.Row headersRow;

    ConnectionEditor(Form form, String prefix, Runnable changed) {
        connectTimeout.setId(prefix + "-connect-timeout");
        readTimeout.setId(prefix + "-read-timeout");
        headers.setId(prefix + "-headers");
        connectTimeout.setPromptText(PromDurations.format(HttpSettings.CONNECT_TIMEOUT));
        readTimeout.setPromptText(PromDurations.format(HttpSettings.READ_TIMEOUT));
        headers.setPromptText("X-Scope-OrgID: tenant-1");
        headers.setPrefRowCount(2);
        form.section("Connection");
        connectRow = form.row("Connect timeout", connectTimeout);
        readRow = form.row("Answer timeout", readTimeout);
        headersRow = form.row("Headers", headers);
        for (var f : List.of(connectTimeout, readTimeout, headers)) {
            f.textProperty().addListener((o, a, b) -> changed.run());
        }
    }

    void load(HttpSettings http) {
        connectTimeout.setText(http.connectTimeout().equals(HttpSettings.CONNECT_TIMEOUT) ? ""
                : PromDurations.format(http.connectTimeout()));
        readTimeout.setText(http.readTimeout().equals(HttpSettings.READ_TIMEOUT) ? "" : PromDurations.format(http.readTimeout()));
        StringBuilder text = new StringBuilder();
        http.headers().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(h -> text.append(text.isEmpty() ? "" : "\n").append(h.getKey()).append(": ").append(h.getValue()));
        headers.setText(text.toString());
    }

    /** Says what is wrong under each field; true when every one is fine. */
    boolean validate() {
        connectRow.say(Form.Severity.ERROR, timeoutProblem(connectTimeout.getText()));
        readRow.say(Form.Severity.ERROR, timeoutProblem(readTimeout.getText()));
        headersRow.say(Form.Severity.ERROR, headers(headers.getText()).problem());
        if (headersRow.error().isEmpty()) {
            headersRow.say(Form.Severity.INFO, Optional.of(
                    "Sent with every request and saved in endpoints.json: no secrets here (use Authentication)."));
        }
        return firstError().isEmpty();
    }

    Optional<String> firstError() {
        return connectRow.error().or(readRow::error).or(headersRow::error);
    }

    /** {@code base} with these timeouts and headers, when they are valid. */
    Optional<HttpSettings> apply(HttpSettings base) {
        if (!validate()) {
            return Optional.empty();
        }
        Duration connect = timeout(connectTimeout.getText()).orElse(HttpSettings.CONNECT_TIMEOUT);
        Duration read = timeout(readTimeout.getText()).orElse(HttpSettings.READ_TIMEOUT);
        return Optional.of(new HttpSettings(connect, read, base.auth(), base.tls(), headers(headers.getText()).values()));
    }

    private static Optional<Duration> timeout(String text) {
        return text.isBlank() ? Optional.empty() : PromDurations.parse(text.strip());
    }

    private static Optional<String> timeoutProblem(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        Optional<Duration> d = PromDurations.parse(text.strip()).filter(t -> !t.isZero() && !t.isNegative());
        if (d.isEmpty()) {
            return Optional.of("Write a duration as Prometheus does: 5s, 1m, 1m30s.");
        }
        return d.get().compareTo(LONGEST) > 0 ? Optional.of("At most 10m: a dead server should not hold a pane longer.")
                : Optional.empty();
    }

    /** The headers typed, or what is wrong with them. */
    record Parsed(Map<String, String> values, Optional<String> problem) {
    }

    static Parsed headers(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String where = "Line " + (i + 1) + ": ";
            if (colon <= 0) {
                return new Parsed(Map.of(), Optional.of(where + "write a header as Name: value."));
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!TOKEN.matcher(name).matches()) {
                return new Parsed(Map.of(), Optional.of(where + "'" + name + "' is not a header name."));
            }
            if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")
                    || name.equalsIgnoreCase("Cookie")) {
                return new Parsed(Map.of(), Optional.of(where + name
                        + " holds a secret: set it under Authentication, where it is never saved in plain text unless asked."));
            }
            if (values.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                return new Parsed(Map.of(), Optional.of(where + name + " is already set above."));
            }
            if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return new Parsed(Map.of(), Optional.of(where + "the value of " + name + " has a control character."));
            }
            values.put(name, value);
        }
        return new Parsed(values, Optional.empty());
    }
}
