package io.pitwall.ui.metrics;

import io.pitwall.connectors.model.MetricSeries;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A series' legend from a template of label names ("{{pod}}/{{container}}"), as Grafana writes them. */
public final class LegendFormat {

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");

    private LegendFormat() {
    }

    /**
     * Fills {@code template} from the series' labels; an empty template, or one whose fields are all
     * missing, gives the labels as PromQL writes them ({@code name{a="1"}}).
     */
    public static String format(String template, MetricSeries series) {
        Map<String, String> labels = series.labels();
        if (template != null && !template.isBlank()) {
            Matcher m = FIELD.matcher(template);
            StringBuilder out = new StringBuilder();
            boolean any = !FIELD.matcher(template).find();
            while (m.find()) {
                String v = labels.get(m.group(1));
                any |= v != null;
                m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
            }
            m.appendTail(out);
            if (any) {
                return out.toString();
            }
        }
        Map<String, String> rest = new TreeMap<>(labels);
        String name = rest.remove("__name__");
        String body = rest.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"").collect(Collectors.joining(", "));
        return (name == null ? "" : name) + (body.isEmpty() && name != null ? "" : "{" + body + "}");
    }
}
