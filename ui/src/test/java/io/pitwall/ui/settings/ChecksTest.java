package io.pitwall.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the endpoints dialog says under a field, for the texts users type. */
class ChecksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "https://prometheus.example.com                | -",
        "http://10.0.0.5:9090/                          | -",
        "https://mimir.example.com/prometheus           | -",
        "''                                             | Enter the endpoint's URL, e.g. https://prometheus.example.com",
        "prometheus.example.com                         | The URL must start with http:// or https://",
        "ftp://prometheus.example.com                   | The URL must start with http:// or https://",
        "http://                                        | Not a valid URL: http://",
        "https://me:secret@prometheus.example.com       | Put credentials in the endpoint's authentication, not in its URL.",
    })
    void urls(String text, String expected) {
        assertThat(Checks.url(text)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "9090       | -",
        "web        | -",
        "http-web   | -",
        "0          | A port number is 1 to 65535.",
        "70000      | A port number is 1 to 65535.",
        "Web        | Not a port name: lower-case letters, digits and '-', at most 15.",
        "''         | Enter the Service port, by number (9090) or name (web).",
    })
    void ports(String text, String expected) {
        assertThat(Checks.port(text)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "monitoring        | -",
        "kube-prometheus-1 | -",
        "Monitoring        | Not a valid namespace: lower-case letters, digits and '-', at most 63.",
        "-monitoring       | Not a valid namespace: lower-case letters, digits and '-', at most 63.",
        "''                | Enter the namespace.",
    })
    void namespaces(String text, String expected) {
        assertThat(Checks.kubeName("namespace", text)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "PROM_TOKEN | -",
        "_token     | -",
        "1TOKEN     | Not a variable name: letters, digits and '_', not starting with a digit.",
        "MY-TOKEN   | Not a variable name: letters, digits and '_', not starting with a digit.",
    })
    void environmentVariables(String text, String expected) {
        assertThat(Checks.envName(text)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "''          | -",
        "30s         | -",
        "1m30s       | -",
        "0s          | Write a duration as Prometheus does: 15s, 1m, 1m30s.",
        "30 seconds  | Write a duration as Prometheus does: 15s, 1m, 1m30s.",
    })
    void scrapeIntervals(String text, String expected) {
        assertThat(Checks.duration(text)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "''                     | -",
        "/prometheus            | -",
        "/select/0/prometheus   | -",
        "prometheus             | A path prefix starts with / (\"/prometheus\" for Mimir), no spaces or query.",
    })
    void pathPrefixes(String text, String expected) {
        assertThat(Checks.pathPrefix(text)).isEqualTo(Optional.ofNullable(expected));
    }
}
