package io.pitwall.connectors.metrics;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Series names from a legend template ("{{pod}}/{{container}}"), as Grafana writes them. */
public final class Legends {

    private static final Pattern LABEL = Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");

    private Legends() {
    }

    /**
     * The template with each {@code {{label}}} replaced by the series' value ("" when it has
     * none). An empty template, or one none of whose labels the series has, names the series as
     * PromQL writes it ({@code up{job="node"}}).
     */
    public static String render(String template, Map<String, String> labels) {
        if (template == null || template.isEmpty()) {
            return selector(labels);
        }
        Matcher m = LABEL.matcher(template);
        StringBuilder b = new StringBuilder();
        boolean fields = false;
        boolean filled = false;
        while (m.find()) {
            fields = true;
            String v = labels.get(m.group(1));
            filled |= v != null;
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(b);
        return fields && !filled && !labels.isEmpty() ? selector(labels) : b.toString().strip();
    }

    /** {@code name{a="1", b="2"}}, labels sorted, as PromQL writes a series. */
    public static String selector(Map<String, String> labels) {
        java.util.TreeMap<String, String> rest = new java.util.TreeMap<>(labels);
        String name = rest.remove("__name__");
        StringBuilder b = new StringBuilder(name == null ? "" : name);
        if (name == null || !rest.isEmpty()) {
            b.append('{');
            rest.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '{' ? "" : ", ").append(k).append("=\"")
                    .append(v).append('"'));
            b.append('}');
        }
        return b.toString();
    }
}
