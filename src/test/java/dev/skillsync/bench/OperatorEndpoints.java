package dev.skillsync.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.DoubleSummaryStatistics;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;

/** The operator's HTTP endpoints on a port chosen before it starts: the readiness probe and the Prometheus metrics. */
final class OperatorEndpoints {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final String HEAP_USED = "jvm_memory_used_bytes{";
    private static final String RECONCILES = "skillsync_reconciles_total{";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
    private final int port;

    OperatorEndpoints(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    /** True once {@code /q/health/ready} answers 200; false while the operator is still starting. */
    boolean isReady() throws InterruptedException {
        try {
            return get("/q/health/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The Prometheus text of {@code /q/metrics}; empty if unreadable. */
    Optional<String> metrics() throws InterruptedException {
        HttpResponse<String> metrics;
        try {
            metrics = get("/q/metrics");
        } catch (IOException e) {
            return Optional.empty();
        }
        return metrics.statusCode() == 200 ? Optional.of(metrics.body()) : Optional.empty();
    }

    /** The sum of {@code skillsync_reconciles_total} over its results; 0 before the first reconcile registers it. */
    static long reconciles(String prometheusText) {
        return (long) samples(prometheusText, RECONCILES).sum();
    }

    /** The operator JVM's heap in use: {@code jvm_memory_used_bytes} summed over the heap pools. */
    static OptionalLong heapUsedBytes(String prometheusText) {
        DoubleSummaryStatistics heap = samples(prometheusText, HEAP_USED, line -> line.contains("area=\"heap\""))
                .summaryStatistics();
        return heap.getCount() == 0 ? OptionalLong.empty() : OptionalLong.of((long) heap.getSum());
    }

    /** From the Prometheus text format, {@code name{labels} value} one sample a line: the values of one metric. */
    private static DoubleStream samples(String prometheusText, String metric, Predicate<String> labels) {
        return prometheusText
                .lines()
                .filter(line -> line.startsWith(metric) && labels.test(line))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
    }

    private static DoubleStream samples(String prometheusText, String metric) {
        return samples(prometheusText, metric, line -> true);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(CALL_TIMEOUT)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
