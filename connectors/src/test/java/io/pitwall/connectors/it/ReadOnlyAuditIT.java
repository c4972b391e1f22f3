package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.kube.KubeClients;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Pitwall is read-only: of everything the it tests made Pitwall send to the real kube-apiserver,
 * as the server's audit log recorded it (by Pitwall's User-Agent), nothing but get, list, watch
 * and access reviews. Runs after every other it test class of the module (failsafe orders classes
 * by {@link Order}); the window is this test JVM's lifetime, so earlier runs do not count.
 */
@Order(Integer.MAX_VALUE)
class ReadOnlyAuditIT {

    private final Backends backends = Backends.load();

    @Test
    void pitwallSentTheApiServerNothingButReads() {
        Instant since = ProcessHandle.current().info().startInstant().orElseThrow();
        List<ReadOnlyAudit.Request> seen = ReadOnlyAudit.assertOnlyReads(backends.auditLog(),
                KubeClients.USER_AGENT_PREFIX, since);
        // the suite's watchers listed and watched pods at least
        assertThat(seen).extracting(ReadOnlyAudit.Request::verb).contains("list", "watch");
    }
}
