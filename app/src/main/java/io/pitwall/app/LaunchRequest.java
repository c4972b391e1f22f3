package io.pitwall.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked the GUI to open: a kubeconfig context and files. It crosses
 * {@code Application.launch} as plain arguments ({@link #toArgs()}), parsed back by the command.
 */
public record LaunchRequest(Optional<String> context, List<Path> files) {

    public LaunchRequest {
        Objects.requireNonNull(context, "context");
        files = List.copyOf(files);
    }

    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        context.ifPresent(c -> args.add("--context=" + c));
        if (!files.isEmpty()) {
            args.add("--");
            files.forEach(f -> args.add(f.toString()));
        }
        return args;
    }
}
