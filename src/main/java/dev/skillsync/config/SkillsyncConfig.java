package dev.skillsync.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Every setting of the operator, under the {@code skillsync.} prefix. See the README for each. */
@ConfigMapping(prefix = "skillsync")
public interface SkillsyncConfig {

    Api api();

    Content content();

    Oci oci();

    Retry retry();

    LeaderElection leaderElection();

    /** One active replica at a time, through a Lease (the Helm chart turns it on when replicas > 1). */
    interface LeaderElection {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("skillsync-operator-leader")
        String leaseName();

        /** Namespace of the Lease; default: the namespace the operator runs in. */
        Optional<String> leaseNamespace();

        /**
         * Exit the process when leadership is lost, so that Kubernetes restarts it as a follower. Turn off only where
         * the operator is embedded in a process that must outlive it (the tests).
         */
        @WithDefault("true")
        boolean exitOnStopLeading();
    }

    /** How long a Skill waits before a failed sync is tried again. */
    interface Retry {
        /** First wait after a failure; the wait grows with the time the Skill has been failing. */
        @WithDefault("5s")
        Duration minBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** Least wait after the Skills API answered 429. */
        @WithDefault("30s")
        Duration rateLimitedBackoff();
    }

    interface Api {
        /** Base URL of the Skills API; {@code ANTHROPIC_BASE_URL} sets it. */
        @WithDefault("https://api.anthropic.com")
        String baseUrl();

        /** Default API key for Skills without {@code apiKeySecretRef}; {@code ANTHROPIC_API_KEY} sets it. */
        Optional<String> key();

        /**
         * Workspace of the default key, sent as {@code anthropic-workspace-id} (for keys that act on several
         * workspaces); {@code ANTHROPIC_WORKSPACE_ID} sets it.
         */
        Optional<String> workspaceId();

        /**
         * A file holding the default API key instead, read again at each use so that a rotated key (a Secret mounted
         * as a file) is used without a restart; {@code ANTHROPIC_API_KEY_FILE} sets it. Not together with
         * {@link #key()}.
         */
        Optional<Path> keyFile();

        /**
         * Wire dialect: {@code beta} (header {@code anthropic-beta: skills-2025-10-02}) or {@code ga} (the GA shapes,
         * without the beta header).
         */
        @WithDefault("beta")
        String dialect();

        @WithDefault("10s")
        Duration connectTimeout();

        /** Upper bound for one HTTP call, upload included. */
        @WithDefault("120s")
        Duration callTimeout();

        /** Retries after the first attempt for 408, 409, 429 and 5xx answers and I/O errors. */
        @WithDefault("4")
        int maxRetries();

        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** Calls to the Skills API in flight at once, across all Skills. */
        @WithDefault("8")
        int maxConcurrentRequests();
    }

    interface Content {
        /** Largest total size of one skill's files, uncompressed. */
        @WithDefault("30M")
        MemorySize maxUploadSize();
    }

    interface Oci {
        /** Largest compressed size of one artifact (manifest and layers). */
        @WithDefault("64M")
        MemorySize maxArtifactSize();

        /** Largest unpacked size of one artifact's files. */
        @WithDefault("64M")
        MemorySize maxUnpackedSize();

        @WithDefault("10s")
        Duration connectTimeout();

        @WithDefault("60s")
        Duration callTimeout();
    }
}
