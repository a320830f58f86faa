package dev.kiln.server;

import dev.kiln.bundle.Bundle;
import dev.kiln.server.monitor.ModelLookup;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The monitor's view of the served set, always the one being served now. Thread-safe. */
final class ServedLookup implements ModelLookup {
    private final Supplier<ServedModels> served;

    ServedLookup(Supplier<ServedModels> served) {
        this.served = served;
    }

    @Override
    public List<String> names() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        served.get().all().forEach(m -> names.add(m.name()));
        return List.copyOf(names);
    }

    @Override
    public int currentVersion(String name) {
        try {
            return served.get().resolve(name).version();
        } catch (NotFoundException e) {
            return -1;
        }
    }

    @Override
    public Bundle bundle(String name, int version) {
        try {
            return served.get().resolve(name + ":" + version).bundle();
        } catch (NotFoundException e) {
            return null;
        }
    }

    @Override
    public Map<String, Integer> aliases(String name) {
        return served.get().aliases(name);
    }
}
