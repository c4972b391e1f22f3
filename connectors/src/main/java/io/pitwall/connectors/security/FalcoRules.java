package io.pitwall.connectors.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What Falco's own rules say about themselves: each rule's description, tier (stable, incubating,
 * sandbox) and tags, from the falcosecurity/rules files (see SOURCES.md beside the data), for the
 * details of a Falco event. A rule written locally is not known: its events carry their output only.
 */
public final class FalcoRules {

    /** One rule as its file describes it. */
    public record Rule(String name, String description, String tier, List<String> tags) {
    }

    private static final String RESOURCE = "falco-rules.json";
    private static volatile Map<String, Rule> rules;

    private FalcoRules() {
    }

    /** The rule named {@code name}, when Falco's published rules have it. */
    public static Optional<Rule> of(String name) {
        return Optional.ofNullable(all().get(name));
    }

    static Map<String, Rule> all() {
        Map<String, Rule> r = rules;
        if (r == null) {
            r = load();
            rules = r;
        }
        return r;
    }

    private static Map<String, Rule> load() {
        Map<String, Rule> out = new HashMap<>();
        try (InputStream in = FalcoRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Map.of();
            }
            JsonNode root = Trees.JSON.readTree(in);
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                JsonNode v = e.getValue();
                List<String> tags = new java.util.ArrayList<>();
                v.path("tags").forEach(t -> tags.add(t.asString()));
                out.put(e.getKey(), new Rule(e.getKey(), v.path("desc").asString(), v.path("tier").asString(), List.copyOf(tags)));
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // a broken build: events still show, without their rules' words
        }
        return Map.copyOf(out);
    }
}
