package dev.skillsync.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A throw-away CA and a server certificate for 127.0.0.1 signed by it, made with the openssl command. */
record TestPki(Path caCertificate, Path serverCertificate, Path serverKey) {

    static TestPki create(Path directory) {
        String openssl = ExternalTools.require(ExternalTools.OPENSSL, "openssl").toString();
        ExternalTools.run(directory, List.of(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
                "-subj", "/CN=skillsync test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign"));
        ExternalTools.run(directory, List.of(openssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"));
        try {
            Files.writeString(directory.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ExternalTools.run(directory, List.of(openssl, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey",
                "ca.key", "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "server.ext"));
        return new TestPki(directory.resolve("ca.crt"), directory.resolve("server.crt"), directory.resolve("server.key"));
    }

    byte[] caPem() {
        try {
            return Files.readAllBytes(caCertificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
