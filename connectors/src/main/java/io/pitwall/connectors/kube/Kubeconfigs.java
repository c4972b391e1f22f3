package io.pitwall.connectors.kube;

import io.pitwall.connectors.Errors;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the contexts of the user's kubeconfig as kubectl merges it: the files of
 * {@code KUBECONFIG} in order (missing ones skipped), else {@code ~/.kube/config}. The first
 * file to define a name wins; so does the first {@code current-context}. Only names are read
 * here: no credential plugin runs and no secret leaves the files.
 */
public final class Kubeconfigs {

    /** The merged contexts, the current one, and the files that could not be read. */
    public record Merged(List<KubeContext> contexts, Optional<String> currentContext, List<Path> files,
                         List<String> problems) {

        public Merged {
            contexts = List.copyOf(contexts);
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }

        public Optional<KubeContext> context(String name) {
            return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        public boolean isEmpty() {
            return contexts.isEmpty();
        }
    }

    private Kubeconfigs() {
    }

    /** The kubeconfig files in effect for this environment, in merge order. */
    public static List<Path> files(Map<String, String> env, Path home) {
        String list = env.get("KUBECONFIG");
        List<Path> files = new ArrayList<>();
        if (list != null && !list.isBlank()) {
            for (String part : list.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    files.add(Path.of(part.trim()));
                }
            }
        } else {
            files.add(home.resolve(".kube").resolve("config"));
        }
        return files;
    }

    public static Merged load(Map<String, String> env, Path home) {
        return merge(files(env, home));
    }

    public static Merged merge(List<Path> files) {
        Map<String, NamedContext> contexts = new LinkedHashMap<>();
        Map<String, Path> contextSource = new LinkedHashMap<>();
        Map<String, NamedCluster> clusters = new LinkedHashMap<>();
        Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
        String current = null;
        List<Path> read = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue; // kubectl skips files of KUBECONFIG that do not exist
            }
            Config config;
            try (InputStream in = Files.newInputStream(file)) {
                config = Serialization.unmarshal(in, Config.class);
            } catch (IOException | RuntimeException e) {
                problems.add(file + ": not a readable kubeconfig (" + Errors.firstLine(e) + ")");
                continue;
            }
            if (config == null) {
                continue;
            }
            read.add(file);
            for (NamedContext c : nullSafe(config.getContexts())) {
                if (c != null && c.getName() != null && !contexts.containsKey(c.getName())) {
                    contexts.put(c.getName(), c);
                    contextSource.put(c.getName(), file);
                }
            }
            for (NamedCluster c : nullSafe(config.getClusters())) {
                if (c != null && c.getName() != null) {
                    clusters.putIfAbsent(c.getName(), c);
                }
            }
            for (NamedAuthInfo u : nullSafe(config.getUsers())) {
                if (u != null && u.getName() != null) {
                    users.putIfAbsent(u.getName(), u);
                }
            }
            if (current == null && config.getCurrentContext() != null && !config.getCurrentContext().isBlank()) {
                current = config.getCurrentContext();
            }
        }
        List<KubeContext> result = new ArrayList<>();
        for (NamedContext c : contexts.values()) {
            String cluster = c.getContext() == null ? null : c.getContext().getCluster();
            String user = c.getContext() == null ? null : c.getContext().getUser();
            String ns = c.getContext() == null ? null : c.getContext().getNamespace();
            String problem = null;
            if (cluster == null || cluster.isBlank()) {
                problem = "names no cluster";
            } else if (!clusters.containsKey(cluster)) {
                problem = "cluster '" + cluster + "' is not defined in any kubeconfig file";
            } else if (clusters.get(cluster).getCluster() == null || clusters.get(cluster).getCluster().getServer() == null) {
                problem = "cluster '" + cluster + "' has no server URL";
            } else if (user != null && !user.isBlank() && !users.containsKey(user)) {
                problem = "user '" + user + "' is not defined in any kubeconfig file";
            }
            result.add(new KubeContext(c.getName(), cluster, user, Optional.ofNullable(ns).filter(s -> !s.isBlank()),
                    contextSource.get(c.getName()), Optional.ofNullable(problem)));
        }
        String currentName = current;
        return new Merged(result, Optional.ofNullable(currentName).filter(contexts::containsKey), read, problems);
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

}
