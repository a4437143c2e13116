package dev.skillsync.scenario;

import static dev.skillsync.testing.SkillFixtures.configMap;
import static dev.skillsync.testing.SkillFixtures.files;
import static dev.skillsync.testing.SkillFixtures.newSkill;
import static dev.skillsync.testing.SkillFixtures.uniqueNamespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skillsync.fake.RecordedCall;
import dev.skillsync.testing.SkillsyncTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The operator's default key comes from a file, as the Helm chart mounts its Secret: Kubernetes swaps the file's
 * content when the Secret changes, and the next call uses the new key, with no restart.
 */
@QuarkusTest
@TestProfile(DefaultKeyFileScenarioTest.KeyFromFile.class)
@QuarkusTestResource(SkillsyncTestEnvironment.class)
class DefaultKeyFileScenarioTest extends ScenarioSupport {

    static final String FIRST_KEY = "sk-ant-from-file-first";
    static final String SECOND_KEY = "sk-ant-from-file-second";

    /** A Secret volume as the kubelet writes it: the key is a link into a directory that is swapped whole. */
    static final class SecretVolume {

        static final Path DIR = createDirectory();
        static final Path KEY_FILE = DIR.resolve("api-key");
        private static final AtomicInteger REVISIONS = new AtomicInteger();

        private static Path createDirectory() {
            try {
                return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "key-volume");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes a new revision and swaps the {@code ..data} link to it at once, as the kubelet does. */
        static synchronized void write(String key) {
            try {
                Path revision = Files.createDirectory(DIR.resolve("..rev" + REVISIONS.incrementAndGet()));
                Files.writeString(revision.resolve("api-key"), key);
                Path next = Files.createSymbolicLink(DIR.resolve("..data_tmp"), revision.getFileName());
                Files.move(
                        next,
                        DIR.resolve("..data"),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                if (!Files.exists(KEY_FILE, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(KEY_FILE, Path.of("..data", "api-key"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static class KeyFromFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            SecretVolume.write(FIRST_KEY);
            // No key setting: the file is the operator's only default key.
            return Map.of("skillsync.api.key", "", "skillsync.api.key-file", SecretVolume.KEY_FILE.toString());
        }
    }

    @Test
    void theDefaultKeyIsReadFromItsFileAndARotatedKeyIsUsedAtTheNextCall() {
        api().acceptKey(FIRST_KEY);
        String ns = uniqueNamespace("keyfile");
        create(configMap(ns, "files", true, files("filekey", "Key from a file.", "v = 1\n")));
        create(newSkill(ns, "filekey", "files"));
        String skillId = awaitSynced(ns, "filekey").getStatus().getSkillId();
        assertThat(api().calls())
                .filteredOn(c -> c.path().contains("/v1/skills"))
                .anySatisfy(call -> assertThat(call.hasApiKey(FIRST_KEY)).isTrue());
        int callsBefore = api().calls().size();

        api().acceptKey(SECOND_KEY);
        SecretVolume.write(SECOND_KEY);
        api().revokeKey(FIRST_KEY);
        putFile(ns, "files", "run.py", "v = 2\n");

        await().atMost(TIMEOUT)
                .until(() -> api().versions(skillId).size() == 2
                        && hasCondition(skill(ns, "filekey").get(), "Ready", "True", "Synced"));
        List<RecordedCall> after =
                api().calls().subList(callsBefore, api().calls().size());
        assertThat(after).isNotEmpty().allSatisfy(call -> {
            assertThat(call.hasApiKey(SECOND_KEY)).isTrue();
            assertThat(call.status()).isLessThan(300);
        });
    }
}
