package dev.kiln.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Hashes;
import dev.kiln.data.Field;
import dev.kiln.data.Role;
import dev.kiln.data.Schema;
import dev.kiln.learn.catalog.ModelReaders;
import dev.kiln.learn.Pipeline;
import dev.kiln.monitor.DriftReference;
import dev.kiln.prep.FittedTransformer;
import dev.kiln.prep.TransformerReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A deployable model: manifest, fitted pipeline and drift reference, written to and read from one
 * directory. Writing is atomic (a temporary directory renamed into place); reading checks the format
 * version and every checksum and refuses with a clear message. Immutable.
 */
public record Bundle(Manifest manifest, Pipeline pipeline, DriftReference reference) {
    /** The bundle format this Kiln writes; it reads this one and every earlier one. */
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String PIPELINE = "pipeline.json";
    static final String REFERENCE = "reference.json";

    /** Writes the bundle to {@code dir}, which must not exist yet; returns the manifest with checksums. */
    public Manifest write(Path dir) throws IOException {
        if (Files.exists(dir)) {
            throw new BundleException(dir + ": already exists; a bundle is never overwritten");
        }
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, ".bundle-");
        try {
            FileArrays arrays = new FileArrays(temp);
            ObjectNode pipelineJson = BundleJson.MAPPER.createObjectNode();
            ArrayNode steps = pipelineJson.putArray("steps");
            for (FittedTransformer step : pipeline.steps()) {
                steps.add(step.toJson(arrays));
            }
            pipelineJson.set("model", pipeline.model().toJson(arrays));
            if (!Double.isNaN(pipeline.decisionThreshold())) {
                pipelineJson.put("decision_threshold", pipeline.decisionThreshold());
            }
            BundleJson.MAPPER.writeValue(temp.resolve(PIPELINE).toFile(), pipelineJson);
            BundleJson.MAPPER.writeValue(temp.resolve(REFERENCE).toFile(), ReferenceJson.write(reference));
            Manifest written = manifest.withFiles(checksums(temp));
            BundleJson.MAPPER.writeValue(temp.resolve(MANIFEST).toFile(), written);
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    /** Reads the bundle in {@code dir}; {@link BundleException} when it is missing, too new or corrupted. */
    public static Bundle read(Path dir) throws IOException {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new BundleException(dir + ": not a model bundle (no " + MANIFEST + ")");
        }
        Manifest manifest;
        try {
            manifest = BundleJson.MAPPER.readValue(manifestFile.toFile(), Manifest.class);
        } catch (JsonProcessingException e) {
            throw new BundleException(manifestFile + ": not a valid manifest: " + e.getOriginalMessage(), e);
        }
        if (manifest.formatVersion() < 1 || manifest.formatVersion() > FORMAT_VERSION) {
            throw new BundleException(dir + ": bundle format " + manifest.formatVersion() + " is not one this Kiln ("
                    + KilnVersion.get() + ") reads (1 to " + FORMAT_VERSION + "); it was written by Kiln " + manifest.kilnVersion());
        }
        verify(dir, manifest.files());
        try {
            FileArrays arrays = new FileArrays(dir);
            JsonNode pipelineJson = BundleJson.MAPPER.readTree(dir.resolve(PIPELINE).toFile());
            List<FittedTransformer> steps = new ArrayList<>();
            for (JsonNode step : pipelineJson.path("steps")) {
                steps.add(TransformerReaders.read((ObjectNode) step, arrays));
            }
            var model = ModelReaders.read((ObjectNode) pipelineJson.get("model"), arrays);
            Pipeline pipeline = new Pipeline(schema(manifest), steps, model);
            JsonNode threshold = pipelineJson.get("decision_threshold"); // absent in bundles that predate thresholds
            if (threshold != null) {
                if (!threshold.isNumber()) {
                    throw new BundleException(dir + ": " + PIPELINE + ": decision_threshold: expected a number");
                }
                pipeline = pipeline.withDecisionThreshold(threshold.doubleValue());
            }
            DriftReference reference = ReferenceJson.read(BundleJson.MAPPER.readTree(dir.resolve(REFERENCE).toFile()));
            return new Bundle(manifest, pipeline, reference);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new BundleException(dir + ": cannot rebuild the pipeline: " + e.getMessage(), e);
        }
    }

    private static Schema schema(Manifest manifest) {
        List<Field> fields = new ArrayList<>();
        for (Manifest.InputField f : manifest.inputSchema()) {
            ColumnKind kind = ColumnKind.fromLabel(f.kind());
            Role role = Role.fromLabel(f.role());
            if (kind == null || role == null) {
                throw new BundleException("manifest.json: input field '" + f.name() + "' has unknown kind or role");
            }
            fields.add(new Field(f.name(), kind, role, f.levels()));
        }
        return Schema.of(fields);
    }

    private static void verify(Path dir, Map<String, String> expected) throws IOException {
        Map<String, String> actual = checksums(dir);
        actual.remove(MANIFEST);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String found = actual.get(e.getKey());
            if (found == null) {
                throw new BundleException(dir + ": file " + e.getKey() + " listed in the manifest is missing");
            }
            if (!found.equals(e.getValue())) {
                throw new BundleException(dir + ": checksum mismatch for " + e.getKey() + " (changed after the bundle was written)");
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                throw new BundleException(dir + ": file " + name + " is not listed in the manifest (added after the bundle was written)");
            }
        }
        for (String name : List.of(PIPELINE, REFERENCE)) {
            if (!expected.containsKey(name)) {
                throw new BundleException(dir + ": manifest lists no checksum for " + name);
            }
        }
    }

    /** SHA-256 of every regular file under {@code dir} except the manifest, by relative path with '/'. */
    private static Map<String, String> checksums(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                if (!name.equals(MANIFEST)) {
                    out.put(name, Hashes.sha256(Files.readAllBytes(file)));
                }
            }
        }
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
