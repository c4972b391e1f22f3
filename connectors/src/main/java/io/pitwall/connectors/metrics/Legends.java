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
     * none). An empty template names the series by its labels ({@code {pod="a"}}).
     */
    public static String render(String template, Map<String, String> labels) {
        if (template == null || template.isEmpty()) {
            return new java.util.TreeMap<>(labels).toString();
        }
        Matcher m = LABEL.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(labels.getOrDefault(m.group(1), "")));
        }
        m.appendTail(b);
        return b.toString().strip();
    }
}
