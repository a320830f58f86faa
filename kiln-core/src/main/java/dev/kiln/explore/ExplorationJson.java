package dev.kiln.explore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON form of an {@link Exploration} ({@code profile.json}): snake_case names, indented; a
 * non-finite number, should one reach it, is written as a string so the file stays valid JSON.
 */
public final class ExplorationJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private ExplorationJson() {
    }

    public static String write(Exploration exploration) {
        try {
            return MAPPER.writeValueAsString(exploration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the exploration", e);
        }
    }

    public static void write(Exploration exploration, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), exploration);
    }
}
