package dev.kiln.server;

import dev.kiln.data.InvalidDataException;
import dev.kiln.server.monitor.PredictionLog;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves model bundles over HTTP: Kiln's JSON API, the MLflow scoring protocol and the Open Inference
 * Protocol v2, with health and readiness, Prometheus metrics, an OpenAPI description and Swagger UI.
 * The served set comes from a {@link ModelSource} and is swapped atomically on reload, so a promotion
 * never fails a request. Bad input gets 400 naming the field, an unknown model 404, anything else 500
 * without a stack trace. Binds to the host it is given (127.0.0.1 unless told otherwise).
 */
public final class PredictionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionServer.class);

    private final ModelSource source;
    private final ServerOptions options;
    private final AtomicReference<ServedModels> served = new AtomicReference<>();
    private final Javalin app;
    private final ServerMonitoring monitoring;
    private ScheduledExecutorService poller;
    private String bindHost;
    private int bindPort;

    /** A server for the models of {@code source}; loads them now, so a bad bundle fails here, not on a request. */
    public PredictionServer(ModelSource source, ServerOptions options) throws IOException {
        this(source, options, null);
    }

    /**
     * A server that also monitors its models as {@code monitor} says (null: no monitoring): predictions are
     * logged to its store, {@code POST /feedback} takes labels and {@code GET /monitor} summarises.
     */
    public PredictionServer(ModelSource source, ServerOptions options, MonitorConfig monitor) throws IOException {
        this.source = source;
        this.options = options;
        this.served.set(source.load());
        this.monitoring = monitor == null ? null : new ServerMonitoring(monitor, new ServedLookup(served::get));
        PredictionRecorder recorder = new PredictionRecorder(monitoring == null ? PredictionLog.OFF : monitoring.log());
        KilnApi kiln = new KilnApi(served::get, recorder);
        MlflowApi mlflow = new MlflowApi(served::get, recorder);
        InferenceApi v2 = new InferenceApi(served::get, recorder);
        AdminApi admin = new AdminApi(this);
        ApiDocs docs = new ApiDocs();
        ServerMetrics metrics = new ServerMetrics();
        if (monitoring != null) {
            MonitorGauges.register(metrics, monitoring);
        }
        FeedbackApi feedback = new FeedbackApi(monitoring);
        MonitorApi monitorApi = new MonitorApi(monitoring, metrics);
        TokenGuard guard = new TokenGuard(options.token());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = options.maxBodyBytes();
            // bodies are small JSON: compressing them costs more than it saves, even checking whether to
            config.http.compressionStrategy = CompressionStrategy.NONE;
            // the hot requests skip the servlet layer and Javalin's routing; everything else reaches Javalin unchanged
            LeanRoutes lean = new LeanRoutes(served::get, recorder, metrics, guard, options.guardPredictions(), options.maxBodyBytes());
            config.jetty.modifyServer(server -> server.insertHandler(lean));
            // one selector thread per core to read the requests (the lean handler and Javalin run on pool threads)
            int selectors = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, 1, selectors, new HttpConnectionFactory(http));
                connector.setHost(bindHost);
                connector.setPort(bindPort);
                return connector;
            });
            Routes.register(config.routes, kiln, mlflow, v2, admin, docs, metrics, guard, options.guardPredictions(),
                    feedback, monitorApi);
            config.routes.exception(BadRequestException.class, (e, ctx) -> Json.error(ctx, 400, e.getMessage()));
            config.routes.exception(InvalidDataException.class, (e, ctx) -> Json.error(ctx, 400, e.getMessage()));
            config.routes.exception(NotFoundException.class, (e, ctx) -> Json.error(ctx, 404, e.getMessage()));
            config.routes.exception(TokenGuard.ForbiddenException.class, (e, ctx) -> Json.error(ctx, e.status(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                Json.error(ctx, 500, "internal error");
            });
            config.routes.error(404, ctx -> {
                if (!"application/json".equals(ctx.res().getContentType())) {
                    Json.error(ctx, 404, "no endpoint " + ctx.method() + " " + ctx.path() + " (see /docs)");
                }
            });
            config.routes.error(413, ctx -> Json.error(ctx, 413, "request body larger than " + options.maxBodyBytes() + " bytes"));
        });
    }

    /** A server for one bundle with default options. */
    public static PredictionServer of(ServedModel model) throws IOException {
        return new PredictionServer(() -> ServedModels.builder().add(model).build(), ServerOptions.defaults());
    }

    /** Starts listening on {@code host}:{@code port} (port 0 picks a free one); returns this. */
    public PredictionServer start(String host, int port) {
        bindHost = host;
        bindPort = port;
        app.start(host, port);
        long every = options.reloadEvery().toMillis();
        if (every > 0) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kiln-model-reload");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::reloadQuietly, every, every, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The monitoring of this server, or null when it runs without. */
    public ServerMonitoring monitoring() {
        return monitoring;
    }

    /** The models served now. */
    public ServedModels served() {
        return served.get();
    }

    /** Re-reads the model source and swaps the served set in one step; in-flight requests finish on the old set. */
    public ServedModels reload() throws IOException {
        ServedModels next = source.load();
        served.set(next);
        return next;
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (IOException | RuntimeException e) {
            LOG.warn("reloading models failed; still serving the previous set: {}", e.getMessage());
        }
    }

    /** Stops the server; safe to call more than once. */
    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        app.stop();
        if (monitoring != null) {
            monitoring.close();
        }
    }
}
