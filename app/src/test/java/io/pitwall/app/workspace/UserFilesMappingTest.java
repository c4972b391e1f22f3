package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.mapping.SignalMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's mapping.json: used when good; when bad, named in words and the defaults used. */
class UserFilesMappingTest {

    @TempDir
    Path config;

    @AfterEach
    void defaults() {
        SignalMapping.use(null);
    }

    @Test
    void aGoodFileIsInUseAndABadOneIsNamedWithTheDefaultsInUse() throws Exception {
        UserFiles files = UserFiles.in(config, Runnable::run);
        assertThat(files.useMapping()).isEmpty();
        assertThat(SignalMapping.current()).isEqualTo(SignalMapping.DEFAULTS);

        Files.writeString(config.resolve("mapping.json"), "{\"prometheus\": {\"pod\": \"kubernetes_pod_name\"}}");
        assertThat(files.useMapping()).isEmpty();
        assertThat(SignalMapping.current().prometheus().pod()).isEqualTo("kubernetes_pod_name");

        Files.writeString(config.resolve("mapping.json"), "{\"prometheus\": {\"pod\": 7}}");
        assertThat(files.useMapping()).hasValueSatisfying(m -> assertThat(m)
                .contains("mapping.json: \"pod\" must be a label name in quotes").endsWith("The default mapping is used."));
        assertThat(SignalMapping.current()).isEqualTo(SignalMapping.DEFAULTS);
    }
}
