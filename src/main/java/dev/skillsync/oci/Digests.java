package dev.skillsync.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** OCI content digests ({@code algorithm:hex}): validation, computation and verification. */
final class Digests {

    /** The algorithms the OCI image spec registers; anything else could not be verified. */
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}");

    private Digests() {}

    static boolean isValid(String digest) {
        return digest != null && DIGEST.matcher(digest).matches();
    }

    static String sha256(byte[] content) {
        return "sha256:" + HexFormat.of().formatHex(messageDigest("SHA-256").digest(content));
    }

    /** Whether the content has this (valid) digest. */
    static boolean matches(byte[] content, String digest) {
        String algorithm = digest.startsWith("sha512:") ? "SHA-512" : "SHA-256";
        byte[] expected = HexFormat.of().parseHex(digest.substring(digest.indexOf(':') + 1));
        return MessageDigest.isEqual(expected, messageDigest(algorithm).digest(content));
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + algorithm, e);
        }
    }
}
