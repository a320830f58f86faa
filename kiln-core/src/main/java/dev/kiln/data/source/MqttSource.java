package dev.kiln.data.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.data.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Sensor messages from an MQTT broker: subscribes to {@code topics} and collects until {@code count} messages
 * have arrived or {@code duration} has passed, whichever comes first (at least one is set). Each JSON-object
 * payload becomes a row with columns {@code topic} and {@code received_at} (the receive time, UTC) before the
 * payload's keys; any other payload is kept as text in column {@code payload}.
 *
 * @param broker the broker URI, for instance {@code tcp://127.0.0.1:1883}
 * @param count messages to collect, or 0 for no limit
 * @param duration how long to listen, or null for no limit
 */
public record MqttSource(String broker, List<String> topics, int count, Duration duration, int qos, String userEnv,
                         String passwordEnv) implements Source {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    public MqttSource {
        Checks.checkArgument(broker != null && (broker.startsWith("tcp://") || broker.startsWith("ssl://")),
                "mqtt broker must start with tcp:// or ssl://: '%s'", broker);
        Checks.checkArgument(topics != null && !topics.isEmpty(), "mqtt source needs at least one topic");
        topics = List.copyOf(topics);
        Checks.checkArgument(count >= 0, "count must not be negative: %s", count);
        Checks.checkArgument(count > 0 || duration != null, "mqtt source needs a count or a duration");
        Checks.checkArgument(qos >= 0 && qos <= 2, "qos must be 0, 1 or 2: %s", qos);
    }

    private record Message(String topic, byte[] payload, long receivedAt) {
    }

    @Override
    public Frame read(SourceContext context) throws IOException {
        String user = context.secret(userEnv, this);
        String password = context.secret(passwordEnv, this);
        BlockingQueue<Message> queue = new LinkedBlockingQueue<>();
        MqttClient client;
        try {
            client = new MqttClient(broker, "kiln-" + Long.toHexString(System.nanoTime()), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
            options.setAutomaticReconnect(false);
            if (user != null) {
                options.setUserName(user);
            }
            if (password != null) {
                options.setPassword(password.toCharArray());
            }
            client.connect(options);
        } catch (MqttException e) {
            throw new SourceException(describe() + ": cannot connect: " + e.getMessage(), e);
        }
        try {
            for (String topic : topics) {
                client.subscribe(topic, qos, (t, m) -> queue.add(new Message(t, m.getPayload(), System.currentTimeMillis())));
            }
            return toFrame(collect(queue), context);
        } catch (MqttException e) {
            throw new SourceException(describe() + ": " + e.getMessage(), e);
        } finally {
            close(client);
        }
    }

    private List<Message> collect(BlockingQueue<Message> queue) {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        List<Message> messages = new java.util.ArrayList<>();
        try {
            while (count == 0 || messages.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Message m = queue.poll(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                if (m != null) {
                    messages.add(m);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return messages;
    }

    private Frame toFrame(List<Message> messages, SourceContext context) {
        TextTable table = new TextTable(context.missing());
        for (Message m : messages) {
            String text = new String(m.payload(), StandardCharsets.UTF_8);
            JsonNode json = parse(text);
            table.newRow();
            table.set("topic", m.topic());
            table.set("received_at", Values.formatTimestamp(m.receivedAt()));
            if (json != null && json.isObject()) {
                json.fields().forEachRemaining(e -> table.set(e.getKey(), JsonRecords.text(e.getValue())));
            } else {
                table.set("payload", text);
            }
        }
        return table.toFrame(context.kinds(), describe());
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static void close(MqttClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close();
        } catch (MqttException e) {
            // the messages are in hand; a failed goodbye to the broker changes nothing
        }
    }

    @Override
    public String describe() {
        return "mqtt " + broker.replaceAll("//[^/@]*@", "//") + " " + String.join(",", topics);
    }
}
