package io.pitwall.ui.settings;

import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.PromDurations;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the endpoints dialog says about a field's text: empty when it is fine, else the reason in
 * the words the dialog shows under the field. Pure: no file or network is looked at here.
 */
final class Checks {

    /** A DNS-1123 label: namespaces and Service names. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    /** An IANA service name, as a Service port's name is. */
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Checks() {
    }

    static Optional<String> url(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.of("Enter the endpoint's URL, e.g. https://prometheus.example.com");
        }
        if (!t.startsWith("http://") && !t.startsWith("https://")) {
            return Optional.of("The URL must start with http:// or https://");
        }
        try {
            new EndpointTarget.Url(t);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            return Optional.of(m.startsWith("not an http") ? "Not a valid URL: " + t : capitalised(m) + ".");
        }
    }

    /** A namespace or a Service name. */
    static Optional<String> kubeName(String what, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.of("Enter the " + what + ".");
        }
        if (t.length() > 63 || !DNS_LABEL.matcher(t).matches()) {
            return Optional.of("Not a valid " + what + ": lower-case letters, digits and '-', at most 63.");
        }
        return Optional.empty();
    }

    /** A Service port: its number or its name. */
    static Optional<String> port(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.of("Enter the Service port, by number (9090) or name (web).");
        }
        if (t.chars().allMatch(Character::isDigit)) {
            int n;
            try {
                n = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                n = -1;
            }
            return n >= 1 && n <= 65535 ? Optional.empty() : Optional.of("A port number is 1 to 65535.");
        }
        return t.length() <= 15 && PORT_NAME.matcher(t).matches() ? Optional.empty()
                : Optional.of("Not a port name: lower-case letters, digits and '-', at most 15.");
    }

    static Optional<String> pathPrefix(String text) {
        String t = text.strip();
        return t.isEmpty() || t.startsWith("/") && !t.contains(" ") && !t.contains("?") ? Optional.empty()
                : Optional.of("A path prefix starts with / (\"/prometheus\" for Mimir), no spaces or query.");
    }

    static Optional<String> envName(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.of("Enter the environment variable's name.");
        }
        return ENV_NAME.matcher(t).matches() ? Optional.empty()
                : Optional.of("Not a variable name: letters, digits and '_', not starting with a digit.");
    }

    static Optional<String> required(String what, String text) {
        return text.isBlank() ? Optional.of("Enter the " + what + ".") : Optional.empty();
    }

    /** An optional scrape interval: "30s", "1m". */
    static Optional<String> duration(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return PromDurations.parse(t).filter(d -> !d.isZero() && !d.isNegative()).isPresent() ? Optional.empty()
                : Optional.of("Write a duration as Prometheus does: 15s, 1m, 1m30s.");
    }

    /**
     * The user's home as the shell sees it ({@code $HOME} when set, as the app's folders do), for
     * {@code ~/} in typed paths and where a file chooser starts.
     */
    static String home() {
        String env = System.getenv("HOME");
        return env != null && !env.isBlank() ? env : System.getProperty("user.home");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
