package io.pitwall.connectors.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets in free text (a log line, a span's attribute, an annotation, a Falco event's output)
 * replaced by {@value #REDACTED} before they go into a bundle: private keys and certificates (PEM
 * blocks), cloud and platform keys (AWS, Google, GitHub, GitLab, Slack, Stripe), JWTs, bearer
 * tokens, {@code Authorization} and {@code Cookie} header values, Basic credentials, the password
 * of a connection string ({@code postgres://user:PASSWORD@host}), the value of a
 * {@code password=}, {@code secret:}, {@code api_key=}, {@code token=}... pair or of a
 * {@code --password VALUE} flag; then the values of environment variables known to come from
 * Secrets ({@code NAME=value}); then the user's own patterns ({@link RedactionPattern}). Each
 * replacement is counted by kind for the manifest; values are never counted or logged. A text with
 * nothing to hide comes back as the same String, cheaply. Immutable: one instance serves a capture.
 */
public final class TextRedaction {

    public static final String REDACTED = "<redacted>";

    private record Rule(String kind, Pattern pattern, int group, Predicate<String> accept) {

        Rule(String kind, String regex, int group) {
            this(kind, Pattern.compile(regex), group, s -> true);
        }
    }

    /** A value character of a {@code key=value} pair: not a space, quote, separator or escape. */
    private static final String VALUE = "[^\\s\"',;&}\\\\]";
    /** Not preceded by a letter or digit (an underscore may: {@code DB_PASSWORD}). */
    private static final String START = "(?<![A-Za-z0-9])";

    private static final List<Rule> BUILT_IN = List.of(
            new Rule("private-key", "-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?"
                    + "(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)", 0),
            new Rule("certificate", "-----BEGIN (?:TRUSTED |X509 )?CERTIFICATE-----[\\s\\S]*?"
                    + "(?:-----END (?:TRUSTED |X509 )?CERTIFICATE-----|$)", 0),
            new Rule("cloud-key", "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b", 0),
            new Rule("cloud-key", "\\bAIza[0-9A-Za-z_\\-]{35}\\b", 0),
            new Rule("token", "\\bgh[pousr]_[A-Za-z0-9]{36,}\\b", 0),
            new Rule("token", "\\bgithub_pat_[A-Za-z0-9_]{22,}", 0),
            new Rule("token", "\\bglpat-[A-Za-z0-9_-]{20,}", 0),
            new Rule("token", "\\bxox[abprs]-[A-Za-z0-9-]{10,}", 0),
            new Rule("token", "\\b[sr]k_live_[A-Za-z0-9]{16,}", 0),
            new Rule("jwt", "\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}", 0),
            new Rule("token", "(?i)\\bbearer\\s+([A-Za-z0-9._~+/=-]{16,})", 1),
            new Rule("authorization", Pattern.compile("(?i)" + START + "basic\\s+([A-Za-z0-9+/]{6,}={0,2})"), 1,
                    TextRedaction::isBasicCredential),
            new Rule("authorization", "(?i)" + START + "(?:proxy-)?authorization\"?\\s*[:=]\\s*\"?"
                    + "(?:(?:bearer|basic|token|apikey|negotiate|ntlm)\\s+)?([^\\s\"',;}\\]\\\\]{8,})", 1),
            new Rule("cookie", "(?i)(?<![A-Za-z0-9-])(?:set-)?cookie\"?\\s*[:=]\\s*\"?([^\\r\\n\"'\\\\]+)", 1),
            new Rule("connection-password", "\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/\\s@]+:([^@\\s/]+)@", 1),
            new Rule("password", "(?i)" + START + "--?(?:password|passwd|pass|token|secret|api[_-]?key|"
                    + "access[_-]?token|auth[_-]?token|client[_-]?secret)\\s+([^\\s\"'-][^\\s\"']*)", 1),
            new Rule("password", "(?i)" + START + "(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|"
                    + "access[_-]?key|secret[_-]?key|client[_-]?secret|auth[_-]?token|access[_-]?token|"
                    + "refresh[_-]?token|private[_-]?key|x-amz-signature|x-amz-security-token|sig)\"?\\s*[=:]\\s*\"?("
                    + VALUE + "{3,})", 1));

    /** Cheap screen: a text holding none of these cannot match a built-in rule. */
    private static final Pattern SCREEN = Pattern.compile(
            "(?i)PRIVATE KEY|CERTIFICATE|AKIA|ASIA|AIza|gh[pousr]_|github_pat|glpat|xox|k_live_|eyJ|bearer|basic|authori"
                    + "|cookie|://|pass|pwd|secret|key|token|sig");

    /** Keys (attribute, label, annotation, header names) whose whole value is a secret, by their last word. */
    private static final List<Rule> SECRET_KEYS = List.of(
            new Rule("authorization", "(?:^|_)(?:proxy_)?authorization$", 0),
            new Rule("cookie", "(?:^|_)(?:set_)?cookie$|(?:^|_)j?session_?id$", 0),
            new Rule("private-key", "(?:^|_)private_?key$", 0),
            new Rule("token", "(?:^|_)(?:token|api_?key|access_?key|bearer)$", 0),
            new Rule("password", "(?:^|_)(?:password|passwd|passphrase|pwd|secret|client_?secret|secret_?key"
                    + "|credentials?|dsn|connection_?string|conn_?str)$", 0));

    private static final TextRedaction STANDARD = new TextRedaction(List.of(), Set.of());

    private final List<RedactionPattern> custom;
    private final Set<String> secretEnv;
    private final List<Rule> extra;

    private TextRedaction(List<RedactionPattern> custom, Set<String> secretEnv) {
        this.custom = List.copyOf(custom);
        this.secretEnv = Set.copyOf(secretEnv);
        List<Rule> rules = new ArrayList<>();
        if (!secretEnv.isEmpty()) {
            String names = String.join("|", new TreeSet<>(secretEnv).stream().map(Pattern::quote).toList());
            rules.add(new Rule("env", "(?<![A-Za-z0-9_])(?:" + names + ")=(" + VALUE + "+)", 1));
        }
        custom.forEach(p -> rules.add(new Rule(p.kind(), p.pattern(), p.group(), s -> true)));
        this.extra = List.copyOf(rules);
    }

    /** The built-in rules only. */
    public static TextRedaction standard() {
        return STANDARD;
    }

    /** The built-in rules and the user's patterns. */
    public static TextRedaction of(List<RedactionPattern> custom) {
        return custom.isEmpty() ? STANDARD : new TextRedaction(custom, Set.of());
    }

    /** These rules, and the values of variables named {@code names} (those set from Secrets) as kind {@code env}. */
    public TextRedaction withSecretEnv(Collection<String> names) {
        Set<String> all = new TreeSet<>(secretEnv);
        names.stream().filter(n -> n != null && !n.isBlank()).forEach(all::add);
        return all.equals(secretEnv) ? this : new TextRedaction(custom, all);
    }

    /** The user's patterns. */
    public List<RedactionPattern> custom() {
        return custom;
    }

    /** Whether the variable {@code name} is known to be set from a Secret. */
    public boolean secretEnv(String name) {
        return name != null && secretEnv.contains(name);
    }

    /** {@code text} with the built-in rules applied; {@code counts} hears (kind, how many) for each kind found. */
    public static String redact(String text, ObjLongConsumer<String> counts) {
        return STANDARD.apply(text, counts);
    }

    /** {@code text} with its secrets replaced; {@code counts} hears (kind, how many) for each kind found. */
    public String apply(String text, ObjLongConsumer<String> counts) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (SCREEN.matcher(text).find()) {
            for (Rule rule : BUILT_IN) {
                out = apply(rule, out, counts);
            }
        }
        for (Rule rule : extra) {
            out = apply(rule, out, counts);
        }
        return out;
    }

    /**
     * The value of {@code key} (an attribute, label, annotation or header): whole when the key
     * names a secret ({@code password}, {@code db.password}, {@code http.request.header.authorization},
     * {@code x-api-key}, a variable set from a Secret...), else as {@link #apply} leaves it.
     */
    public String field(String key, String value, ObjLongConsumer<String> counts) {
        if (value == null || value.isEmpty() || value.equals(REDACTED)) {
            return value;
        }
        Optional<String> kind = secretEnv(key) ? Optional.of("env") : secretKeyKind(key);
        if (kind.isPresent() && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            counts.accept(kind.get(), 1);
            return REDACTED;
        }
        return apply(value, counts);
    }

    /**
     * The kind of secret a key's whole value is, by the key's last word ({@code dbPassword},
     * {@code DB_PASSWORD}, {@code db.password} and {@code proc.env[DB_PASSWORD]} alike); empty when
     * the key names no secret ({@code secretName}, {@code input_tokens}, {@code cache.key}).
     */
    public static Optional<String> secretKeyKind(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        String words = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        for (Rule r : SECRET_KEYS) {
            if (r.pattern().matcher(words).find()) {
                return Optional.of(r.kind());
            }
        }
        return Optional.empty();
    }

    /**
     * The lines of one stream (a container's log, oldest first) with their secrets replaced,
     * PEM blocks logged a line at a time included ({@link PemLines}).
     */
    public List<String> lines(List<String> lines, ObjLongConsumer<String> counts) {
        return PemLines.redact(lines, this, counts);
    }

    private static String apply(Rule rule, String text, ObjLongConsumer<String> counts) {
        Matcher m = rule.pattern().matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int last = 0;
        long n = 0;
        do {
            int from = m.start(rule.group());
            int to = m.end(rule.group());
            if (from < 0 || from == to || from < last || text.startsWith(REDACTED, from)
                    || !rule.accept().test(m.group(rule.group()))) {
                continue;
            }
            b.append(text, last, from).append(REDACTED);
            last = to;
            n++;
        } while (m.find());
        if (n == 0) {
            return text;
        }
        b.append(text, last, text.length());
        counts.accept(rule.kind(), n);
        return b.toString();
    }

    /** Whether {@code base64} decodes to {@code user:password}, as Basic credentials do. */
    private static boolean isBasicCredential(String base64) {
        try {
            String decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            return decoded.indexOf(':') > 0 && decoded.chars().noneMatch(c -> c < 0x20 || c == 0xfffd);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
