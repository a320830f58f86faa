package dev.kiln.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Subscribes to the Mosquitto broker on 127.0.0.1:1883 (skipped when it is not reachable). */
class MqttSourceTest {
    private static final String BROKER = "tcp://127.0.0.1:1883";

    @Test
    void collectsACountOfJsonMessagesWithReceiveTimes() throws Exception {
        MqttClient publisher = new MqttClient(BROKER, "kiln-test-pub-" + System.nanoTime(), new MemoryPersistence());
        try {
            publisher.connect();
        } catch (MqttException e) {
            Assumptions.abort("MQTT broker not reachable at " + BROKER + " (" + e.getMessage() + "); skipping");
        }
        String topic = "kiln/test/" + System.nanoTime();
        MqttSource source = new MqttSource(BROKER, List.of(topic + "/#"), 3, Duration.ofSeconds(20), 1, null, null);
        CompletableFuture<Frame> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return source.read(SourceContext.of(Path.of(".")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            for (int i = 0; i < 50 && !reading.isDone(); i++) { // publish until the subscriber has seen three
                String payload = "{\"sensor\": \"s" + (i % 2) + "\", \"temp\": " + (20 + i) + "}";
                publisher.publish(topic + "/room", payload.getBytes(StandardCharsets.UTF_8), 1, false);
                Thread.sleep(100);
            }
            Frame frame = reading.get();
            assertThat(frame.rowCount()).isEqualTo(3);
            assertThat(frame.names()).containsExactly("topic", "received_at", "sensor", "temp");
            assertThat(frame.column("received_at").kind()).isEqualTo(ColumnKind.TIMESTAMP);
            assertThat(frame.column("temp").kind()).isEqualTo(ColumnKind.NUMERIC);
            assertThat(frame.column("topic").format(0)).isEqualTo(topic + "/room");
        } finally {
            publisher.disconnect();
            publisher.close();
        }
    }

    @Test
    void anUnreachableBrokerIsAFailureNamingIt() {
        MqttSource source = new MqttSource("tcp://127.0.0.1:1", List.of("x"), 1, null, 0, null, null);
        assertThatThrownBy(() -> source.read(SourceContext.of(Path.of(".")))).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("mqtt tcp://127.0.0.1:1 x: cannot connect");
    }
}
