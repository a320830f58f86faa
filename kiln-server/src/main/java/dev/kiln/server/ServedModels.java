package dev.kiln.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The set of model versions a server answers for, with their aliases: an immutable snapshot that the
 * server swaps atomically when models are promoted, so a request never sees half of a change.
 *
 * <p>References: {@code name:3} (a version), {@code name@champion} (an alias), or {@code name} alone,
 * which means the {@code champion} alias, else the {@code production} alias, else the latest version.
 */
public final class ServedModels {
    private final Map<String, NavigableMap<Integer, ServedModel>> versions;
    private final Map<String, Map<String, Integer>> aliases;

    private ServedModels(Map<String, NavigableMap<Integer, ServedModel>> versions, Map<String, Map<String, Integer>> aliases) {
        this.versions = versions;
        this.aliases = aliases;
    }

    /** Collects versions and aliases; {@link #build} checks that every alias points at a served version. */
    public static final class Builder {
        private final Map<String, NavigableMap<Integer, ServedModel>> versions = new LinkedHashMap<>();
        private final Map<String, Map<String, Integer>> aliases = new LinkedHashMap<>();

        public Builder add(ServedModel model) {
            versions.computeIfAbsent(model.name(), n -> new TreeMap<>()).put(model.version(), model);
            return this;
        }

        public Builder alias(String name, String alias, int version) {
            aliases.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(alias, version);
            return this;
        }

        public ServedModels build() {
            aliases.forEach((name, map) -> map.forEach((alias, version) -> {
                if (!versions.containsKey(name) || !versions.get(name).containsKey(version)) {
                    throw new IllegalArgumentException("alias " + name + "@" + alias + " points at version " + version + ", which is not served");
                }
            }));
            Map<String, NavigableMap<Integer, ServedModel>> v = new LinkedHashMap<>();
            versions.forEach((name, map) -> v.put(name, Collections.unmodifiableNavigableMap(new TreeMap<>(map))));
            Map<String, Map<String, Integer>> a = new LinkedHashMap<>();
            aliases.forEach((name, map) -> a.put(name, Map.copyOf(map)));
            return new ServedModels(Collections.unmodifiableMap(v), Collections.unmodifiableMap(a));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    /** The model a reference names; {@link NotFoundException} naming what is served when there is none. */
    public ServedModel resolve(String ref) {
        int at = ref.indexOf('@');
        int colon = ref.lastIndexOf(':');
        String name = at >= 0 ? ref.substring(0, at) : colon >= 0 ? ref.substring(0, colon) : ref;
        NavigableMap<Integer, ServedModel> byVersion = versions.get(name);
        if (byVersion == null) {
            throw new NotFoundException("no model '" + name + "' (served: " + String.join(", ", versions.keySet()) + ")");
        }
        Map<String, Integer> named = aliases.getOrDefault(name, Map.of());
        if (at >= 0) {
            String alias = ref.substring(at + 1);
            Integer version = named.get(alias);
            if (version == null) {
                throw new NotFoundException("no alias '" + alias + "' for model '" + name + "' (aliases: " + String.join(", ", named.keySet()) + ")");
            }
            return byVersion.get(version);
        }
        if (colon >= 0) {
            return version(name, byVersion, ref.substring(colon + 1));
        }
        Integer preferred = named.getOrDefault("champion", named.get("production"));
        return preferred != null ? byVersion.get(preferred) : byVersion.lastEntry().getValue();
    }

    private static ServedModel version(String name, NavigableMap<Integer, ServedModel> byVersion, String text) {
        try {
            ServedModel model = byVersion.get(Integer.parseInt(text));
            if (model != null) {
                return model;
            }
        } catch (NumberFormatException e) {
            // reported below with the versions that exist
        }
        throw new NotFoundException("no version '" + text + "' of model '" + name + "' (versions: " + byVersion.keySet() + ")");
    }

    /** The model that unaddressed requests ({@code /predict}, {@code /invocations}) go to: the only model served. */
    public ServedModel defaultModel() {
        if (versions.size() != 1) {
            throw new NotFoundException(versions.isEmpty() ? "no model is served"
                    : "several models are served (" + String.join(", ", versions.keySet()) + "): use /models/{name}/predict");
        }
        return resolve(versions.keySet().iterator().next());
    }

    /** Every served version, by name then version. */
    public List<ServedModel> all() {
        List<ServedModel> out = new ArrayList<>();
        versions.values().forEach(map -> out.addAll(map.values()));
        return out;
    }

    /** The aliases of model {@code name}: alias to version. */
    public Map<String, Integer> aliases(String name) {
        return aliases.getOrDefault(name, Map.of());
    }

    /** The versions of model {@code name}, ascending. */
    public List<Integer> versions(String name) {
        NavigableMap<Integer, ServedModel> byVersion = versions.get(name);
        return byVersion == null ? List.of() : List.copyOf(byVersion.keySet());
    }
}
