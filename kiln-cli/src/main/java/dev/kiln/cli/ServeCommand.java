package dev.kiln.cli;

import dev.kiln.server.PredictionServer;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiln serve MODEL --port 8080}: the prediction server, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a model over HTTP: POST /predict (JSON records) and GET /health.")
final class ServeCommand extends KilnCommand {
    @Mixin
    ModelOptions model;

    @Option(names = "--port", paramLabel = "PORT", description = "The port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "HOST", description = "The address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Override
    int execute() throws Exception {
        ModelOptions.Loaded loaded = model.load();
        CountDownLatch stopped = new CountDownLatch(1);
        PredictionServer server = new PredictionServer(loaded.name(), loaded.bundle()).start(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "kiln-serve-shutdown"));
        out().printf("serving %s on http://%s:%d (POST /predict, GET /health); Ctrl-C stops%n", loaded.name(), host, server.port());
        out().flush();
        stopped.await();
        return 0;
    }
}
