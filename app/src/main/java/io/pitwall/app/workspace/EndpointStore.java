package io.pitwall.app.workspace;

import io.pitwall.connectors.Errors;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.EndpointSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every context's metrics and alerts endpoints ({@value EndpointSettings#FILE_NAME} in the config
 * folder), as read at start-up and as the endpoints dialog changes them. A change is used at once
 * (the next connect gets it, a typed secret that is not to be saved included) and written on the
 * I/O executor; the file holds only what {@link EndpointSettings#write} lets it (a typed secret
 * only when the user asked, and then the file is readable by its owner only).
 */
public final class EndpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointStore.class);

    private final Path file;
    private final Executor io;
    private volatile EndpointSettings settings = EndpointSettings.empty();
    /** The file was there but could not be read: it is kept aside before it is replaced. */
    private volatile boolean unreadable;

    EndpointStore(Path file, Executor io) {
        this.file = file;
        this.io = io;
    }

    public Path file() {
        return file;
    }

    /** Reads the file now: call it off the FX thread, before the window needs it. A broken file is logged and not used. */
    public void load() {
        try {
            settings = EndpointSettings.read(file);
            unreadable = false;
        } catch (IOException | RuntimeException e) {
            // the panes say "not connected"; the log says why the file was not used
            unreadable = true;
            LOG.warn("{} was not read: {}", file, Errors.firstLine(e));
        }
    }

    /** The endpoints of {@code context}; none when it has none. */
    public ContextEndpoints of(String context) {
        return settings.of(context);
    }

    /**
     * Keeps {@code endpoints} as {@code context}'s from now on and writes the file on the I/O
     * executor. The future completes with the file written, or fails with the reason.
     */
    public CompletableFuture<Path> save(String context, ContextEndpoints endpoints) {
        synchronized (this) {
            settings = settings.with(context, endpoints);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (unreadable && Files.exists(file)) {
                    Path aside = file.resolveSibling(file.getFileName() + ".broken");
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                    LOG.warn("{} could not be read; kept as {} and written anew", file, aside);
                }
                unreadable = false;
                settings.write(file);
                return file;
            } catch (IOException e) {
                LOG.warn("could not save {}: {}", file, Errors.firstLine(e));
                throw new CompletionException(e);
            }
        }, io);
    }
}
