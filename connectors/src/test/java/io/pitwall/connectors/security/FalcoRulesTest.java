package io.pitwall.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Falco's published rules describe their events: every rule of the three files, with its words. */
class FalcoRulesTest {

    @Test
    void theTerminalShellRuleIsDescribedAndUnknownRulesAreNot() {
        assertThat(FalcoRules.all()).hasSize(93);
        FalcoRules.Rule shell = FalcoRules.of("Terminal shell in container").orElseThrow();
        assertThat(shell.description()).startsWith("A shell was used as the entrypoint/exec point into a container");
        assertThat(shell.tier()).isEqualTo("stable");
        assertThat(shell.tags()).contains("container", "shell");
        assertThat(FalcoRules.of("A rule someone wrote locally")).isEmpty();
    }
}
