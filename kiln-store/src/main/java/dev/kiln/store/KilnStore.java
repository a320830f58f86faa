package dev.kiln.store;

import static dev.kiln.data.Checks.checkArgument;

import dev.kiln.data.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kiln's store of runs and registered models: metadata in a JDBC database, artifacts in a directory tree.
 *
 * <p>{@link #open(Path)} gives the embedded store, SQLite at {@code kilnDir/kiln.db}; {@link #open(Path, String)}
 * a team store on PostgreSQL (the CLI passes {@code KILN_STORE}). Artifacts always live under
 * {@code kilnDir/artifacts/}. Opening creates or upgrades the schema and refuses a schema newer than this code.
 *
 * <p>Thread-safe, and several processes may share one store: each call opens its own connection, every write
 * is one transaction (a crash leaves the store consistent), and SQLite runs in WAL mode with a busy timeout.
 * A caller's mistake (unknown run, model or stage; malformed name or reference) raises
 * {@link IllegalArgumentException} naming the value; database failures raise {@link StoreException}.
 * {@link #close()} may be called more than once; other calls after it raise {@link IllegalStateException}.
 */
public final class KilnStore implements AutoCloseable {
    private final Path kilnDir;
    private final String jdbcUrl;
    private final RunLog runLog;
    private final ModelRegistry registry;
    private final Artifacts artifacts;
    private final AuditLog audit;
    private final Aliases aliases;
    private final GarbageCollector garbageCollector;
    private final Snapshots snapshots;
    private final Database database;
    private final MonitorLog monitorLog;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KilnStore(Path kilnDir, Database database) {
        this.kilnDir = kilnDir;
        this.jdbcUrl = database.redacted();
        this.artifacts = new Artifacts(kilnDir.resolve("artifacts"));
        Clock clock = Clock.systemUTC();
        this.audit = new AuditLog(database, clock, AuditLog.currentActor());
        this.aliases = new Aliases(database, clock, audit);
        this.runLog = new RunLog(database, artifacts, clock);
        this.registry = new ModelRegistry(database, clock, audit, aliases);
        this.garbageCollector = new GarbageCollector(database, artifacts, audit);
        this.snapshots = new Snapshots(database, artifacts.root(), clock);
        this.database = database;
        this.monitorLog = new MonitorLog(database, kilnDir.resolve("predictions"), clock);
    }

    /** Opens (creating if needed) the embedded store: SQLite at {@code kilnDir/kiln.db}, artifacts beside it. */
    public static KilnStore open(Path kilnDir) {
        checkArgument(kilnDir != null, "kilnDir must not be null");
        createDirectories(kilnDir);
        return open(kilnDir, "jdbc:sqlite:" + kilnDir.toAbsolutePath().resolve("kiln.db"));
    }

    /**
     * Opens the store whose metadata lives at {@code jdbcUrl} (e.g.
     * {@code jdbc:postgresql://host:5432/kiln?user=kiln}); artifacts stay under {@code kilnDir/artifacts/}.
     * Creates or upgrades the schema; a database with a newer schema raises {@link StoreException}.
     */
    public static KilnStore open(Path kilnDir, String jdbcUrl) {
        checkArgument(kilnDir != null, "kilnDir must not be null");
        checkArgument(jdbcUrl != null && (jdbcUrl.startsWith("jdbc:sqlite:") || jdbcUrl.startsWith("jdbc:postgresql:")),
                "unsupported store URL '%s'; allowed: jdbc:sqlite:<file> or jdbc:postgresql://<host>/<database>",
                jdbcUrl);
        createDirectories(kilnDir.resolve("artifacts"));
        var database = new Database(jdbcUrl);
        Migrations.migrate(database);
        return new KilnStore(kilnDir, database);
    }

    /** The metadata database (for this package's tests). */
    Database database() {
        return database;
    }

    /** The directory this store keeps its artifacts (and, when embedded, its database) in. */
    public Path kilnDir() {
        return kilnDir;
    }

    /** The metadata database's JDBC URL without its query string (which may hold credentials). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Records a new run in status {@code running}; the hashes and version may be {@code null}. */
    public Run startRun(String name, String specHash, String dataHash, String kilnVersion) {
        checkOpen();
        return runLog.start(name, specHash, dataHash, kilnVersion);
    }

    /** Creates (if needed) and returns {@code kilnDir/artifacts/runs/<runId>/}; the run must exist. */
    public Path artifactDir(String runId) {
        checkOpen();
        checkArgument(runLog.find(runId).isPresent(), "unknown run: '%s'", runId);
        return artifacts.createRunDirectory(runId);
    }

    /** Who the audit log names for this store's changes: {@code KILN_USER}, else the operating-system user. */
    public String actor() {
        return audit.actor();
    }

    /** Copies a file into the run's artifact directory as {@code name}, atomically (temporary file, then rename). */
    public Path saveArtifact(String runId, String name, Path source) {
        checkOpen();
        checkArgument(runLog.find(runId).isPresent(), "unknown run: '%s'", runId);
        return artifacts.copyIn(runId, name, source);
    }

    /** Records every file now in the run's artifact directory with its size and SHA-256, and returns the list. */
    public List<ArtifactFile> recordArtifacts(String runId) {
        checkOpen();
        List<ArtifactFile> files = artifacts.list(runId);
        runLog.logArtifacts(runId, files);
        return files;
    }

    /** Adds parameters to a run; a name logged again is overwritten. */
    public void logParams(String runId, Map<String, String> params) {
        checkOpen();
        runLog.logParams(runId, params);
    }

    /** Adds metric values to a run, names possibly prefixed ({@code valid.logistic.roc_auc}); NaN is kept. */
    public void logMetrics(String runId, Map<String, Double> metrics) {
        checkOpen();
        runLog.logMetrics(runId, metrics);
    }

    /** Adds stage durations, in seconds, to a run. */
    public void logTimings(String runId, Map<String, Double> timings) {
        checkOpen();
        runLog.logTimings(runId, timings);
    }

    /** Ends a running run with status {@code finished} or {@code failed}; a run ends once. */
    public void finishRun(String runId, String status) {
        checkOpen();
        runLog.finish(runId, status);
    }

    /** The run with this id, if any. */
    public Optional<Run> run(String runId) {
        checkOpen();
        return runLog.find(runId);
    }

    /** Up to {@code limit} runs, newest first. */
    public List<Run> runs(int limit) {
        checkOpen();
        return runLog.latest(limit);
    }

    /** Up to {@code limit} runs, newest first, with this name and status ({@link Run#RUNNING}, ...) unless null. */
    public List<Run> runs(String name, String status, int limit) {
        checkOpen();
        return runLog.search(name, status, limit);
    }

    /**
     * Registers a bundle as the next version (1, 2, 3, ...) of model {@code name}, in stage {@code none}.
     * {@code runId} may be {@code null} for an imported bundle; otherwise the run must exist.
     * Safe under concurrent registration: each caller gets its own version number.
     */
    public ModelVersion registerModel(String name, String runId, Path bundlePath, Map<String, Double> metrics,
                                      boolean accepted) {
        checkOpen();
        return registry.register(name, runId, bundlePath, metrics, accepted);
    }

    /**
     * Moves a version to {@code stage} (one of {@link ModelVersion#STAGES}) and returns it updated. Moving a
     * version to {@code production} archives the previous production version in the same transaction. Legacy:
     * the aliases {@code production} and {@code staging} follow the stages of those names.
     */
    public ModelVersion setStage(String name, int version, String stage) {
        checkOpen();
        return registry.setStage(name, version, stage);
    }

    /**
     * Points {@code alias} (lower-case letters, digits, '_' or '-') of a model at {@code version}, recording the
     * move and {@code reason} (may be null) in the audit log; {@link #rollback} undoes it. Archived versions and a
     * move to the version the alias already has are refused.
     */
    public ModelVersion promote(String name, int version, String alias, String reason) {
        checkOpen();
        return aliases.promote(name, version, alias, reason);
    }

    /**
     * Moves {@code alias} back to the version it pointed to before its latest move; repeated rollbacks go further
     * back. Returns that version, or empty when the alias had none before (it is removed).
     */
    public Optional<ModelVersion> rollback(String name, String alias, String reason) {
        checkOpen();
        return aliases.rollback(name, alias, reason);
    }

    /** Retires a version (stage {@code archived}); refused while an alias points to it. */
    public ModelVersion archive(String name, int version, String reason) {
        checkOpen();
        return registry.archive(name, version, reason);
    }

    /** A model's aliases and the versions they point to, sorted by alias; empty for an unknown name. */
    public Map<String, Integer> aliases(String name) {
        checkOpen();
        return Map.copyOf(aliases.aliases(name));
    }

    /** Up to {@code limit} audit entries, newest first; only those about {@code model} unless it is null. */
    public List<AuditEntry> audit(String model, int limit) {
        checkOpen();
        return audit.entries(model, limit);
    }

    /**
     * Deletes artifacts nothing refers to (orphaned directories, failed runs, temporary files) and records each
     * deletion in the audit log; with {@code dryRun} only reports what it would delete. Running runs are kept.
     */
    public List<ArtifactDeletion> collectGarbage(boolean dryRun, String reason) {
        checkOpen();
        return garbageCollector.collect(dryRun, reason);
    }

    /** All versions of a model, oldest first; empty for an unknown name. */
    public List<ModelVersion> versions(String name) {
        checkOpen();
        return registry.versions(name);
    }

    /** The names of all registered models, sorted. */
    public List<String> modelNames() {
        checkOpen();
        return registry.names();
    }

    /** One version of a model, if registered. */
    public Optional<ModelVersion> version(String name, int version) {
        checkOpen();
        return registry.version(name, version);
    }

    /**
     * Resolves {@code name} (latest version), {@code name:3} or {@code name@champion} (the version the alias
     * points to; {@code @production} and {@code @staging} fall back to the newest version in that legacy stage);
     * empty when nothing matches. A malformed reference raises {@link IllegalArgumentException}.
     */
    public Optional<ModelVersion> resolve(String ref) {
        checkOpen();
        return registry.resolve(ref);
    }

    /**
     * Stores {@code frame} as an immutable dataset snapshot named {@code name}, in
     * {@code artifacts/datasets/<id>.parquet}, and returns it. The id is the frame's content hash; content stored
     * before is not written again and keeps its first name. {@code source} describes the origin without secrets.
     */
    public Snapshot saveSnapshot(String name, Frame frame, String source) {
        checkOpen();
        return snapshots.save(name, frame, source);
    }

    /** The snapshot with this id or unambiguous id prefix (at least six hex digits), if any. */
    public Optional<Snapshot> snapshot(String idOrPrefix) {
        checkOpen();
        return snapshots.find(idOrPrefix);
    }

    /** Every snapshot, newest first. */
    public List<Snapshot> snapshots() {
        checkOpen();
        return snapshots.all();
    }

    /**
     * The rows of a snapshot, checked against its id: a file whose content no longer matches raises
     * {@link dev.kiln.data.InvalidDataException}, as does an unknown id.
     */
    public Frame readSnapshot(String idOrPrefix) {
        checkOpen();
        Snapshot snapshot = snapshots.find(idOrPrefix).orElseThrow(
                () -> new dev.kiln.data.InvalidDataException("no snapshot '" + idOrPrefix + "' in " + kilnDir));
        return snapshots.read(snapshot);
    }

    /** The prediction log, feedback and shadow predictions of served models. */
    public MonitorLog monitorLog() {
        checkOpen();
        return monitorLog;
    }

    /**
     * Records a monitoring or maintenance decision ({@link AuditEntry#ALERT}, {@link AuditEntry#RETRAIN},
     * {@link AuditEntry#REJECT}, ...) in the audit log, with its evidence (JSON text) as the detail.
     */
    public void recordDecision(String action, String model, Integer version, String runId, String evidence, String reason) {
        checkOpen();
        checkArgument(action != null && action.matches("[a-z_]{1,32}"), "malformed audit action '%s'", action);
        database.inTransaction(connection -> {
            audit.record(connection, new AuditLog.Change(action, model, version, null, runId, evidence), reason);
            return null;
        });
    }

    /**
     * Puts a promotion on probation (replacing an earlier probation of the same model), kept until
     * {@link #endProbation}.
     */
    public void startProbation(Probation probation) {
        checkOpen();
        database.inTransaction(connection -> Sql.update(connection, "INSERT INTO probation (model, promoted, previous, margin, "
                + "since_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (model) DO UPDATE SET promoted = excluded.promoted, "
                + "previous = excluded.previous, margin = excluded.margin, since_ms = excluded.since_ms", probation.model(),
                probation.promoted(), probation.previous(), probation.margin(), probation.sinceMs()));
    }

    /** The promotions on probation now, by model name. */
    public List<Probation> probations() {
        checkOpen();
        return database.read(connection -> Sql.query(connection, "SELECT model, promoted, previous, margin, since_ms FROM "
                + "probation ORDER BY model", rows -> new Probation(rows.getString(1), rows.getInt(2), rows.getInt(3),
                rows.getDouble(4), rows.getLong(5))));
    }

    /** Ends the probation of {@code model} (kept or rolled back); nothing when there is none. */
    public void endProbation(String model) {
        checkOpen();
        database.inTransaction(connection -> Sql.update(connection, "DELETE FROM probation WHERE model = ?", model));
    }

    /**
     * Writes the prediction log's open segments to their files and marks the store closed. Holds no connection
     * between calls, so there is nothing else to release.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            monitorLog.close();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(KilnStore.class).warn("prediction log: open segments not written: {}",
                    e.getMessage());
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("store at " + jdbcUrl + " is closed");
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create store directory " + directory, e);
        }
    }
}
