package dev.skillsync.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.DoubleSummaryStatistics;
import java.util.OptionalLong;

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

    /** The operator JVM's heap in use: {@code jvm_memory_used_bytes} summed over the heap pools; empty if unreadable. */
    OptionalLong heapUsedBytes() throws InterruptedException {
        HttpResponse<String> metrics;
        try {
            metrics = get("/q/metrics");
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return metrics.statusCode() == 200 ? heapUsedBytes(metrics.body()) : OptionalLong.empty();
    }

    /** The reconciles of Skills the operator has run so far, whatever they ended with; empty if unreadable. */
    OptionalLong reconciles() throws InterruptedException {
        HttpResponse<String> metrics;
        try {
            metrics = get("/q/metrics");
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return metrics.statusCode() == 200 ? OptionalLong.of(reconciles(metrics.body())) : OptionalLong.empty();
    }

    /** The sum of {@code skillsync_reconciles_total} over its results; 0 before the first reconcile registers it. */
    static long reconciles(String prometheusText) {
        return (long) prometheusText
                .lines()
                .filter(line -> line.startsWith(RECONCILES))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** From the Prometheus text format: {@code name{labels} value}, one sample a line. */
    static OptionalLong heapUsedBytes(String prometheusText) {
        DoubleSummaryStatistics heap = prometheusText
                .lines()
                .filter(line -> line.startsWith(HEAP_USED) && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .summaryStatistics();
        return heap.getCount() == 0 ? OptionalLong.empty() : OptionalLong.of((long) heap.getSum());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(CALL_TIMEOUT)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
