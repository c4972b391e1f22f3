package io.pitwall.app.workspace;

import io.pitwall.app.demo.DemoIncident;
import io.pitwall.connectors.session.FileSessions;
import io.pitwall.connectors.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Files into sessions, on the background executor: a bundle or kubectl/Prometheus JSON, or the bundled demo. */
final class SessionFiles {

    private SessionFiles() {
    }

    /** Opens {@code file} (a bundle is verified entry by entry); fails with a message fit for the user. */
    static CompletableFuture<Session> open(Path file, Executor background) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return FileSessions.open(file);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, background);
    }

    /** Copies the demo incident that ships with Pitwall into a temporary file (deleted at exit). */
    static CompletableFuture<Path> extractDemo(Executor background) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Path dir = Files.createTempDirectory("pitwall-demo");
                Path file = DemoIncident.extractTo(dir);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                return file;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, background);
    }

    /** The failure itself, not the CompletionException around it. */
    static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
