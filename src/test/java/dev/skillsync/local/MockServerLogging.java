package dev.skillsync.local;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps the embedded Kubernetes API quiet: the fabric8 mock server logs every request otherwise. */
public final class MockServerLogging {

    /** Held so the setting is not lost with the logger, which java.util.logging keeps only weakly. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private MockServerLogging() {}

    public static void quiet() {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }
}
