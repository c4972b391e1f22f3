package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.pitwall.connectors.snapshot.TextRedaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Takes secret values out of a Kubernetes object (as a generic JSON tree of maps and lists)
 * before it is shown or written anywhere:
 * <ul>
 *   <li>a Secret's {@code data} and {@code stringData} values (the keys stay);</li>
 *   <li>literal {@code env} values of any container whose variable name looks secret (password,
 *       token, secret, key, credential...), wherever a pod template sits in the object;
 *       references ({@code valueFrom.secretKeyRef}) name a secret but hold no value and stay;</li>
 *   <li>the {@code kubectl.kubernetes.io/last-applied-configuration} annotation, a copy of the
 *       object as applied, secret values included;</li>
 *   <li>{@code managedFields}, which only repeat field names (kubectl hides them too).</li>
 * </ul>
 */
public final class Redaction {

    /** What a redacted value reads as. */
    public static final String REDACTED = "<redacted>";

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(PASSW|SECRET|TOKEN|KEY|CREDENTIAL|PRIVATE|AUTH|CERT|DSN|SALT|COOKIE|SESSION|CONNECTION_STRING|CONN_STR).*");
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

    private Redaction() {
    }

    /** Whether an environment variable of this name is taken to hold a secret. */
    public static boolean secretLooking(String envName) {
        return envName != null && SECRET_NAME.matcher(envName.toUpperCase(Locale.ROOT)).matches();
    }

    /** Redacts {@code object} in place (a tree of {@code Map<String, Object>} and {@code List}). */
    public static Map<String, Object> redact(Map<String, Object> object) {
        return redact(object, (kind, n) -> {
        });
    }

    /**
     * As {@link #redact(Map)}, telling {@code counts} how many values of each kind it took out
     * ({@code secret-data}, {@code env}, {@code last-applied}), for a bundle's manifest.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> redact(Map<String, Object> object, java.util.function.ObjLongConsumer<String> counts) {
        if ("Secret".equals(object.get("kind"))) {
            counts.accept("secret-data", redactValues(object.get("data")) + redactValues(object.get("stringData")));
        }
        if (object.get("metadata") instanceof Map<?, ?> metadata) {
            ((Map<String, Object>) metadata).remove("managedFields");
            if (metadata.get("annotations") instanceof Map<?, ?> annotations && annotations.containsKey(LAST_APPLIED)) {
                ((Map<String, Object>) annotations).put(LAST_APPLIED, REDACTED);
                counts.accept("last-applied", 1);
            }
        }
        long[] env = {0};
        walk(object, env);
        if (env[0] > 0) {
            counts.accept("env", env[0]);
        }
        return object;
    }

    /**
     * As {@link #redact(Map, java.util.function.ObjLongConsumer)}, and then, for a bundle, every
     * other string of the object through {@code text} (a capture's rules, counted by kind): an
     * annotation or a ConfigMap's value whole when its key names a secret, else its secrets
     * (tokens, keys, passwords, certificates); a container's args and commands, the value after a
     * flag that names a secret ({@code --password VALUE}) whole; a literal env value whole when the
     * variable is known to be set from a Secret elsewhere; an Event's message and every other
     * field. Names, namespaces, uids, kinds and versions are the object's identity and stay.
     */
    public static Map<String, Object> redact(Map<String, Object> object, java.util.function.ObjLongConsumer<String> counts,
                                             TextRedaction text) {
        redact(object, counts);
        new ObjectTextRedaction(text, counts).object(object);
        return object;
    }

    /**
     * The names of the environment variables that {@code objects}' pods set from Secrets
     * ({@code valueFrom.secretKeyRef}), in every container of every pod.
     */
    public static Set<String> secretEnvNames(java.util.Collection<? extends HasMetadata> objects) {
        Set<String> names = new TreeSet<>();
        for (HasMetadata o : objects) {
            if (o instanceof Pod pod && pod.getSpec() != null) {
                List<Container> all = new ArrayList<>();
                all.addAll(pod.getSpec().getContainers() == null ? List.of() : pod.getSpec().getContainers());
                all.addAll(pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers());
                for (Container c : all) {
                    for (EnvVar v : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                        if (v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null && v.getName() != null) {
                            names.add(v.getName());
                        }
                    }
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static long redactValues(Object map) {
        if (map instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).replaceAll((k, v) -> REDACTED);
            return m.size();
        }
        return 0;
    }

    /** Finds every container list at any depth (pods, templates, job templates, custom resources). */
    @SuppressWarnings("unchecked")
    private static void walk(Object node, long[] env) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (CONTAINER_LISTS.contains(e.getKey()) && e.getValue() instanceof List<?> containers) {
                    containers.forEach(c -> {
                        if (c instanceof Map<?, ?> container) {
                            env[0] += redactEnv(((Map<String, Object>) container).get("env"));
                        }
                    });
                }
                walk(e.getValue(), env);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(n -> walk(n, env));
        }
    }

    @SuppressWarnings("unchecked")
    private static long redactEnv(Object env) {
        long n = 0;
        if (env instanceof List<?> vars) {
            for (Object v : vars) {
                if (v instanceof Map<?, ?> var && var.get("value") != null && !REDACTED.equals(var.get("value"))
                        && secretLooking(String.valueOf(var.get("name")))) {
                    ((Map<String, Object>) var).put("value", REDACTED);
                    n++;
                }
            }
        }
        return n;
    }
}
