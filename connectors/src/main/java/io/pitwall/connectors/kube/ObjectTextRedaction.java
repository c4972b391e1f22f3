package io.pitwall.connectors.kube;

import io.pitwall.connectors.snapshot.TextRedaction;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ObjLongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strings of a Kubernetes object (a JSON tree of maps and lists) through a capture's text
 * rules ({@link Redaction#redact(Map, ObjLongConsumer, TextRedaction)} says what goes where).
 */
final class ObjectTextRedaction {

    /** Fields that name things: an object's, a container's, a variable's, a port's identity. */
    private static final Set<String> IDENTITY = Set.of("apiVersion", "kind", "name", "namespace", "uid",
            "resourceVersion", "generateName", "selfLink", "creationTimestamp", "fieldPath");
    private static final Pattern FLAG = Pattern.compile("--?([A-Za-z][A-Za-z0-9_.-]*)");

    private final TextRedaction text;
    private final ObjLongConsumer<String> counts;

    ObjectTextRedaction(TextRedaction text, ObjLongConsumer<String> counts) {
        this.text = text;
        this.counts = counts;
    }

    @SuppressWarnings("unchecked")
    void object(Map<String, Object> object) {
        boolean configMap = "ConfigMap".equals(object.get("kind"));
        for (Map.Entry<String, Object> e : object.entrySet()) {
            String key = e.getKey();
            if (configMap && key.equals("data") && e.getValue() instanceof Map<?, ?> data) {
                fields((Map<String, Object>) data);
            } else if (configMap && key.equals("binaryData") && e.getValue() instanceof Map<?, ?> data) {
                binary((Map<String, Object>) data);
            } else {
                e.setValue(node(key, e.getValue()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Object node(String key, Object value) {
        switch (value) {
            case String s -> {
                return IDENTITY.contains(key) ? s : text.apply(s, counts);
            }
            case Map<?, ?> map when key.equals("annotations") -> fields((Map<String, Object>) map);
            case List<?> list when (key.equals("args") || key.equals("command")) -> arguments((List<Object>) list);
            case List<?> list when key.equals("env") -> {
                list.forEach(v -> {
                    if (v instanceof Map<?, ?> var) {
                        env((Map<String, Object>) var);
                    }
                });
            }
            case Map<?, ?> map -> ((Map<String, Object>) map).entrySet().forEach(e -> e.setValue(node(e.getKey(), e.getValue())));
            case List<?> list -> {
                ListIterator<Object> it = ((List<Object>) list).listIterator();
                while (it.hasNext()) {
                    it.set(node(key, it.next()));
                }
            }
            case null, default -> {
            }
        }
        return value;
    }

    /** Annotations and a ConfigMap's data: whole when the key names a secret, else the text rules. */
    private void fields(Map<String, Object> map) {
        map.replaceAll((k, v) -> v instanceof String s && !k.equals(Redaction.LAST_APPLIED) ? text.field(k, s, counts) : v);
    }

    /** A ConfigMap's binaryData: values that are UTF-8 text get the same rules, and are encoded again. */
    private void binary(Map<String, Object> map) {
        map.replaceAll((k, v) -> {
            if (!(v instanceof String s)) {
                return v;
            }
            Optional<String> decoded = utf8(s);
            if (decoded.isEmpty()) {
                return v;
            }
            String redacted = text.field(k, decoded.get(), counts);
            return redacted == decoded.get() ? v
                    : Base64.getEncoder().encodeToString(redacted.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A variable's literal value: whole when it is set from a Secret elsewhere, else the text rules. */
    private void env(Map<String, Object> var) {
        if (var.get("value") instanceof String value && var.get("name") instanceof String name) {
            var.put("value", text.secretEnv(name) ? text.field(name, value, counts) : text.apply(value, counts));
        }
    }

    /** Args and commands: the word after a flag naming a secret ({@code --db-password VALUE}) whole. */
    private void arguments(List<Object> list) {
        String kind = null;
        for (ListIterator<Object> it = list.listIterator(); it.hasNext(); ) {
            if (!(it.next() instanceof String arg)) {
                kind = null;
                continue;
            }
            if (kind != null && !arg.startsWith("-") && !arg.isEmpty()) {
                it.set(TextRedaction.REDACTED);
                counts.accept(kind, 1);
                kind = null;
                continue;
            }
            Matcher flag = FLAG.matcher(arg);
            kind = flag.matches() ? TextRedaction.secretKeyKind(flag.group(1)).orElse(null) : null;
            it.set(text.apply(arg, counts));
        }
    }

    private static Optional<String> utf8(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
