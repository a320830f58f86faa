package dev.kiln.cli;

import dev.kiln.bundle.Bundle;
import dev.kiln.server.ModelSource;
import dev.kiln.server.PredictionServer;
import dev.kiln.server.ServedModel;
import dev.kiln.server.ServedModels;
import dev.kiln.server.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln serve [MODEL...]}: the prediction server, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve models over HTTP: Kiln's JSON API (POST /predict, /models/{ref}/predict), the MLflow "
                + "scoring protocol (POST /invocations), the Open Inference Protocol v2 (/v2/...), /health, /ready, "
                + "/metrics, /openapi.json and /docs.",
                "MODEL is a bundle folder or a registered model name; with none, every model in the store is served."})
final class ServeCommand extends KilnCommand {
    @Parameters(arity = "0..*", paramLabel = "MODEL", description = "Bundle folders or registered model names.")
    List<String> models = new ArrayList<>();

    @Option(names = "--store", paramLabel = "DIR", description = "The store folder for registered models (default: ${DEFAULT-VALUE}).")
    Path storeDir = Path.of(".kiln");

    @Option(names = "--port", paramLabel = "PORT", description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "HOST", description = "The address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "The environment variable holding the management token (default: ${DEFAULT-VALUE}); without it, /admin is refused.")
    String tokenEnv = "KILN_TOKEN";

    @Option(names = "--guard-predictions", description = "Require the token on prediction endpoints too.")
    boolean guardPredictions;

    @Option(names = "--reload-every", paramLabel = "SECONDS",
            description = "Re-read the registry this often, picking up promotions (default: ${DEFAULT-VALUE}; 0: only on POST /admin/reload).")
    int reloadSeconds = 5;

    @Option(names = "--max-rows", paramLabel = "N", description = "Most rows in one request (default: ${DEFAULT-VALUE}).")
    int maxRows = 10_000;

    @Option(names = "--log-sample", paramLabel = "RATE",
            description = "Log this share of predictions (0 to 1) for monitoring, overriding the specs' monitor.log.sample.")
    Double logSample;

    @Option(names = "--monitor-every", paramLabel = "SECONDS",
            description = "Evaluate drift, live quality, alerts and retraining triggers this often (default: ${DEFAULT-VALUE}).")
    int monitorEvery = 10;

    @Option(names = "--monitor-spec", paramLabel = "SPEC",
            description = "For bundle folders: monitor as the monitor section of this spec says (registered models use their run's spec).")
    Path monitorSpec;

    @Override
    int execute() throws Exception {
        String token = System.getenv(tokenEnv);
        ServerOptions options = ServerOptions.defaults().withToken(token, guardPredictions)
                .withReloadEvery(Duration.ofSeconds(reloadSeconds)).withMaxRows(maxRows);
        CountDownLatch stopped = new CountDownLatch(1);
        ModelSource source = source();
        boolean registry = source instanceof RegistrySource;
        PredictionServer server = new PredictionServer(source, options,
                ServeMonitoring.config(storeDir, registry, logSample, monitorSpec, monitorEvery)).start(host, port);
        var maintenance = registry ? ServeMonitoring.maintain(server) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (maintenance != null) {
                maintenance.close();
            }
            server.close();
            stopped.countDown();
        }, "kiln-serve-shutdown"));
        List<String> refs = server.served().all().stream().map(ServedModel::ref).toList();
        out().printf("serving %s on http://%s:%d (POST /predict, /invocations, /v2/models/{m}/infer; docs at /docs)%s; Ctrl-C stops%n",
                String.join(", ", refs), host, server.port(), token == null ? "" : "; management token from " + tokenEnv);
        out().flush();
        stopped.await();
        return 0;
    }

    /** Bundle folders are served as they are; names (or, with none, every model) come from the registry and follow its changes. */
    private ModelSource source() throws Exception {
        List<String> folders = models.stream().filter(m -> Files.isDirectory(Path.of(m))).toList();
        if (!folders.isEmpty()) {
            if (folders.size() != models.size()) {
                throw new IllegalArgumentException("give either bundle folders or registered model names, not both");
            }
            ServedModels.Builder builder = ServedModels.builder();
            for (String folder : folders) {
                Bundle bundle = Bundle.read(Path.of(folder));
                builder.add(new ServedModel(bundle.manifest().name(), 0, bundle, maxRows));
            }
            ServedModels fixed = builder.build();
            return () -> fixed;
        }
        for (String model : models) {
            if (model.contains(":") || model.contains("@") || model.contains("/")) {
                throw new IllegalArgumentException(model + ": no such bundle folder; serve registered models by name"
                        + " (every version and alias is then addressable as /models/NAME:VERSION/predict or NAME@ALIAS)");
            }
        }
        if (!Files.isDirectory(storeDir)) {
            throw new IllegalArgumentException("no store at " + storeDir + " (use --store DIR, or give bundle folders)");
        }
        return new RegistrySource(storeDir, models, maxRows);
    }
}
