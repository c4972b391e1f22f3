package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.mapping.SignalMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's mapping.json: read when good; when bad, named in words with the defaults instead. */
class UserFilesMappingTest {

    @TempDir
    Path config;

    @Test
    void aGoodFileIsReadAndABadOneIsNamedWithTheDefaultsInstead() throws Exception {
        UserFiles files = UserFiles.in(config, Runnable::run);
        assertThat(files.readMapping()).isEqualTo(new UserFiles.Mapping(SignalMapping.DEFAULTS, java.util.Optional.empty()));

        Files.writeString(config.resolve("mapping.json"), "{\"prometheus\": {\"pod\": \"kubernetes_pod_name\"}}");
        assertThat(files.readMapping().problem()).isEmpty();
        assertThat(files.readMapping().mapping().prometheus().pod()).isEqualTo("kubernetes_pod_name");

        Files.writeString(config.resolve("mapping.json"), "{\"prometheus\": {\"pod\": 7}}");
        UserFiles.Mapping bad = files.readMapping();
        assertThat(bad.mapping()).isEqualTo(SignalMapping.DEFAULTS);
        assertThat(bad.problem()).hasValueSatisfying(m -> assertThat(m)
                .contains("mapping.json: \"pod\" must be a label name in quotes").endsWith("The default mapping is used."));
    }
}
