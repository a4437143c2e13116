package dev.skillsync.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A TLS-terminating HTTP/1.1 proxy on a free loopback port in front of an API server, which can hold a matching
 * request (by method, path and body, as an {@link HttpCall}) before it goes upstream until the test releases it: how
 * a race test opens a window in which a foreign change lands between the operator's read and its write, against a
 * real API server. Every other request, and
 * every response (watch streams included), passes through unchanged. The upstream's certificate is not checked: it
 * is a loopback API server the test started.
 */
public final class HoldingProxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Bodies are read whole, so that a hold's predicate sees them; the API server's own limit is 3 MiB. */
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final URI upstream;
    private final SSLServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "holding-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final CallHolds<HttpCall> holds = new CallHolds<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private HoldingProxy(URI upstream, SSLServerSocket server) {
        this.upstream = upstream;
        this.server = server;
        connections.execute(this::accept);
    }

    /**
     * @param upstream    the API server, {@code https://127.0.0.1:port} (or {@code http://} for a plain one)
     * @param certificate PEM certificate the proxy serves, for 127.0.0.1
     * @param privateKey  its PKCS#8 PEM key (EC or RSA)
     */
    public static HoldingProxy start(URI upstream, Path certificate, Path privateKey) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(certificate, privateKey), null, null);
            SSLServerSocket server = (SSLServerSocket)
                    context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new HoldingProxy(upstream, server);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the proxy's TLS", e);
        }
    }

    public String url() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    /**
     * Holds the next request the predicate accepts, after its body has arrived and before any of it goes upstream,
     * until the returned hold is released (it then goes on unchanged) or dropped (its connection is closed).
     */
    public CallHold holdWhenReceived(String description, Predicate<HttpCall> call) {
        return holds.arm(description, call);
    }

    /** Drops any held request and stops accepting and relaying. */
    @Override
    public void close() {
        holds.dropAll();
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        sockets.forEach(HoldingProxy::closeQuietly);
        connections.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                connections.execute(() -> relay(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One client connection: requests are parsed (to find the held one), responses copied as they are. */
    private void relay(Socket client) {
        try (client;
                Socket origin = connectUpstream()) {
            sockets.add(origin);
            connections.execute(() -> copy(origin, client));
            InputStream in = client.getInputStream();
            OutputStream out = origin.getOutputStream();
            while (true) {
                byte[] head = readHead(in);
                if (head == null) {
                    return;
                }
                String text = new String(head, StandardCharsets.ISO_8859_1);
                String line = text.substring(0, text.indexOf("\r\n"));
                String[] parts = line.split(" ");
                String headers = text.toLowerCase(Locale.ROOT);
                if (headers.contains("\r\nupgrade:")) {
                    out.write(head);
                    out.flush();
                    in.transferTo(out);
                    return;
                }
                Body body = readBody(in, headers);
                String requestPath = parts.length > 1 ? parts[1].replaceFirst("\\?.*", "") : "";
                HttpCall call = new HttpCall(parts[0], requestPath, new String(body.content(), StandardCharsets.UTF_8));
                Optional<CallHold> hold = holds.take(call);
                if (hold.isPresent() && !hold.get().hold()) {
                    return;
                }
                out.write(head);
                out.write(body.raw());
                out.flush();
            }
        } catch (IOException e) {
            // The client or the upstream went away: the connection ends, as it would without the proxy.
        }
    }

    private Socket connectUpstream() throws IOException {
        int port = upstream.getPort();
        if ("https".equals(upstream.getScheme())) {
            return TrustingTls.context().getSocketFactory().createSocket(upstream.getHost(), port);
        }
        return new Socket(upstream.getHost(), port);
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // One side closed.
        } finally {
            closeQuietly(to);
        }
    }

    /** The request line and headers up to the blank line, or null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1)
                    ? matched + 1
                    : b == '\r' ? 1 : 0;
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return head.toByteArray();
    }

    /** A request body as it came ({@code raw}, chunks included) and as its sender meant it ({@code content}). */
    private record Body(byte[] raw, byte[] content) {}

    private static Body readBody(InputStream in, String lowerCaseHeaders) throws IOException {
        var length = Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(lowerCaseHeaders);
        if (length.find()) {
            byte[] body = readExactly(in, Long.parseLong(length.group(1)));
            return new Body(body, body);
        }
        if (Pattern.compile("\r\ntransfer-encoding:[^\r]*chunked")
                .matcher(lowerCaseHeaders)
                .find()) {
            return readChunks(in);
        }
        return new Body(new byte[0], new byte[0]);
    }

    private static Body readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            raw.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long size = Long.parseLong(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    raw.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return new Body(raw.toByteArray(), content.toByteArray());
            }
            byte[] chunk = readExactly(in, size);
            raw.write(chunk);
            content.write(chunk);
            raw.write(readExactly(in, 2));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("stream ended inside a chunked body");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readExactly(InputStream in, long count) throws IOException {
        if (count > MAX_BODY_BYTES) {
            throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
        }
        byte[] bytes = in.readNBytes((int) count);
        if (bytes.length < count) {
            throw new IOException("stream ended inside a body");
        }
        return bytes;
    }

    private static javax.net.ssl.KeyManager[] keyManagers(Path certificate, Path privateKey)
            throws IOException, GeneralSecurityException {
        Certificate cert;
        try (InputStream in = Files.newInputStream(certificate)) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        String pem = Files.readString(privateKey);
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalArgumentException(privateKey + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        String algorithm = cert.getPublicKey().getAlgorithm();
        PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "proxy".toCharArray();
        store.setKeyEntry("proxy", key, password, new Certificate[] {cert});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
