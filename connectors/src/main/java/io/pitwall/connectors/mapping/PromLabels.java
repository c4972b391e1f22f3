package io.pitwall.connectors.mapping;

import java.util.Map;
import java.util.Set;

/**
 * The Prometheus label names of a pod's namespace, name and container and of a node, as the
 * cluster's scrape config writes them. kube-prometheus (cAdvisor through the kubelet, and
 * kube-state-metrics) writes {@code namespace}, {@code pod}, {@code container}, {@code node}.
 * Older or hand-written scrape configs often write {@code kubernetes_namespace},
 * {@code kubernetes_pod_name}, {@code container_name} instead.
 *
 * <p>{@link #rename} moves a query written with the defaults onto these names: the label names
 * in selectors, in {@code by}/{@code without}/{@code on}/{@code ignoring}/{@code group_left}/
 * {@code group_right} lists, and the {@code {{label}}} of legends. Metric names, label values
 * and strings are left alone.
 */
public record PromLabels(String namespace, String pod, String container, String node) {

    public static final PromLabels DEFAULTS = new PromLabels("namespace", "pod", "container", "node");

    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    public PromLabels {
        for (String name : new String[] {namespace, pod, container, node}) {
            if (name == null || !name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                throw new IllegalArgumentException("\"" + name + "\" is not a Prometheus label name");
            }
        }
    }

    private Map<String, String> renames() {
        return Map.of(DEFAULTS.namespace, namespace, DEFAULTS.pod, pod, DEFAULTS.container, container, DEFAULTS.node, node);
    }

    /** {@code promql}, written with the default label names, with these names instead. */
    public String rename(String promql) {
        if (equals(DEFAULTS)) {
            return promql;
        }
        Map<String, String> to = renames();
        StringBuilder out = new StringBuilder(promql.length() + 16);
        int braces = 0;
        int groupDepth = -1; // the paren depth of an open grouping list, or -1
        int parens = 0;
        String lastWord = "";
        int i = 0;
        while (i < promql.length()) {
            char c = promql.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = stringEnd(promql, i);
                out.append(promql, i, end);
                i = end;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < promql.length() && (Character.isLetterOrDigit(promql.charAt(end)) || promql.charAt(end) == '_'
                        || promql.charAt(end) == ':')) {
                    end++;
                }
                String word = promql.substring(i, end);
                boolean label = braces > 0 && followedByMatcher(promql, end) || groupDepth >= 0 && parens == groupDepth;
                out.append(label ? to.getOrDefault(word, word) : word);
                lastWord = word;
                i = end;
                continue;
            }
            switch (c) {
                case '{' -> braces++;
                case '}' -> braces = Math.max(0, braces - 1);
                case '(' -> {
                    parens++;
                    if (GROUPING.contains(lastWord) && groupDepth < 0) {
                        groupDepth = parens;
                    }
                }
                case ')' -> {
                    if (parens == groupDepth) {
                        groupDepth = -1;
                    }
                    parens = Math.max(0, parens - 1);
                }
                default -> { }
            }
            if (!Character.isWhitespace(c)) {
                lastWord = "";
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** A legend such as {@code {{pod}} in}, with these names. */
    public String renameLegend(String legend) {
        if (equals(DEFAULTS) || legend == null) {
            return legend;
        }
        String out = legend;
        for (Map.Entry<String, String> e : renames().entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", "{{" + e.getValue() + "}}");
        }
        return out;
    }

    private static boolean followedByMatcher(String s, int at) {
        int i = at;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i + 1 < s.length() && (s.charAt(i) == '=' || s.charAt(i) == '!' && (s.charAt(i + 1) == '=' || s.charAt(i + 1) == '~'));
    }

    private static int stringEnd(String s, int start) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return s.length();
    }
}
