package dev.kiln.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON text for the maps kept in metadata columns; non-finite doubles are written as strings and read back. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Double>> DOUBLES = new TypeReference<>() { };
    private static final TypeReference<TreeMap<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<ArtifactFile>> ARTIFACTS = new TypeReference<>() { };

    private Json() {
    }

    static String writeArtifacts(List<ArtifactFile> files) {
        try {
            return MAPPER.writeValueAsString(files);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write artifact list as JSON", e);
        }
    }

    /** The artifact list in {@code json}; empty for {@code null} (runs recorded before the list was kept). */
    static List<ArtifactFile> readArtifacts(String json) {
        return json == null ? List.of() : read(json, ARTIFACTS);
    }

    static String write(Map<String, ?> map) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write map as JSON: " + map.keySet(), e);
        }
    }

    static Map<String, Double> readDoubles(String json) {
        return read(json, DOUBLES);
    }

    static Map<String, String> readStrings(String json) {
        return read(json, STRINGS);
    }

    private static <M> M read(String json, TypeReference<M> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON in store: " + json, e);
        }
    }
}
