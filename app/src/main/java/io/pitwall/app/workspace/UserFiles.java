package io.pitwall.app.workspace;

import io.pitwall.connectors.mapping.SignalMapping;
import io.pitwall.connectors.mapping.SignalMappings;
import io.pitwall.connectors.prometheus.EndpointSettings;
import io.pitwall.connectors.snapshot.RedactionFile;
import io.pitwall.connectors.snapshot.RedactionPattern;
import io.pitwall.ui.workspace.LayoutState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's files in the config folder: {@code settings.json}, {@code layout.json},
 * {@code endpoints.json} ({@link EndpointStore}) and {@code redaction.json}. Reads
 * happen before the window exists (off the FX thread); settings are written on the I/O
 * executor; the layout is written once, as the main window closes.
 */
public final class UserFiles {

    private static final Logger LOG = LoggerFactory.getLogger(UserFiles.class);

    private final JsonFiles<Settings> settings;
    private final JsonFiles<LayoutState> layout;
    private final EndpointStore endpoints;
    private final Path redaction;
    private final Executor io;
    private final Path mapping;

    private UserFiles(Path configDir, Executor io) {
        this.mapping = configDir.resolve("mapping.json");
        this.settings = new JsonFiles<>(configDir.resolve("settings.json"), Settings.class);
        this.layout = new JsonFiles<>(configDir.resolve("layout.json"), LayoutState.class);
        this.endpoints = new EndpointStore(configDir.resolve(EndpointSettings.FILE_NAME), io);
        this.redaction = configDir.resolve(RedactionFile.FILE_NAME);
        this.io = io;
    }

    /** @param io where writes run; tests pass a same-thread executor */
    public static UserFiles in(Path configDir, Executor io) {
        return new UserFiles(configDir, io);
    }

    /** Each context's metrics and alerts endpoints; empty until {@link EndpointStore#load()}. */
    public EndpointStore endpoints() {
        return endpoints;
    }

    /** The mapping read from {@code mapping.json}, and why it is the defaults when the file is bad. */
    public record Mapping(SignalMapping mapping, Optional<String> problem) {
    }

    /**
     * Reads {@code mapping.json} (how Prometheus labels and span attributes name Kubernetes
     * objects); a bad file gives the defaults and the reason, in words.
     */
    public Mapping readMapping() {
        try {
            return new Mapping(SignalMappings.read(mapping), Optional.empty());
        } catch (SignalMappings.BadMapping e) {
            LOG.warn("{}", e.getMessage());
            return new Mapping(SignalMapping.DEFAULTS, Optional.of(e.getMessage() + ". The default mapping is used."));
        }
    }

    /**
     * The user's redaction patterns ({@code redaction.json}, {@link RedactionFile}); none without
     * the file. Blocking: a capture reads it on its own thread, each time, so an edit applies to
     * the next capture. A file that is wrong throws, and the capture stops.
     */
    public List<RedactionPattern> readRedaction() throws IOException {
        return RedactionFile.read(redaction);
    }

    public Settings readSettings() {
        return settings.read().orElse(Settings.defaults());
    }

    public Optional<LayoutState> readLayout() {
        return layout.read();
    }

    public void saveSettingsLater(Settings value) {
        io.execute(() -> {
            try {
                settings.write(value);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not save settings to {}: {}", settings.file(), e.getMessage());
            }
        });
    }

    /** Writes the layout now: called as the main window closes, when there is no later. */
    public void saveLayoutNow(LayoutState value) {
        try {
            layout.write(value);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the layout to {}: {}", layout.file(), e.getMessage());
        }
    }
}
