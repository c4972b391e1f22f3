package io.pitwall.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * A Prometheus {@code /api/v1/query_range} response of a given size, shaped like a real one:
 * cAdvisor-labelled series (namespace, pod, container, node, ...), samples every 15 s, values as
 * Prometheus writes them ("0.123456", "NaN", "+Inf" now and then).
 */
final class GeneratedQueryRange {

    private GeneratedQueryRange() {
    }

    /** About {@code bytes} of JSON (it stops at the first series past that size). */
    static byte[] ofSize(int bytes, int pointsPerSeries) {
        Random r = new Random(7);
        StringBuilder b = new StringBuilder(bytes + 64 * 1024);
        b.append("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        long start = 1_795_575_600L;
        int series = 0;
        while (b.length() < bytes) {
            if (series > 0) {
                b.append(',');
            }
            String ns = "ns-" + (series % 40);
            String pod = "app-" + (series % 300) + "-5f7b8d89b5-" + Integer.toString(1_000_000 + series, 36);
            b.append("{\"metric\":{\"__name__\":\"container_cpu_usage_seconds_total\",\"container\":\"app\",")
                    .append("\"cpu\":\"total\",\"endpoint\":\"https-metrics\",\"id\":\"/kubepods/burstable/pod").append(series)
                    .append("\",\"image\":\"registry.example.com/app:1.2.").append(series % 9).append("\",")
                    .append("\"instance\":\"10.0.").append(series % 200).append(".7:10250\",\"job\":\"kubelet\",")
                    .append("\"metrics_path\":\"/metrics/cadvisor\",\"namespace\":\"").append(ns).append("\",")
                    .append("\"node\":\"ip-10-0-").append(series % 200).append("-7.eu-west-1.compute.internal\",")
                    .append("\"pod\":\"").append(pod).append("\",\"service\":\"kubelet\"},\"values\":[");
            for (int i = 0; i < pointsPerSeries; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append('[').append(start + 15L * i).append(".000,\"");
                int roll = r.nextInt(1000);
                if (roll == 0) {
                    b.append("NaN");
                } else if (roll == 1) {
                    b.append("+Inf");
                } else {
                    b.append(String.format(Locale.ROOT, "%.6f", r.nextDouble() * 2));
                }
                b.append("\"]");
            }
            b.append("]}");
            series++;
        }
        b.append("]}}");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
