package dev.skillsync.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.skillsync.testing.ExternalCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry token service (Docker token authentication) for one user: it checks Basic credentials and issues
 * RS256 JWTs that the distribution registry verifies with the signing certificate as its rootcertbundle.
 * Valid credentials get the actions they ask for; anonymous callers get a token granting nothing.
 */
final class TokenServer implements AutoCloseable {

    static final String SERVICE = "skillsync-test-registry";
    static final String ISSUER = "skillsync-test-token-service";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIFETIME_SECONDS = 300;

    private final String username;
    private final String password;
    private final Path signingCertificate;
    private final PrivateKey signingKey;
    private final String x5c;
    private final HttpServer server;
    private final AtomicInteger tokenRequests = new AtomicInteger();

    TokenServer(Path directory, String username, String password) throws IOException, GeneralSecurityException {
        this.username = username;
        this.password = password;
        ExternalCommand.OPENSSL.runIn(
                directory,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "token.key",
                "-out",
                "token.crt",
                "-days",
                "2",
                "-subj",
                "/CN=skillsync test token signer");
        this.signingCertificate = directory.resolve("token.crt");
        this.signingKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(pemBody(Files.readString(directory.resolve("token.key")))));
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(signingCertificate))) {
            this.x5c = Base64.getEncoder()
                    .encodeToString(CertificateFactory.getInstance("X.509")
                            .generateCertificate(in)
                            .getEncoded());
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::issue);
        server.start();
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    Path rootCertBundle() {
        return signingCertificate;
    }

    /** Token requests received so far, answered or refused. */
    int tokenRequests() {
        return tokenRequests.get();
    }

    /** A token with these actions on the repository, as the service would give the valid user. */
    String mint(String repository, List<String> actions) {
        return jwt(username, List.of(Map.of("type", "repository", "name", repository, "actions", actions)));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void issue(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic "
                    + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (authorization != null && !authorization.equals(expected)) {
                respond(
                        exchange,
                        401,
                        Map.of(
                                "errors",
                                List.of(Map.of("code", "UNAUTHORIZED", "message", "incorrect username or password"))));
                return;
            }
            List<Map<String, Object>> access = new ArrayList<>();
            if (authorization != null) {
                for (String scope : queryValues(exchange, "scope")) {
                    int first = scope.indexOf(':');
                    int last = scope.lastIndexOf(':');
                    access.add(Map.of(
                            "type",
                            scope.substring(0, first),
                            "name",
                            scope.substring(first + 1, last),
                            "actions",
                            List.of(scope.substring(last + 1).split(","))));
                }
            }
            String token = jwt(authorization == null ? "" : username, access);
            respond(
                    exchange,
                    200,
                    Map.of(
                            "token",
                            token,
                            "expires_in",
                            LIFETIME_SECONDS,
                            "issued_at",
                            Instant.now().toString()));
        }
    }

    private String jwt(String subject, List<? extends Map<String, ?>> access) {
        try {
            Map<String, Object> header = Map.of("typ", "JWT", "alg", "RS256", "x5c", List.of(x5c));
            long now = Instant.now().getEpochSecond();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", ISSUER);
            claims.put("sub", subject);
            claims.put("aud", SERVICE);
            claims.put("exp", now + LIFETIME_SECONDS);
            claims.put("nbf", now - 10);
            claims.put("iat", now);
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("access", access);
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = base64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + base64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64.encodeToString(signature.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static List<String> queryValues(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        List<String> values = new ArrayList<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0
                    && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8)
                            .equals(name)) {
                values.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    private static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
