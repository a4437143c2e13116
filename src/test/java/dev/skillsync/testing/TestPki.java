package dev.skillsync.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throw-away CA and a server certificate for 127.0.0.1 signed by it, made with the openssl command. */
public record TestPki(Path caCertificate, Path serverCertificate, Path serverKey) {

    public static TestPki create(Path directory) {
        ExternalCommand openssl = ExternalCommand.OPENSSL;
        openssl.runIn(
                directory,
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt",
                "-days",
                "2",
                "-subj",
                "/CN=skillsync test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign");
        openssl.runIn(
                directory,
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                "/CN=127.0.0.1");
        try {
            Files.writeString(directory.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        openssl.runIn(
                directory,
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "server.crt",
                "-days",
                "2",
                "-extfile",
                "server.ext");
        return new TestPki(
                directory.resolve("ca.crt"), directory.resolve("server.crt"), directory.resolve("server.key"));
    }

    public byte[] caPem() {
        try {
            return Files.readAllBytes(caCertificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
