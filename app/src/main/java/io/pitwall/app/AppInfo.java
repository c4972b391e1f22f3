package io.pitwall.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Pitwall was built as, from the filtered {@code version.properties}. */
public record AppInfo(String version, String build) {

    public static AppInfo load() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the Pitwall jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AppInfo(p.getProperty("version", "unknown"), p.getProperty("build", "unknown"));
    }

    /** One line for {@code pitwall --version}. */
    public String versionLine() {
        return "Pitwall " + version + " (build " + build + ", Java " + Runtime.version().feature() + ")";
    }
}
