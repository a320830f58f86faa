package dev.kiln.store;

import static dev.kiln.data.Checks.checkArgument;

/**
 * A parsed model reference: {@code name} (latest version), {@code name:3} (version 3) or
 * {@code name@champion} (the version an alias points to; {@code @production} and {@code @staging} fall back to the
 * legacy stage of that name).
 *
 * @param name    model name
 * @param version version number, or {@code null}
 * @param alias   alias, or {@code null}
 */
record ModelRef(String name, Integer version, String alias) {

    static ModelRef parse(String ref) {
        checkArgument(ref != null && !ref.isBlank(), "model reference must not be blank: '%s'", ref);
        int colon = ref.lastIndexOf(':');
        int at = ref.lastIndexOf('@');
        checkArgument(colon < 0 || at < 0, "model reference '%s' has both ':version' and '@alias'; use one", ref);
        if (colon >= 0) {
            String name = ref.substring(0, colon);
            ModelRegistry.checkName(name);
            return new ModelRef(name, parseVersion(ref, ref.substring(colon + 1)), null);
        }
        if (at >= 0) {
            String name = ref.substring(0, at);
            ModelRegistry.checkName(name);
            String alias = ref.substring(at + 1);
            Aliases.checkAlias(alias);
            return new ModelRef(name, null, alias);
        }
        ModelRegistry.checkName(ref);
        return new ModelRef(ref, null, null);
    }

    private static int parseVersion(String ref, String text) {
        int version;
        try {
            version = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model reference '" + ref + "': version '" + text
                    + "' is not a number; use name, name:<version> or name@<alias>", e);
        }
        checkArgument(version >= 1, "model reference '%s': version must be >= 1: %s", ref, version);
        return version;
    }
}
