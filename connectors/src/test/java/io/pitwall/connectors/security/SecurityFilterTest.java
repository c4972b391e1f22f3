package io.pitwall.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filtering, sorting, grouping and counting findings. */
class SecurityFilterTest {

    static final Instant T = Instant.parse("2026-11-02T10:00:00Z");

    static SecurityFinding f(String id, Severity s, FindingSource src, Instant t, String rule, KubeRef o, String message) {
        return new SecurityFinding(id, s, src, t, rule, rule, null, o, message, "", "{}");
    }

    static final KubeRef WEB = new KubeRef("Pod", "shop", "web");
    static final KubeRef DB = new KubeRef("Pod", "data", "db");
    static final List<SecurityFinding> SOME = List.of(
            f("a", Severity.LOW, FindingSource.POSTURE, null, "pod.no-resource-limits", WEB, "Container 'app' has no cpu limit"),
            f("b", Severity.CRITICAL, FindingSource.FALCO, T, "Terminal shell in container", WEB, "A shell was spawned"),
            f("c", Severity.HIGH, FindingSource.TRIVY, T.minusSeconds(60), "CVE-2021-3121", DB, "gogo/protobuf v1.3.1"),
            f("d", Severity.CRITICAL, FindingSource.POSTURE, null, "pss.baseline.privileged", DB, "Container 'pg' is privileged"),
            f("e", Severity.MEDIUM, FindingSource.POLICY_REPORT, T.plusSeconds(5), "api-server:basic-auth-file", null,
                    "ensure that --basic-auth-file argument is not set"));

    static List<String> ids(List<SecurityFinding> l) {
        return l.stream().map(SecurityFinding::id).toList();
    }

    @Test
    void filtersBySeveritySourceRuleNamespaceAndWords() {
        assertThat(ids(SecurityFilter.ALL.apply(SOME))).containsExactly("a", "b", "c", "d", "e");
        assertThat(ids(SecurityFilter.ALL.atLeast(Severity.HIGH).apply(SOME))).containsExactly("b", "c", "d");
        assertThat(ids(SecurityFilter.ALL.withSources(Set.of(FindingSource.POSTURE)).apply(SOME))).containsExactly("a", "d");
        assertThat(ids(SecurityFilter.ALL.withRule("CVE-2021-3121").apply(SOME))).containsExactly("c");
        assertThat(ids(SecurityFilter.ALL.withNamespace("shop").apply(SOME))).containsExactly("a", "b");
        // every word, case ignored, in rule, title, message, namespace or object
        assertThat(ids(SecurityFilter.ALL.withText("SHELL web").apply(SOME))).containsExactly("b");
        assertThat(ids(SecurityFilter.ALL.withText("data").apply(SOME))).containsExactly("c", "d");
        assertThat(ids(SecurityFilter.ALL.withText("  basic-auth ").apply(SOME))).containsExactly("e");
        assertThat(ids(SecurityFilter.ALL.withText("nothing-like-this").apply(SOME))).isEmpty();
        assertThat(SecurityFilter.ALL.withNamespace("data").atLeast(Severity.CRITICAL).test(SOME.get(3))).isTrue();
    }

    @Test
    void sorts() {
        assertThat(ids(SecurityFilter.sort(SOME, SecurityFilter.Sort.SEVERITY))).containsExactly("b", "d", "c", "e", "a");
        assertThat(ids(SecurityFilter.sort(SOME, SecurityFilter.Sort.TIME))).containsExactly("e", "b", "c", "d", "a");
        assertThat(ids(SecurityFilter.sort(SOME, SecurityFilter.Sort.RULE))).containsExactly("c", "b", "e", "a", "d");
        // by namespace ("" for no object sorts last: nulls last), kind, name
        assertThat(ids(SecurityFilter.sort(SOME, SecurityFilter.Sort.OBJECT))).containsExactly("d", "c", "b", "a", "e");
    }

    @Test
    void groupsByRuleAndByObject() {
        List<SecurityFilter.Group> byObject = SecurityFilter.byObject(SOME);
        assertThat(byObject).extracting(SecurityFilter.Group::key).containsExactly("Pod data/db", "Pod shop/web", "(none)");
        assertThat(byObject.getFirst().worst()).isEqualTo(Severity.CRITICAL);
        assertThat(ids(byObject.get(1).findings())).containsExactly("b", "a");
        assertThat(SecurityFilter.byRule(SOME)).extracting(SecurityFilter.Group::key).containsExactly(
                "Terminal shell in container", "pss.baseline.privileged", "CVE-2021-3121", "api-server:basic-auth-file",
                "pod.no-resource-limits");
    }

    @Test
    void countsPerSeverity() {
        assertThat(SecurityFilter.counts(SOME)).isEqualTo(Map.of(Severity.CRITICAL, 2, Severity.HIGH, 1, Severity.MEDIUM, 1,
                Severity.LOW, 1, Severity.INFO, 0));
    }

    @Test
    void tenThousandFindingsFilterSortAndGroup() {
        List<SecurityFinding> many = FindingGenerator.generate(10_000, 7);
        List<SecurityFinding> shown = SecurityFilter.ALL.atLeast(Severity.HIGH).withText("team-3").apply(many);
        assertThat(shown).isNotEmpty().allSatisfy(f -> {
            assertThat(f.severity()).isLessThanOrEqualTo(Severity.HIGH);
            assertThat(f.namespace() + f.message()).contains("team-3");
        });
        List<SecurityFinding> sorted = SecurityFilter.sort(many, SecurityFilter.Sort.SEVERITY);
        assertThat(sorted).isSortedAccordingTo(SecurityFilter.comparator(SecurityFilter.Sort.SEVERITY));
        assertThat(SecurityFilter.byRule(many).stream().mapToInt(SecurityFilter.Group::size).sum()).isEqualTo(10_000);
        assertThat(SecurityFilter.counts(many).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
    }

    @Test
    void severityWordsOfEveryTool() {
        assertThat(Severity.ofFalcoPriority("Emergency")).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.ofFalcoPriority("Alert")).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.ofFalcoPriority("Error")).isEqualTo(Severity.HIGH);
        assertThat(Severity.ofFalcoPriority("warning")).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.ofFalcoPriority("Notice")).isEqualTo(Severity.LOW);
        assertThat(Severity.ofFalcoPriority("Informational")).isEqualTo(Severity.INFO);
        assertThat(Severity.ofFalcoPriority("Debug")).isEqualTo(Severity.INFO);
        assertThat(Severity.parse("CRITICAL")).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.parse("UNKNOWN")).isEqualTo(Severity.INFO);
        assertThat(Severity.parse("medium")).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.parse(null)).isEqualTo(Severity.INFO);
        assertThat(Severity.CRITICAL).isLessThan(Severity.INFO);
    }
}
