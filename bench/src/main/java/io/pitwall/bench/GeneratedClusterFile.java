package io.pitwall.bench;

import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the generated cluster as {@code kubectl get -o json} would list it, for
 * {@code pitwall FILE} and {@code pitwall render FILE}:
 * {@code java -cp ... io.pitwall.bench.GeneratedClusterFile OUT.json [pods workloads services nodes]}.
 */
public final class GeneratedClusterFile {

    private GeneratedClusterFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 5) {
            System.err.println("usage: GeneratedClusterFile OUT.json [pods workloads services nodes]");
            System.exit(2);
        }
        int[] n = args.length == 5
                ? new int[] {Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4])}
                : new int[] {10_000, 1_500, 2_000, 200};
        var objects = GeneratedCluster.objects(n[0], n[1], n[2], n[3]);
        String json = Serialization.asJson(new KubernetesListBuilder().withItems(objects).build());
        Path out = Path.of(args[0]);
        Files.writeString(out, json);
        System.out.printf("wrote %s: %d objects (%d pods, %d workloads, %d services, %d nodes)%n", out, objects.size(),
                n[0], n[1], n[2], n[3]);
    }
}
