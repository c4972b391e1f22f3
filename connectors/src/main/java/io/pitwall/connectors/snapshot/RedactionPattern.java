package io.pitwall.connectors.snapshot;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pattern of the user's whose matches a capture redacts, besides the built-in ones
 * ({@link TextRedaction}): from {@code redaction.json} ({@link RedactionFile}) or
 * {@code pitwall capture --redact NAME=REGEX}. With a named group {@value #GROUP}
 * ({@code token=(?<secret>[a-z0-9]+)}) only that group is replaced, otherwise the whole match.
 * The manifest counts its replacements as kind {@code custom:NAME}, never the values.
 *
 * @param name    what the manifest calls it: letters, digits, {@code . _ -}, at most 64
 * @param pattern a Java regular expression that matches no empty text
 */
public record RedactionPattern(String name, Pattern pattern) {

    /** The named group that, when the pattern has it, is the only part replaced. */
    public static final String GROUP = "secret";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public RedactionPattern {
        Objects.requireNonNull(pattern, "pattern");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the pattern name '" + name
                    + "' is not a name: letters, digits, '.', '_' and '-', at most 64");
        }
        if (pattern.matcher("").matches()) {
            throw new IllegalArgumentException("pattern " + name + " matches empty text: it must match the secret itself");
        }
    }

    /** The pattern {@code name} of the regular expression {@code regex}; a bad one says why in one line. */
    public static RedactionPattern of(String name, String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("pattern " + name + " has no regular expression");
        }
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern " + name + ": '" + regex + "' is not a regular expression: "
                    + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
        return new RedactionPattern(name, p);
    }

    /** {@code NAME=REGEX}, as {@code --redact} takes it (the first {@code =} ends the name). */
    public static RedactionPattern parse(String spec) {
        int eq = spec == null ? -1 : spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + spec + "' is not NAME=REGEX");
        }
        return of(spec.substring(0, eq), spec.substring(eq + 1));
    }

    /** The manifest's kind for this pattern's replacements. */
    public String kind() {
        return "custom:" + name;
    }

    /** The group replaced: {@value #GROUP} when the pattern names one, else the whole match (0). */
    int group() {
        return pattern.namedGroups().containsKey(GROUP) ? pattern.namedGroups().get(GROUP) : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RedactionPattern p && p.name.equals(name) && p.pattern.pattern().equals(pattern.pattern())
                && p.pattern.flags() == pattern.flags();
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, pattern.pattern(), pattern.flags());
    }

    @Override
    public String toString() {
        return name + "=" + pattern.pattern();
    }
}
