package io.pitwall.connectors.security;

import io.pitwall.connectors.kube.Redaction;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.SecurityFinding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes secret environment values out of a Falco event before it goes into a bundle, with the
 * rule Kubernetes objects use ({@link Redaction#secretLooking}): the value of an output field
 * {@code proc.env[NAME]} or {@code proc.aenv[NAME]} whose NAME looks secret, and in a
 * {@code proc.env} / {@code proc.aenv} field (the variables, {@code NAME=value} separated by
 * spaces) the value of each such variable. Each value taken out is also replaced wherever it
 * appears in the event's {@code output} and in the finding's message (Falco formats the fields
 * into its output). Other free text (a command line with a password in it) is kept as it is.
 */
final class FalcoRedaction {

    private static final Pattern ENV_KEY = Pattern.compile("proc\\.a?env\\[(.+)]");
    private static final Pattern ENV_LIST = Pattern.compile("(?<=^|\\s)([A-Za-z_][A-Za-z0-9_]*)=(\\S*)");
    /** Values shorter than this are redacted in their field but not searched for in the output text. */
    private static final int MIN_TEXT_VALUE = 4;

    private FalcoRedaction() {
    }

    /** A finding and how many values were taken out of it. */
    record Redacted(SecurityFinding finding, int count) {
    }

    /** {@code f} with secret environment values redacted; the same finding when nothing was. */
    static Redacted redact(SecurityFinding f) {
        return redact(f, Redaction::secretLooking);
    }

    /**
     * As {@link #redact(SecurityFinding)}, with {@code secret} saying which variables hold secrets
     * (those whose names look it, and those the pods set from Secrets).
     */
    static Redacted redact(SecurityFinding f, java.util.function.Predicate<String> secret) {
        if (f.source() != FindingSource.FALCO || !f.payload().contains("env")) {
            return new Redacted(f, 0);
        }
        JsonNode root;
        try {
            root = Trees.JSON.readTree(f.payload());
        } catch (JacksonException notJson) {
            return new Redacted(f, 0);
        }
        if (!(root instanceof ObjectNode event) || !(event.get("output_fields") instanceof ObjectNode fields)) {
            return new Redacted(f, 0);
        }
        Set<String> values = new LinkedHashSet<>();
        int count = 0;
        for (Map.Entry<String, JsonNode> e : new ArrayList<>(fields.properties())) {
            String key = e.getKey();
            String value = Trees.text(e.getValue());
            if (value.isEmpty() || value.equals(Redaction.REDACTED)) {
                continue;
            }
            Matcher one = ENV_KEY.matcher(key);
            if (one.matches() && secret.test(one.group(1))) {
                values.add(value);
                fields.put(key, Redaction.REDACTED);
                count++;
            } else if (key.equals("proc.env") || key.equals("proc.aenv")) {
                StringBuilder b = new StringBuilder();
                Matcher m = ENV_LIST.matcher(value);
                int n = 0;
                while (m.find()) {
                    if (secret.test(m.group(1)) && !m.group(2).isEmpty()
                            && !m.group(2).equals(Redaction.REDACTED)) {
                        values.add(m.group(2));
                        m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + "=" + Redaction.REDACTED));
                        n++;
                    }
                }
                if (n > 0) {
                    m.appendTail(b);
                    fields.put(key, b.toString());
                    count += n;
                }
            }
        }
        if (count == 0) {
            return new Redacted(f, 0);
        }
        List<String> longFirst = values.stream().filter(v -> v.length() >= MIN_TEXT_VALUE)
                .sorted((a, b) -> b.length() - a.length()).toList();
        if (event.get("output") != null && event.get("output").isString()) {
            event.put("output", replace(event.get("output").asString(), longFirst));
        }
        SecurityFinding out = new SecurityFinding(f.id(), f.severity(), f.source(), f.time(), f.rule(), f.title(),
                f.namespace(), f.object(), replace(f.message(), longFirst), replace(f.remediation(), longFirst),
                event.toString());
        return new Redacted(out, count);
    }

    private static String replace(String text, List<String> values) {
        String s = text;
        for (String v : values) {
            s = s.replace(v, Redaction.REDACTED);
        }
        return s;
    }
}
