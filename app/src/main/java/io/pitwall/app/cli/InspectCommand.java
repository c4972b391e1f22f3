package io.pitwall.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleEntry;
import io.pitwall.connectors.snapshot.BundleException;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code pitwall inspect FILE}: opens an incident bundle, verifies it (every checksum and limit)
 * and prints a JSON summary of what it holds. A bad bundle is one line and exit code 2.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Verify an incident bundle and print a JSON summary of what it holds.")
public final class InspectCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(paramLabel = "FILE", description = "the incident bundle (.pitwall)")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
        }
        try (Bundle bundle = BundleReader.open(file)) {
            spec.commandLine().getOut().println(JSON.writeValueAsString(summary(bundle)));
            return 0;
        } catch (BundleException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static ObjectNode summary(Bundle bundle) {
        BundleManifest m = bundle.manifest();
        ObjectNode root = JSON.createObjectNode();
        root.put("file", bundle.file().toString());
        root.setAll(m.toJsonTree());
        root.put("checksums", "verified");
        root.put("totalBytes", m.entries().stream().mapToLong(BundleEntry::size).sum());
        ObjectNode signals = root.putObject("signals");
        for (Signal s : Signal.values()) {
            String prefix = s.bundleFolder() + "/";
            long count = m.entries().stream().filter(e -> e.path().startsWith(prefix)).count();
            long bytes = m.entries().stream().filter(e -> e.path().startsWith(prefix)).mapToLong(BundleEntry::size).sum();
            ObjectNode sig = signals.putObject(s.name().toLowerCase(Locale.ROOT));
            sig.put("present", OfflineSession.holds(m, s));
            sig.put("entries", count);
            sig.put("bytes", bytes);
        }
        return root;
    }
}
