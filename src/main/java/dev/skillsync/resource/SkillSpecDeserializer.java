package dev.skillsync.resource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads {@code spec} without ever failing, so that one Skill written past the schema cannot stop the informer that
 * watches every Skill. What cannot be read is left out of the model and kept in {@link SkillSpec#readProblems()}, for
 * the reconciler to report as {@code InvalidSpec}.
 */
public class SkillSpecDeserializer extends StdDeserializer<SkillSpec> {

    /** Binds SkillSpec with Jackson's own bean deserializer inside the tolerant reader. */
    @JsonDeserialize
    private abstract static class PlainBinding {}

    private static final TolerantReader READER = new TolerantReader(SkillSpec.class, PlainBinding.class);

    public SkillSpecDeserializer() {
        super(SkillSpec.class);
    }

    @Override
    public SkillSpec deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode tree = context.readTree(parser);
        TolerantReader.Result<SkillSpec> read = READER.read(tree, SkillSpec.class, SkillSpec.ROOT, new SkillSpec());
        SkillSpec spec = read.value();
        spec.setReadProblems(read.problems());
        return spec;
    }
}
