package dev.kiln.learn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Task;
import dev.kiln.learn.TestFrames;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.InMemoryArrays;
import dev.kiln.learn.glm.LinearLearner;
import dev.kiln.learn.glm.LogisticLearner;
import dev.kiln.learn.tree.CartLearner;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnersTest {

    @Test
    void namesAreSorted() {
        assertThat(Learners.names()).containsExactly("dbscan", "extra_trees", "gbm", "isolation_forest", "kmeans", "linear",
                "logistic", "mlp", "random_forest", "tree");
    }

    @Test
    void createsEachLearnerWithParsedParams() {
        assertThat(Learners.create("linear", Map.of())).isInstanceOf(LinearLearner.class);
        Learner<?> logistic = Learners.create("logistic", Map.of("l2", "0.5", "max_iter", "50"));
        assertThat(logistic).isInstanceOf(LogisticLearner.class);
        assertThat(logistic.name()).isEqualTo("logistic");
        assertThat(logistic.params()).containsEntry("l2", 0.5).containsEntry("max_iter", 50).containsEntry("tolerance", 1e-6);
        Learner<?> tree = Learners.create("tree", Map.of("max_depth", "3"));
        assertThat(tree).isInstanceOf(CartLearner.class);
        assertThat(tree.params()).containsEntry("max_depth", 3).containsEntry("min_samples_leaf", 5);
    }

    @Test
    void rejectsUnknownLearnerAndParameter() {
        assertThatThrownBy(() -> Learners.create("svm", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown learner 'svm' (known: dbscan, extra_trees, gbm, isolation_forest, kmeans, linear, logistic, mlp, "
                        + "random_forest, tree)");
        assertThatThrownBy(() -> Learners.create("tree", Map.of("foo", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter 'foo' for tree (known: max_depth, min_samples_split, min_samples_leaf)");
        assertThatThrownBy(() -> Learners.supports("svm", Task.BINARY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void supportsMatchesTheTasks() {
        assertThat(Learners.supports("linear", Task.REGRESSION)).isTrue();
        assertThat(Learners.supports("linear", Task.BINARY)).isFalse();
        assertThat(Learners.supports("logistic", Task.BINARY)).isTrue();
        assertThat(Learners.supports("logistic", Task.MULTICLASS)).isTrue();
        assertThat(Learners.supports("logistic", Task.REGRESSION)).isFalse();
        for (Task task : Task.values()) {
            assertThat(Learners.supports("tree", task)).isEqualTo(!task.isUnsupervised());
            assertThat(Learners.supports("mlp", task)).isEqualTo(!task.isUnsupervised());
            assertThat(Learners.supports("kmeans", task)).isEqualTo(task == Task.CLUSTERING);
            assertThat(Learners.supports("dbscan", task)).isEqualTo(task == Task.CLUSTERING);
            assertThat(Learners.supports("isolation_forest", task)).isEqualTo(task == Task.ANOMALY);
        }
    }

    @Test
    void learnersRefuseTasksTheyDoNotSupport() {
        assertThatThrownBy(() -> new LinearLearner().fit(TestFrames.blobs(2, 10, 1), TrainOptions.of("y", Task.BINARY, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regression");
        assertThatThrownBy(() -> new LogisticLearner().fit(TestFrames.noisyLinear(10, 1, 1), TrainOptions.of("y", Task.REGRESSION, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classification");
    }

    @Test
    void readerRejectsUnknownOrMissingType() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("type", "svm");
        assertThatThrownBy(() -> ModelReaders.read(json, new InMemoryArrays()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'svm'");
        assertThatThrownBy(() -> ModelReaders.read(JsonNodeFactory.instance.objectNode(), new InMemoryArrays()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
    }
}
