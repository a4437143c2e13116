package dev.skillsync.oci;

import dev.skillsync.testing.CallHold;
import dev.skillsync.testing.CallHolds;
import dev.skillsync.testing.HttpCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A plain HTTP proxy on 127.0.0.1 in front of a test registry that passes every request on as it is, except the ones a
 * test holds: an OCI pull can then be stopped half-way, as a slow or stalled registry would stop it.
 */
public final class HoldingRegistryProxy implements AutoCloseable {

    /** Headers about one connection, not the message; each side sets its own. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "host",
            "connection",
            "content-length",
            "transfer-encoding",
            "keep-alive",
            "accept-encoding",
            "content-encoding");

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final String upstream;
    private final OkHttpClient http =
            new OkHttpClient.Builder().followRedirects(false).build();
    private final CallHolds<HttpCall> holds = new CallHolds<>();
    private final MockWebServer server = new MockWebServer();

    /** @param registry a plain HTTP registry */
    public HoldingRegistryProxy(RegistryServer registry) {
        this.upstream = "http://" + registry.host();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return passOn(request);
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the registry proxy", e);
        }
    }

    /** The proxy's host:port, as in oci:// URLs. */
    public String host() {
        return "127.0.0.1:" + server.getPort();
    }

    public String url(String repository) {
        return "oci://" + host() + "/" + repository;
    }

    /**
     * Holds the next request the predicate accepts before passing it on. Released, it is passed on and answered (to a
     * client that may be gone by then); dropped, the connection is closed unanswered.
     */
    public CallHold holdWhenReceived(String description, Predicate<HttpCall> call) {
        return holds.arm(description, call);
    }

    /** Disarms every hold and drops every held request. */
    public void dropHolds() {
        holds.dropAll();
    }

    @Override
    public void close() {
        holds.dropAll();
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the registry proxy", e);
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private MockResponse passOn(RecordedRequest request) {
        String method = request.getMethod();
        Optional<CallHold> hold =
                holds.take(new HttpCall(method, request.getRequestUrl().encodedPath(), ""));
        if (hold.isPresent() && !hold.get().hold()) {
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        RequestBody body = WITH_BODY.contains(method)
                ? RequestBody.create(request.getBody().readByteArray(), null)
                : null;
        Request.Builder forward =
                new Request.Builder().url(upstream + request.getPath()).method(method, body);
        request.getHeaders().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getFirst().toLowerCase(Locale.ROOT))) {
                forward.addHeader(header.getFirst(), header.getSecond());
            }
        });
        try (Response response = http.newCall(forward.build()).execute()) {
            MockResponse answer = new MockResponse().setResponseCode(response.code());
            ResponseBody responseBody = response.body();
            answer.setBody(new okio.Buffer().write(responseBody == null ? new byte[0] : responseBody.bytes()));
            Headers.Builder headers = new Headers.Builder();
            response.headers().forEach(header -> {
                if (!HOP_BY_HOP.contains(header.getFirst().toLowerCase(Locale.ROOT))) {
                    headers.add(header.getFirst(), header.getSecond());
                }
            });
            answer.setHeaders(headers.add("Content-Length", contentLength(method, response, answer))
                    .build());
            return answer;
        } catch (IOException e) {
            return new MockResponse().setResponseCode(502).setBody("registry unreachable through the proxy: " + e);
        }
    }

    /** A HEAD answer has no body but tells the size of the GET's, as the registry said it. */
    private static String contentLength(String method, Response response, MockResponse answer) {
        String upstreamLength = response.header("Content-Length");
        if ("HEAD".equals(method) && upstreamLength != null) {
            return upstreamLength;
        }
        return String.valueOf(answer.getBody() == null ? 0 : answer.getBody().size());
    }
}
