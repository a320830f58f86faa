package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry and the server together, as real processes: a server that follows the store answers
 * with the version {@code kiln models promote} points the champion alias at, without a restart.
 */
class ServeRegistryEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "{\"Pclass\":\"1\",\"Sex\":\"female\",\"Age\":29,\"SibSp\":0,\"Parch\":0,\"Fare\":80,\"Embarked\":\"S\"}";

    @TempDir
    Path work;

    @Test
    void promotionIsServedWithoutARestart() throws Exception {
        Examples.copy("titanic", work);
        for (int i = 0; i < 2; i++) {
            CliProcess.Result run = CliProcess.run(work, "run", "pipeline.yaml", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(CliProcess.run(work, "models", "promote", "titanic", "1", "--alias", "champion").exitCode()).isZero();
        Process server = CliProcess.builder(work, "serve", "--store", ".kiln", "--port", "0", "--reload-every", "1")
                .redirectErrorStream(true).start();
        try {
            int port = readPort(server);
            assertThat(modelAnswering(port, "titanic")).isEqualTo("titanic:1");
            assertThat(modelAnswering(port, "titanic:2")).isEqualTo("titanic:2");

            CliProcess.Result promote = CliProcess.run(work, "models", "promote", "titanic", "2", "--alias", "champion",
                    "--reason", "better on the holdout");
            assertThat(promote.exitCode()).as(promote.err()).isZero();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String answering = "";
            while (!answering.equals("titanic:2") && System.nanoTime() < deadline) {
                answering = modelAnswering(port, "titanic@champion");
                Thread.sleep(200);
            }
            assertThat(answering).isEqualTo("titanic:2");
            assertThat(modelAnswering(port, "titanic")).isEqualTo("titanic:2");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static String modelAnswering(int port, String ref) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/models/" + ref + "/predict"))
                .POST(HttpRequest.BodyPublishers.ofString(ROW)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("model").asText();
    }

    private static int readPort(Process server) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)");
        StringBuilder seen = new StringBuilder();
        for (String line; (line = reader.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = serving.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("server did not start:\n" + seen);
    }
}
