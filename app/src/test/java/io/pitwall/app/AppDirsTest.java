package io.pitwall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {

    private static final Map<String, String> LINUX = Map.of("os.name", "Linux", "user.home", "/home/ada");

    @Test
    void linuxDefaultsToXdgFallbacks() {
        AppDirs d = AppDirs.resolve(LINUX, Map.of());
        assertThat(d.config()).isEqualTo(Path.of("/home/ada/.config/pitwall"));
        assertThat(d.state()).isEqualTo(Path.of("/home/ada/.local/state/pitwall"));
        assertThat(d.logs()).isEqualTo(Path.of("/home/ada/.local/state/pitwall/logs"));
    }

    @Test
    void linuxHonoursAbsoluteXdgVariablesAndIgnoresRelativeOnes() {
        AppDirs d = AppDirs.resolve(LINUX, Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "rel/state"));
        assertThat(d.config()).isEqualTo(Path.of("/cfg/pitwall"));
        assertThat(d.state()).isEqualTo(Path.of("/home/ada/.local/state/pitwall"));
    }

    @Test
    void systemPropertiesOverrideEverything() {
        AppDirs d = AppDirs.resolve(Map.of("os.name", "Linux", "user.home", "/home/ada",
                "pitwall.config.home", "/tmp/c", "pitwall.state.home", "/tmp/s"), Map.of("XDG_CONFIG_HOME", "/cfg"));
        assertThat(d.config()).isEqualTo(Path.of("/tmp/c"));
        assertThat(d.state()).isEqualTo(Path.of("/tmp/s"));
    }

    @Test
    void windowsAndMacUseTheirOwnFolders() {
        AppDirs w = AppDirs.resolve(Map.of("os.name", "Windows 11", "user.home", "C:\\Users\\ada"),
                Map.of("APPDATA", "/roaming", "LOCALAPPDATA", "/local"));
        assertThat(w.config()).isEqualTo(Path.of("/roaming/Pitwall"));
        assertThat(w.state()).isEqualTo(Path.of("/local/Pitwall"));
        AppDirs m = AppDirs.resolve(Map.of("os.name", "Mac OS X", "user.home", "/Users/ada"), Map.of());
        assertThat(m.config()).isEqualTo(Path.of("/Users/ada/Library/Application Support/Pitwall"));
    }

    @Test
    void homeIsTheShellsAsKubectlSeesIt() {
        // Java's user.home comes from the password database; $HOME wins, as it does for kubectl
        assertThat(AppDirs.home(LINUX, Map.of("HOME", "/tmp/elsewhere"))).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(AppDirs.resolve(LINUX, Map.of("HOME", "/tmp/elsewhere")).config())
                .isEqualTo(Path.of("/tmp/elsewhere/.config/pitwall"));
        assertThat(AppDirs.home(LINUX, Map.of("HOME", ""))).isEqualTo(Path.of("/home/ada"));
        assertThat(AppDirs.home(LINUX, Map.of("HOME", "relative"))).isEqualTo(Path.of("/home/ada"));
        assertThat(AppDirs.home(Map.of("os.name", "Windows 11", "user.home", "C:\\Users\\ada"), Map.of("HOME", "/x")))
                .isEqualTo(Path.of("C:\\Users\\ada"));
    }
}
