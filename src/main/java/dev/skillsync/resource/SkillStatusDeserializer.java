package dev.skillsync.resource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * Reads {@code status} without ever failing, as {@link SkillSpecDeserializer} reads the spec: a status written by
 * something else than this operator must not stop the informer. A value that cannot be read is left out (the
 * operator writes the whole status again at its next sync) and logged.
 */
public class SkillStatusDeserializer extends StdDeserializer<SkillStatus> {

    private static final Logger LOG = Logger.getLogger(SkillStatusDeserializer.class);
    private static final String ROOT = "status";

    /** Binds SkillStatus with Jackson's own bean deserializer inside the tolerant reader. */
    @JsonDeserialize
    private abstract static class PlainBinding {}

    private static final TolerantReader READER = new TolerantReader(SkillStatus.class, PlainBinding.class);

    public SkillStatusDeserializer() {
        super(SkillStatus.class);
    }

    @Override
    public SkillStatus deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode tree = context.readTree(parser);
        TolerantReader.Result<SkillStatus> read = READER.read(tree, SkillStatus.class, ROOT, new SkillStatus());
        read.problems()
                .forEach(problem ->
                        LOG.warnf("a Skill's status was left out where it cannot be read: %s", problem.message()));
        return read.value();
    }
}
