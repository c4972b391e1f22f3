package io.pitwall.connectors.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** redaction.json and --redact NAME=REGEX: read strictly, refused in one line that says where. */
class RedactionFileTest {

    @TempDir
    Path dir;

    @Test
    void patternsAreReadInOrder() throws IOException {
        Path file = Files.writeString(dir.resolve(RedactionFile.FILE_NAME), """
                {"patterns": [
                  {"name": "acme-key", "regex": "ACME-[0-9a-f]{32}"},
                  {"name": "employee", "regex": "employee=(?<secret>E[0-9]{6})", "description": "the id only"}
                ]}
                """);
        assertThat(RedactionFile.read(file)).extracting(RedactionPattern::kind)
                .containsExactly("custom:acme-key", "custom:employee");
    }

    @Test
    void noFileIsNoPatterns() throws IOException {
        assertThat(RedactionFile.read(dir.resolve("missing.json"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json          | {"patterns": [                                                    | not JSON at line 1
            not an object     | []                                                                | expected an object
            misspelt field    | {"pattern": []}                                                   | unknown field "pattern"
            not a list        | {"patterns": {"a": "b"}}                                          | "patterns" must be a list
            misspelt regex    | {"patterns": [{"name": "a", "regexp": "x"}]}                      | patterns[0]: unknown field "regexp"
            no regex          | {"patterns": [{"name": "a"}]}                                     | patterns[0]: needs a "name" and a "regex"
            bad regex         | {"patterns": [{"name": "a", "regex": "ACME-["}]}                  | pattern a: 'ACME-[' is not a regular expression: Unclosed character class at index 5
            empty match       | {"patterns": [{"name": "a", "regex": "x*"}]}                      | pattern a matches empty text
            bad name          | {"patterns": [{"name": "a b", "regex": "x"}]}                     | the pattern name 'a b' is not a name
            twice             | {"patterns": [{"name": "a", "regex": "x"}, {"name": "a", "regex": "y"}]} | pattern a is named twice
            duplicate key     | {"patterns": [], "patterns": []}                                  | not JSON
            number regex      | {"patterns": [{"name": "a", "regex": 5}]}                         | patterns[0]: "regex" must be a string
            """)
    void aBadFileIsRefusedInOneLineNamingIt(String why, String json, String message) throws IOException {
        Path file = Files.writeString(dir.resolve(RedactionFile.FILE_NAME), json);
        assertThatThrownBy(() -> RedactionFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theCommandLinesFormIsNameEqualsRegex() {
        RedactionPattern p = RedactionPattern.parse("ticket=TCK-[0-9]+=x");
        assertThat(p.name()).isEqualTo("ticket");
        assertThat(p.pattern().pattern()).isEqualTo("TCK-[0-9]+=x");
        assertThatThrownBy(() -> RedactionPattern.parse("=x")).hasMessage("'=x' is not NAME=REGEX");
        assertThatThrownBy(() -> RedactionPattern.parse("nothing")).hasMessage("'nothing' is not NAME=REGEX");
        assertThatThrownBy(() -> RedactionPattern.parse("a=")).hasMessage("pattern a has no regular expression");
        assertThatThrownBy(() -> RedactionPattern.parse("a=(")).hasMessageStartingWith("pattern a: '(' is not a regular expression: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
