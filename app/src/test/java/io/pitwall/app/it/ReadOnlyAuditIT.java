package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.it.Backends;
import io.pitwall.connectors.it.ReadOnlyAudit;
import io.pitwall.connectors.kube.KubeClients;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The app's it tests, too, made Pitwall send the real kube-apiserver nothing but reads (the
 * audit log's requests of Pitwall's User-Agent since this test JVM started). Runs last.
 */
@Order(Integer.MAX_VALUE)
class ReadOnlyAuditIT {

    private final Backends backends = Backends.load();

    @Test
    void theMainWindowSentTheApiServerNothingButReads() {
        Instant since = ProcessHandle.current().info().startInstant().orElseThrow();
        List<ReadOnlyAudit.Request> seen = ReadOnlyAudit.assertOnlyReads(backends.auditLog(), KubeClients.USER_AGENT_PREFIX, since);
        // the main window listed the cluster (its watches are logged when they end, maybe after this test)
        assertThat(seen).extracting(ReadOnlyAudit.Request::verb).contains("list");
    }
}
