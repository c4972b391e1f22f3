package io.pitwall.connectors.security;

import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the security pane shows of a list of findings: filtered by severities, sources, rule,
 * namespace and free text (every word, case ignored, in the rule, title, message, namespace or
 * object), sorted, grouped by rule or object, and counted per severity. Pure and allocation-light:
 * 10,000 findings filter and sort in a few milliseconds.
 *
 * @param severities the severities shown; empty shows all
 * @param sources    the sources shown; empty shows all
 * @param rule       only this rule id; "" for any
 * @param namespace  only this namespace; "" for any
 * @param text       words each finding must contain; "" for none
 * @param objects    only findings about these objects (the workspace's selection and what it covers; a
 *                   Namespace covers every finding in it); empty for any
 */
public record SecurityFilter(Set<Severity> severities, Set<FindingSource> sources, String rule, String namespace, String text,
                             Set<KubeRef> objects) {

    /** Shows everything. */
    public static final SecurityFilter ALL = new SecurityFilter(Set.of(), Set.of(), "", "", "");

    /** A filter of any object. */
    public SecurityFilter(Set<Severity> severities, Set<FindingSource> sources, String rule, String namespace, String text) {
        this(severities, sources, rule, namespace, text, Set.of());
    }

    public SecurityFilter {
        severities = severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
        sources = sources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sources));
        rule = rule == null ? "" : rule.strip();
        namespace = namespace == null ? "" : namespace.strip();
        text = text == null ? "" : text.strip();
        objects = objects == null ? Set.of() : Set.copyOf(objects);
    }

    /** Only findings about {@code refs} (empty: any object). */
    public SecurityFilter withObjects(Collection<KubeRef> refs) {
        return new SecurityFilter(severities, sources, rule, namespace, text, Set.copyOf(refs));
    }

    public SecurityFilter withSeverities(Collection<Severity> s) {
        return new SecurityFilter(Set.copyOf(s), sources, rule, namespace, text, objects);
    }

    /** Severities at least as bad as {@code least}: {@code atLeast(HIGH)} shows CRITICAL and HIGH. */
    public SecurityFilter atLeast(Severity least) {
        EnumSet<Severity> s = EnumSet.noneOf(Severity.class);
        for (Severity v : Severity.values()) {
            if (v.compareTo(least) <= 0) {
                s.add(v);
            }
        }
        return withSeverities(s);
    }

    public SecurityFilter withSources(Collection<FindingSource> s) {
        return new SecurityFilter(severities, Set.copyOf(s), rule, namespace, text, objects);
    }

    public SecurityFilter withRule(String r) {
        return new SecurityFilter(severities, sources, r, namespace, text, objects);
    }

    public SecurityFilter withNamespace(String n) {
        return new SecurityFilter(severities, sources, rule, n, text, objects);
    }

    public SecurityFilter withText(String t) {
        return new SecurityFilter(severities, sources, rule, namespace, t, objects);
    }

    /** The findings this filter keeps, in their order. */
    public List<SecurityFinding> apply(List<SecurityFinding> all) {
        String[] words = text.isEmpty() ? new String[0] : text.toLowerCase(Locale.ROOT).split("\\s+");
        List<SecurityFinding> out = new ArrayList<>();
        for (SecurityFinding f : all) {
            if (matches(f, words)) {
                out.add(f);
            }
        }
        return out;
    }

    public boolean test(SecurityFinding f) {
        return matches(f, text.isEmpty() ? new String[0] : text.toLowerCase(Locale.ROOT).split("\\s+"));
    }

    private boolean matches(SecurityFinding f, String[] words) {
        if (!severities.isEmpty() && !severities.contains(f.severity())) {
            return false;
        }
        if (!sources.isEmpty() && !sources.contains(f.source())) {
            return false;
        }
        if (!rule.isEmpty() && !rule.equals(f.rule())) {
            return false;
        }
        if (!namespace.isEmpty() && !namespace.equals(f.namespace())) {
            return false;
        }
        if (!objects.isEmpty() && !(f.object() != null && objects.contains(f.object())
                || !f.namespace().isEmpty() && objects.contains(new KubeRef("Namespace", "", f.namespace())))) {
            return false;
        }
        for (String w : words) {
            if (!contains(f.rule(), w) && !contains(f.title(), w) && !contains(f.message(), w)
                    && !contains(f.namespace(), w) && !(f.object() != null && (contains(f.object().name(), w)
                    || contains(f.object().kind(), w)))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} contains {@code lowerWord}, case ignored, without making a lower-case copy. */
    static boolean contains(String s, String lowerWord) {
        int n = lowerWord.length();
        for (int i = 0, last = s.length() - n; i <= last; i++) {
            if (s.regionMatches(true, i, lowerWord, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** How findings are ordered. */
    public enum Sort {
        /** Most severe first, then newest, then by rule and object. */
        SEVERITY,
        /** Newest first (static findings last), then most severe. */
        TIME,
        /** By rule id, then most severe, then object. */
        RULE,
        /** By object (namespace, kind, name), then most severe, then rule. */
        OBJECT
    }

    private static final Comparator<Instant> NEWEST_FIRST = Comparator.nullsLast(Comparator.<Instant>reverseOrder());
    private static final Comparator<KubeRef> BY_OBJECT = Comparator.nullsLast(Comparator.comparing(KubeRef::namespace)
            .thenComparing(KubeRef::kind).thenComparing(KubeRef::name));
    private static final Comparator<SecurityFinding> BY_SEVERITY = Comparator.comparing(SecurityFinding::severity);

    public static Comparator<SecurityFinding> comparator(Sort sort) {
        Comparator<SecurityFinding> time = Comparator.comparing(SecurityFinding::time, NEWEST_FIRST);
        Comparator<SecurityFinding> rule = Comparator.comparing(SecurityFinding::rule);
        Comparator<SecurityFinding> object = Comparator.comparing(SecurityFinding::object, BY_OBJECT);
        Comparator<SecurityFinding> id = Comparator.comparing(SecurityFinding::id);
        return switch (sort) {
            case SEVERITY -> BY_SEVERITY.thenComparing(time).thenComparing(rule).thenComparing(object).thenComparing(id);
            case TIME -> time.thenComparing(BY_SEVERITY).thenComparing(rule).thenComparing(id);
            case RULE -> rule.thenComparing(BY_SEVERITY).thenComparing(object).thenComparing(id);
            case OBJECT -> object.thenComparing(BY_SEVERITY).thenComparing(rule).thenComparing(id);
        };
    }

    /** A sorted copy. */
    public static List<SecurityFinding> sort(List<SecurityFinding> findings, Sort sort) {
        List<SecurityFinding> out = new ArrayList<>(findings);
        out.sort(comparator(sort));
        return out;
    }

    /** Findings that share a rule or an object: the worst severity first, then the largest, then by key. */
    public record Group(String key, Severity worst, List<SecurityFinding> findings) {

        public int size() {
            return findings.size();
        }
    }

    /** Groups by rule id; within a group, most severe first. */
    public static List<Group> byRule(List<SecurityFinding> findings) {
        return group(findings, SecurityFinding::rule);
    }

    /** Groups by object ("Pod shop/web"; "(none)" for findings about no object); within a group, most severe first. */
    public static List<Group> byObject(List<SecurityFinding> findings) {
        return group(findings, f -> f.object() == null ? "(none)" : f.object().toString());
    }

    private static List<Group> group(List<SecurityFinding> findings, java.util.function.Function<SecurityFinding, String> key) {
        Map<String, List<SecurityFinding>> groups = new HashMap<>();
        for (SecurityFinding f : findings) {
            groups.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f);
        }
        List<Group> out = new ArrayList<>(groups.size());
        Comparator<SecurityFinding> within = comparator(Sort.SEVERITY);
        groups.forEach((k, list) -> {
            list.sort(within);
            out.add(new Group(k, list.getFirst().severity(), List.copyOf(list)));
        });
        out.sort(Comparator.comparing(Group::worst).thenComparing(Comparator.comparingInt(Group::size).reversed())
                .thenComparing(Group::key));
        return out;
    }

    /** How many findings of each severity (every severity present, zero or not). */
    public static Map<Severity, Integer> counts(List<SecurityFinding> findings) {
        int[] n = new int[Severity.values().length];
        for (SecurityFinding f : findings) {
            n[f.severity().ordinal()]++;
        }
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, n[s.ordinal()]);
        }
        return out;
    }
}
