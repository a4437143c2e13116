package dev.skillsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The holding proxy relays requests and responses unchanged, and keeps a request its hold's predicate accepts (by
 * method, path or body) back until released, or drops it.
 */
@Tag(TestTier.EXTERNAL_TOOLS_TAG)
class HoldingProxyTest {

    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    Path directory;

    private MockWebServer upstream;
    private HoldingProxy proxy;
    private OkHttpClient client;

    @BeforeEach
    void start() throws Exception {
        TestPki pki = TestPki.create(directory);
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse()
                        .setBody(request.getMethod() + " " + request.getPath() + " "
                                + request.getBody().readUtf8());
            }
        });
        upstream.start(java.net.InetAddress.getLoopbackAddress(), 0);
        proxy = HoldingProxy.start(
                URI.create("http://127.0.0.1:" + upstream.getPort()), pki.serverCertificate(), pki.serverKey());
        client = clientTrusting(pki.caCertificate());
    }

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (upstream != null) {
            upstream.shutdown();
        }
        if (client != null) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Test
    void requestsAndResponsesPassUnchangedOverOneConnection() throws Exception {
        assertThat(call("GET", "/api/v1/namespaces?limit=5", null)).isEqualTo("GET /api/v1/namespaces?limit=5 ");
        assertThat(call("PUT", "/api/v1/namespaces/a/configmaps/b", "{\"data\":{\"k\":\"v\"}}"))
                .isEqualTo("PUT /api/v1/namespaces/a/configmaps/b {\"data\":{\"k\":\"v\"}}");

        RecordedRequest first = upstream.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest second = upstream.takeRequest(5, TimeUnit.SECONDS);
        assertThat(first.getPath()).isEqualTo("/api/v1/namespaces?limit=5");
        assertThat(second.getHeader("Content-Type")).startsWith("application/json");
        assertThat(second.getSequenceNumber())
                .as("the same upstream connection, kept alive")
                .isEqualTo(1);
    }

    @Test
    void aMatchingRequestWaitsUntilReleasedWhileOthersPass() throws Exception {
        CallHold hold = proxy.holdWhenReceived(
                "PUT of the held skill",
                HttpCall.matching("PUT", "/apis/skillsync\\.dev/v1alpha1/namespaces/[^/]+/skills/held"));

        CompletableFuture<String> held = CompletableFuture.supplyAsync(() ->
                call("PUT", "/apis/skillsync.dev/v1alpha1/namespaces/a/skills/held?fieldManager=x", "{\"spec\":{}}"));
        hold.awaitHeld(Duration.ofSeconds(10));

        assertThat(call("PUT", "/apis/skillsync.dev/v1alpha1/namespaces/a/skills/other", "{}"))
                .startsWith("PUT /apis/skillsync.dev/v1alpha1/namespaces/a/skills/other");
        assertThat(upstream.getRequestCount())
                .as("only the request that was not held reached upstream")
                .isEqualTo(1);
        assertThat(held).isNotDone();

        hold.release();

        assertThat(held.get(10, TimeUnit.SECONDS))
                .isEqualTo("PUT /apis/skillsync.dev/v1alpha1/namespaces/a/skills/held?fieldManager=x {\"spec\":{}}");
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aHoldCanPickARequestByItsBody() throws Exception {
        String path = "/apis/skillsync.dev/v1alpha1/namespaces/a/skills/s";
        CallHold hold = proxy.holdWhenReceived(
                "PATCH adding the finalizer",
                call -> call.isPatchOf(path) && call.body().contains("skillsync.dev/finalizer"));

        assertThat(call("PATCH", path, "{\"metadata\":{\"annotations\":{\"a\":\"b\"}}}"))
                .as("a patch of the same path without the key passes")
                .startsWith("PATCH " + path);
        CompletableFuture<String> held = CompletableFuture.supplyAsync(
                () -> call("PATCH", path, "{\"metadata\":{\"finalizers\":[\"skillsync.dev/finalizer\"]}}"));
        hold.awaitHeld(Duration.ofSeconds(10));
        assertThat(held).isNotDone();
        hold.release();

        assertThat(held.get(10, TimeUnit.SECONDS))
                .isEqualTo("PATCH " + path + " {\"metadata\":{\"finalizers\":[\"skillsync.dev/finalizer\"]}}");
    }

    @Test
    void aChunkedBodyIsSeenWholeAndPassedOnUnchanged() throws Exception {
        String path = "/api/v1/namespaces/a/configmaps/c";
        CallHold hold =
                proxy.holdWhenReceived("chunked PUT", call -> call.body().contains("\"k\":\"chunked\""));
        CompletableFuture<String> held =
                CompletableFuture.supplyAsync(() -> callChunked("PUT", path, "{\"data\":{\"k\":\"chunked\"}}"));
        hold.awaitHeld(Duration.ofSeconds(10));
        hold.release();

        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("PUT " + path + " {\"data\":{\"k\":\"chunked\"}}");
    }

    @Test
    void aDroppedRequestNeverReachesUpstreamAndItsConnectionCloses() throws Exception {
        CallHold hold = proxy.holdWhenReceived("GET of namespaces", HttpCall.matching("GET", "/api/v1/namespaces"));
        CompletableFuture<String> dropped =
                CompletableFuture.supplyAsync(() -> call("GET", "/api/v1/namespaces", null));
        hold.awaitHeld(Duration.ofSeconds(10));

        hold.drop();

        assertThat(dropped).failsWithin(Duration.ofSeconds(10));
        assertThat(upstream.getRequestCount()).isZero();
    }

    @Test
    void aHoldCatchesOneRequestOnly() throws Exception {
        CallHold hold = proxy.holdWhenReceived("GET of namespaces", HttpCall.matching("GET", "/api/v1/namespaces"));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> call("GET", "/api/v1/namespaces", null));
        hold.awaitHeld(Duration.ofSeconds(10));
        hold.release();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("GET /api/v1/namespaces ");

        assertThat(call("GET", "/api/v1/namespaces", null)).isEqualTo("GET /api/v1/namespaces ");
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    private String call(String method, String path, String json) {
        return execute(new Request.Builder()
                .url(proxy.url() + path)
                .method(method, json == null ? null : RequestBody.create(json, JSON))
                .build());
    }

    /** A body of unknown length, which OkHttp sends with chunked transfer encoding. */
    private String callChunked(String method, String path, String json) {
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(json.substring(0, 5)).flush();
                sink.writeUtf8(json.substring(5));
            }
        };
        return execute(new Request.Builder()
                .url(proxy.url() + path)
                .method(method, chunked)
                .build());
    }

    private String execute(Request request) {
        try (Response response = client.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OkHttpClient clientTrusting(Path caCertificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            trusted.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {trustManager}, null);
        return new OkHttpClient.Builder()
                .sslSocketFactory(context.getSocketFactory(), trustManager)
                .readTimeout(Duration.ofSeconds(20))
                .build();
    }
}
