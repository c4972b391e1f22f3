package io.pitwall.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Pitwall keeps its files for this user: settings and the saved layout in the config
 * folder, logs in the state folder. XDG base directories on Linux, the usual places elsewhere.
 * The system properties {@code pitwall.config.home} and {@code pitwall.state.home} override both
 * (tests point them into {@code target/}).
 */
public record AppDirs(Path config, Path state) {

    public static AppDirs forCurrentUser() {
        return resolve(System.getProperties().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> String.valueOf(e.getKey()),
                                e -> String.valueOf(e.getValue()))),
                System.getenv());
    }

    static AppDirs resolve(Map<String, String> sysProps, Map<String, String> env) {
        Path home = home(sysProps, env);
        String os = sysProps.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
        Path config;
        Path state;
        if (os.startsWith("windows")) {
            Path roaming = pathOr(env.get("APPDATA"), home.resolve("AppData/Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData/Local"));
            config = roaming.resolve("Pitwall");
            state = local.resolve("Pitwall");
        } else if (os.startsWith("mac")) {
            config = home.resolve("Library/Application Support/Pitwall");
            state = home.resolve("Library/Logs/Pitwall");
        } else {
            config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("pitwall");
            state = pathOr(env.get("XDG_STATE_HOME"), home.resolve(".local/state")).resolve("pitwall");
        }
        String configOverride = sysProps.get("pitwall.config.home");
        String stateOverride = sysProps.get("pitwall.state.home");
        return new AppDirs(configOverride != null ? Path.of(configOverride) : config,
                stateOverride != null ? Path.of(stateOverride) : state);
    }

    /**
     * The user's home as kubectl and the shell see it: {@code $HOME} when set (Java's
     * {@code user.home} comes from the password database and ignores it), except on Windows.
     */
    public static Path home(Map<String, String> sysProps, Map<String, String> env) {
        Path java = Path.of(sysProps.getOrDefault("user.home", "."));
        if (sysProps.getOrDefault("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return java;
        }
        return pathOr(env.get("HOME"), java);
    }

    /** The current user's home, as {@link #home(Map, Map)} says. */
    public static Path currentHome() {
        return home(Map.of("user.home", System.getProperty("user.home", "."), "os.name", System.getProperty("os.name", "")),
                System.getenv());
    }

    /** XDG says: a relative or empty value is invalid and must be ignored. */
    private static Path pathOr(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : fallback;
    }

    public Path logs() {
        return state.resolve("logs");
    }
}
