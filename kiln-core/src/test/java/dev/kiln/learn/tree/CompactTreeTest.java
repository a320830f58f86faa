package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.learn.InMemoryArrays;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import org.junit.jupiter.api.Test;

class CompactTreeTest {

    @Test
    void roundTripsThroughBinaryArrays() {
        CompactTree tree = new CartLearner(new CartParams(4, 2, 1))
                .fit(TestFrames.blobs(3, 20, 1), TrainOptions.of("y", Task.MULTICLASS, 1)).tree();
        InMemoryArrays arrays = new InMemoryArrays();
        ObjectNode json = tree.toJson(arrays);
        assertThat(arrays.size()).isEqualTo(6);
        CompactTree copy = CompactTree.fromJson(json, arrays);
        assertThat(copy.nodeCount()).isEqualTo(tree.nodeCount());
        for (int node = 0; node < tree.nodeCount(); node++) {
            assertThat(copy.feature(node)).isEqualTo(tree.feature(node));
            assertThat(copy.threshold(node)).isEqualTo(tree.threshold(node));
            assertThat(copy.value(node, 2)).isEqualTo(tree.value(node, 2));
        }
    }

    @Test
    void refusesAChildThatPointsBack() {
        InMemoryArrays arrays = new InMemoryArrays();
        ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        json.put("width", 1);
        json.put("feature", arrays.putInts(new int[] {0, -1, -1}));
        json.put("threshold", arrays.putDoubles(new double[] {0.5, 0, 0}));
        json.put("left", arrays.putInts(new int[] {0, -1, -1}));
        json.put("right", arrays.putInts(new int[] {2, -1, -1}));
        json.put("values", arrays.putDoubles(new double[] {1, 2, 3}));
        json.put("samples", arrays.putInts(new int[] {2, 1, 1}));
        assertThatThrownBy(() -> CompactTree.fromJson(json, arrays))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node 0");
        json.put("left", arrays.putInts(new int[] {1, -1, -1}));
        assertThat(CompactTree.fromJson(json, arrays).depth()).isEqualTo(1);
    }
}
