package dev.skillsync.oci;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * How to talk to a registry: plain HTTP, or HTTPS trusting either the JVM's CAs or only the given ones.
 *
 * @param insecure         plain HTTP
 * @param caCertificates   the only CAs trusted for HTTPS; empty for the JVM's default trust store
 */
public record RegistryConnection(boolean insecure, List<X509Certificate> caCertificates) {

    public RegistryConnection {
        caCertificates = List.copyOf(caCertificates);
    }

    /**
     * @param caCrtPem the {@code ca.crt} of the Skill's certSecretRef (PEM, one or more certificates), or null
     * @throws IllegalArgumentException when the PEM holds no certificate
     */
    public static RegistryConnection of(boolean insecure, byte[] caCrtPem) {
        return new RegistryConnection(insecure, caCrtPem == null ? List.of() : parsePem(caCrtPem));
    }

    private static List<X509Certificate> parsePem(byte[] pem) {
        try {
            List<X509Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                            .map(X509Certificate.class::cast)
                            .toList();
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(
                        "ca.crt holds no certificate: put the registry's CA certificate" + " there in PEM form");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("ca.crt is not a PEM-encoded X.509 certificate: " + e.getMessage(), e);
        }
    }
}
