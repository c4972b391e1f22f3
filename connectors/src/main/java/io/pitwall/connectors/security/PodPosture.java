package io.pitwall.connectors.security;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The checks of one pod spec (a pod's, or a workload's template), its containers and init containers. */
final class PodPosture {

    /** Capabilities the baseline standard allows to add (Pod Security Standards, "Capabilities"). */
    static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID",
            "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    /** The checks made per container (a finding's id ends with the container's name). */
    static final Set<PostureCheck> CONTAINER_CHECKS = java.util.EnumSet.of(PostureCheck.PRIVILEGED, PostureCheck.CAPABILITIES,
            PostureCheck.RUN_AS_ROOT, PostureCheck.RUN_AS_NON_ROOT, PostureCheck.WRITABLE_ROOT_FS, PostureCheck.MUTABLE_IMAGE,
            PostureCheck.NO_LIMITS, PostureCheck.SECRET_IN_ENV);

    private PodPosture() {
    }

    static void check(KubeRef object, PodSpec spec, ServiceAccount account, List<SecurityFinding> out) {
        if (spec == null) {
            return;
        }
        List<String> shared = new ArrayList<>();
        if (Boolean.TRUE.equals(spec.getHostNetwork())) {
            shared.add("hostNetwork");
        }
        if (Boolean.TRUE.equals(spec.getHostPID())) {
            shared.add("hostPID");
        }
        if (Boolean.TRUE.equals(spec.getHostIPC())) {
            shared.add("hostIPC");
        }
        if (!shared.isEmpty()) {
            out.add(Posture.finding(PostureCheck.HOST_NAMESPACES, object, "", "Sets " + String.join(", ", shared) + ": true",
                    Map.of("hostNamespaces", String.join(",", shared))));
        }
        for (Volume v : list(spec.getVolumes())) {
            if (v.getHostPath() != null) {
                out.add(Posture.finding(PostureCheck.HOST_PATH, object, "volume:" + v.getName(),
                        "Volume '" + v.getName() + "' mounts the node's " + v.getHostPath().getPath(),
                        Map.of("volume", v.getName(), "path", String.valueOf(v.getHostPath().getPath()))));
            }
        }
        tokenCheck(object, spec, account, out);
        PodSecurityContext pod = spec.getSecurityContext();
        List<Container> all = new ArrayList<>(list(spec.getInitContainers()));
        all.addAll(list(spec.getContainers()));
        for (Container c : all) {
            container(object, c, pod, out);
        }
    }

    private static void tokenCheck(KubeRef object, PodSpec spec, ServiceAccount account, List<SecurityFinding> out) {
        String sa = Trees.first(spec.getServiceAccountName(), spec.getServiceAccount(), "default");
        if (!sa.equals("default")) {
            return;
        }
        Boolean mount = spec.getAutomountServiceAccountToken();
        if (mount == null && account != null) {
            mount = account.getAutomountServiceAccountToken();
        }
        if (mount == null || mount) {
            out.add(Posture.finding(PostureCheck.DEFAULT_SA_TOKEN, object, "",
                    "Runs as service account 'default' with automountServiceAccountToken "
                            + (mount == null ? "unset (true)" : "true"),
                    Map.of("serviceAccount", "default")));
        }
    }

    private static void container(KubeRef object, Container c, PodSecurityContext pod, List<SecurityFinding> out) {
        String name = c.getName();
        String where = "Container '" + name + "'";
        SecurityContext sc = c.getSecurityContext();
        if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
            out.add(Posture.finding(PostureCheck.PRIVILEGED, object, name, where + " sets securityContext.privileged: true",
                    Map.of()));
        }
        Capabilities caps = sc == null ? null : sc.getCapabilities();
        Set<String> added = new TreeSet<>();
        for (String cap : caps == null ? List.<String>of() : list(caps.getAdd())) {
            String bare = cap.startsWith("CAP_") ? cap.substring(4) : cap;
            if (!BASELINE_CAPABILITIES.contains(bare)) {
                added.add(bare);
            }
        }
        if (!added.isEmpty()) {
            out.add(Posture.finding(PostureCheck.CAPABILITIES, object, name,
                    where + " adds " + String.join(", ", added), Map.of("added", String.join(",", added))));
        }
        Long uid = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser() : pod == null ? null : pod.getRunAsUser();
        Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
                : pod == null ? null : pod.getRunAsNonRoot();
        if (uid != null && uid == 0) {
            out.add(Posture.finding(PostureCheck.RUN_AS_ROOT, object, name, where + " runs as runAsUser 0", Map.of()));
        } else if (!Boolean.TRUE.equals(nonRoot)) {
            out.add(Posture.finding(PostureCheck.RUN_AS_NON_ROOT, object, name,
                    where + (nonRoot == null ? " does not set runAsNonRoot (nor does its pod)" : " sets runAsNonRoot: false"),
                    Map.of()));
        }
        if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
            out.add(Posture.finding(PostureCheck.WRITABLE_ROOT_FS, object, name,
                    where + " does not set readOnlyRootFilesystem: true", Map.of()));
        }
        String image = c.getImage() == null ? "" : c.getImage();
        String tag = tag(image);
        if (tag.isEmpty() || tag.equals("latest")) {
            out.add(Posture.finding(PostureCheck.MUTABLE_IMAGE, object, name,
                    where + " runs " + image + (tag.isEmpty() ? ", with no tag (latest)" : ""), Map.of("image", image)));
        }
        Map<String, Quantity> limits = c.getResources() == null || c.getResources().getLimits() == null ? Map.of()
                : c.getResources().getLimits();
        List<String> missing = new ArrayList<>();
        for (String r : List.of("memory", "cpu")) {
            if (!limits.containsKey(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            out.add(Posture.finding(PostureCheck.NO_LIMITS, object, name,
                    where + " has no " + String.join(" or ", missing) + " limit", Map.of("missing", String.join(",", missing))));
        }
        Set<String> secrets = new TreeSet<>();
        for (EnvVar e : list(c.getEnv())) {
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                secrets.add(e.getName() + " from secret " + e.getValueFrom().getSecretKeyRef().getName());
            }
        }
        for (EnvFromSource e : list(c.getEnvFrom())) {
            if (e.getSecretRef() != null) {
                secrets.add("every key of secret " + e.getSecretRef().getName());
            }
        }
        if (!secrets.isEmpty()) {
            out.add(Posture.finding(PostureCheck.SECRET_IN_ENV, object, name,
                    where + " takes " + String.join("; ", secrets) + " into its environment",
                    Map.of("env", String.join("; ", secrets))));
        }
    }

    /**
     * An image reference's tag: "" when it has none, the tag otherwise; an image pinned by digest
     * counts as tagged ("@" and what follows).
     */
    static String tag(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(at);
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "";
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
