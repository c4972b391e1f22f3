package io.pitwall.connectors.security;

import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Made-up findings in the mix a large cluster shows, for filter tests and benchmarks; the same seed, the same list. */
public final class FindingGenerator {

    private FindingGenerator() {
    }

    public static List<SecurityFinding> generate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FindingSource[] sources = FindingSource.values();
        Severity[] severities = Severity.values();
        PostureCheck[] checks = PostureCheck.values();
        Instant t0 = Instant.parse("2026-11-02T10:00:00Z");
        List<SecurityFinding> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FindingSource source = sources[r.nextInt(sources.length)];
            String ns = "team-" + r.nextInt(40);
            KubeRef object = new KubeRef("Pod", ns, "app-" + r.nextInt(500) + "-" + Integer.toHexString(r.nextInt(1 << 20)));
            String rule = switch (source) {
                case POSTURE -> checks[r.nextInt(checks.length)].id();
                case TRIVY -> "CVE-2024-" + (1000 + r.nextInt(3000));
                case FALCO -> "Terminal shell in container " + r.nextInt(30);
                default -> "rule-" + r.nextInt(60);
            };
            out.add(new SecurityFinding("gen:" + i, severities[r.nextInt(severities.length)], source,
                    source == FindingSource.POSTURE ? null : t0.plusMillis(r.nextInt(86_400_000)), rule, rule, ns, object,
                    "Something about " + object.name() + " in " + ns + " matched " + rule, "", "{}"));
        }
        return out;
    }
}
