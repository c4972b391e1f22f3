package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-only audit check on real kube-apiserver 1.20 audit events (test resources
 * {@code audit/}): Pitwall's reads pass, its writes fail and are listed, anyone else's requests
 * do not count, and a check that sees nothing fails.
 */
class ReadOnlyAuditTest {

    private static final String PITWALL = "pitwall/";
    private static final Instant BEFORE_ALL = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path dir;

    private Path log(String... fixtures) throws IOException {
        return write("audit.log", fixtures);
    }

    private Path write(String name, String... fixtures) throws IOException {
        Path file = dir.resolve(name);
        Files.createFile(file);
        for (String f : fixtures) {
            Files.write(file, fixture(f), StandardOpenOption.APPEND);
        }
        return file;
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ReadOnlyAuditTest.class.getResourceAsStream("/audit/" + name)) {
            assertThat(in).as("test resource audit/" + name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void readsAndAccessReviewsPassEachRequestOnce() throws IOException {
        List<ReadOnlyAudit.Request> seen = ReadOnlyAudit.assertOnlyReads(log("reads.log"), PITWALL, BEFORE_ALL);
        // GET /version, one SelfSubjectAccessReview, a LIST and a WATCH (two stages, one request)
        assertThat(seen).extracting(ReadOnlyAudit.Request::verb).containsExactly("get", "create", "list", "watch");
        assertThat(seen).allSatisfy(r -> assertThat(r.userAgent()).startsWith("pitwall/"));
    }

    @Test
    void pitwallsWritesFailAndAreEachListed() throws IOException {
        Path log = log("reads.log", "writes.log");
        assertThatThrownBy(() -> ReadOnlyAudit.assertOnlyReads(log, PITWALL, BEFORE_ALL))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("3 of the 7 requests Pitwall sent")
                .hasMessageContaining("CREATE /api/v1/namespaces/default/configmaps -> 201 (user pitwall-admin, User-Agent pitwall/0.1.0)")
                .hasMessageContaining("PATCH /api/v1/namespaces/default/configmaps/scratch-write -> 200")
                .hasMessageContaining("DELETE /api/v1/namespaces/default/configmaps/scratch-write -> 200")
                // the test's own setup (fabric8's User-Agent) and the controllers' writes are not Pitwall's
                .message().doesNotContain("CREATE /api/v1/namespaces ->").doesNotContain("kube-controller-manager");
    }

    @Test
    void filesRotatedOutBesideTheLogAreReadToo() throws IOException {
        write("audit-2026-11-25T08-53-30.000.log", "writes.log");
        Path log = log("reads.log");
        assertThatThrownBy(() -> ReadOnlyAudit.assertOnlyReads(log, PITWALL, BEFORE_ALL))
                .hasMessageContaining("3 of the 7 requests");
    }

    @Test
    void requestsBeforeTheWindowDoNotCount() throws IOException {
        Path log = log("reads.log", "writes.log");
        assertThatThrownBy(() -> ReadOnlyAudit.assertOnlyReads(log, PITWALL, Instant.parse("2026-11-25T08:54:00Z")))
                .hasMessageContaining("has no request from User-Agent pitwall/*");
        // a window that starts between the last read and the first write holds only writes
        assertThatThrownBy(() -> ReadOnlyAudit.assertOnlyReads(log, PITWALL, Instant.parse("2026-11-25T08:53:00Z")))
                .hasMessageContaining("3 of the 3 requests");
    }

    @Test
    void aLogWithoutPitwallsRequestsProvesNothing() throws IOException {
        Path log = log("reads.log");
        assertThatThrownBy(() -> ReadOnlyAudit.assertOnlyReads(log, "someone-else/", BEFORE_ALL))
                .hasMessageContaining("nothing was checked");
    }

    @Test
    void aMissingLogFails() {
        assertThatThrownBy(() -> ReadOnlyAudit.assertOnlyReads(dir.resolve("audit.log"), PITWALL, BEFORE_ALL))
                .hasMessageContaining("writes no audit log at " + dir.resolve("audit.log"));
    }

    @Test
    void onlyTheLastLineMayBeHalfWritten() throws IOException {
        Path log = log("reads.log");
        Files.writeString(log, "{\"kind\":\"Event\",\"apiVer", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(ReadOnlyAudit.assertOnlyReads(log, PITWALL, BEFORE_ALL)).hasSize(4);

        Files.write(log, fixture("writes.log"), StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ReadOnlyAudit.assertOnlyReads(log, PITWALL, BEFORE_ALL))
                .hasMessageContaining("line 8 is not JSON");
    }
}
