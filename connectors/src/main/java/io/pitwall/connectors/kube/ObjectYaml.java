package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pitwall.connectors.model.KubeRef;
import java.util.LinkedHashMap;
import java.util.Map;

/** An object as read-only YAML for the Details pane, with its secret values taken out ({@link Redaction}). */
public final class ObjectYaml {

    /** As kubectl writes YAML: quotes only where YAML needs them. */
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(
            tools.jackson.databind.json.JsonMapper.builder().build(), true,
            new io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder().setMinimizeQuotes(true).build());

    private ObjectYaml() {
    }

    @SuppressWarnings("unchecked")
    public static String redacted(HasMetadata object) {
        Map<String, Object> tree = SERIALIZATION.convertValue(object, LinkedHashMap.class);
        return SERIALIZATION.asYaml(Redaction.redact(tree));
    }

    /** {@code object} as a generic JSON tree (maps and lists), secret values redacted and counted. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> redactedTree(HasMetadata object, java.util.function.ObjLongConsumer<String> counts) {
        return Redaction.redact(SERIALIZATION.convertValue(object, LinkedHashMap.class), counts);
    }

    /** {@code object} as a generic JSON tree for a bundle: secret values redacted, then every string by {@code text}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> redactedTree(HasMetadata object, java.util.function.ObjLongConsumer<String> counts,
                                                   io.pitwall.connectors.snapshot.TextRedaction text) {
        return Redaction.redact(SERIALIZATION.convertValue(object, LinkedHashMap.class), counts, text);
    }

    /** A JSON document, as the API server would write it. */
    public static String json(Object tree) {
        return SERIALIZATION.asJson(tree);
    }

    /** How panes name {@code object}. */
    public static KubeRef ref(HasMetadata object) {
        return new KubeRef(object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName());
    }
}
