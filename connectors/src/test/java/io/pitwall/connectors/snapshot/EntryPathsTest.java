package io.pitwall.connectors.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"manifest.json", "notes.md", "cluster/objects.json", "logs/entries.ndjson",
        "traces/traces.json", "security/events.ndjson", "alerts/alerts.json", "logs/kube-system/coredns-5d78c9869d-x2k4p.ndjson",
        "a/b/c/d_e-f.1.json", "_x", "console.json", "com10.json"})
    void safeNames(String name) {
        assertThat(EntryPaths.problem(name)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../a", "a/..", "/a", "\\a", "C:x", "a\\b", "a//b", "a/", "a\0", "a\nb", "a b",
        "caf\u00e9.json", "a/-rf", "AUX", "lpt1.txt", "a:b", "a*b", "a?b", "~", ".git/config", "x."})
    void unsafeNames(String name) {
        assertThat(EntryPaths.problem(name)).isNotNull();
    }

    @Test
    void longNamesAreUnsafe() {
        assertThat(EntryPaths.problem("a".repeat(255))).isNull();
        assertThat(EntryPaths.problem("a".repeat(256))).isEqualTo("the name is longer than 255 characters");
    }

    @Test
    void quotingKeepsMessagesOnOneLine() {
        assertThat(EntryPaths.quote("a\nb\"c")).isEqualTo("\"a\\u000ab\\u0022c\"");
        assertThat(EntryPaths.quote("x".repeat(500))).hasSize(123).endsWith("…\"");
    }
}
