package dev.skillsync.oci;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients for registries: one shared client for the JVM's trust store, and one per set of private CAs,
 * derived from it so that they share its connection pool and threads.
 */
final class RegistryHttpClients implements AutoCloseable {

    /** Distinct CA sets kept; each Skill with a certSecretRef brings one, most share. */
    private static final int MAX_CA_CLIENTS = 64;

    private final OkHttpClient shared;
    private final Map<List<String>, OkHttpClient> byCaFingerprints =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<String>, OkHttpClient> eldest) {
                    return size() > MAX_CA_CLIENTS;
                }
            });

    RegistryHttpClients(Duration connectTimeout, Duration callTimeout) {
        this.shared = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .callTimeout(callTimeout)
                .build();
    }

    OkHttpClient forConnection(RegistryConnection connection) {
        if (connection.insecure() || connection.caCertificates().isEmpty()) {
            return shared;
        }
        List<String> fingerprints = connection.caCertificates().stream()
                .map(RegistryHttpClients::fingerprint)
                .toList();
        return byCaFingerprints.computeIfAbsent(fingerprints, key -> trusting(connection.caCertificates()));
    }

    @Override
    public void close() {
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    private OkHttpClient trusting(List<X509Certificate> cas) {
        try {
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                trustStore.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trustManager}, null);
            return shared.newBuilder()
                    .sslSocketFactory(tls.getSocketFactory(), trustManager)
                    .build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context for the registry's CA certificate", e);
        }
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return Digests.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a parsed certificate", e);
        }
    }
}
