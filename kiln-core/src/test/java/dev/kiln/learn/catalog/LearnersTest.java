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
        assertThat(Learners.names()).isSorted().contains("extra_trees", "gbm", "knn", "linear", "linear_svm", "logistic",
                "naive_bayes", "random_forest", "svm", "tree");
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
        assertThatThrownBy(() -> Learners.create("perceptron", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown learner 'perceptron' (known: " + String.join(", ", Learners.names()) + ")");
        assertThatThrownBy(() -> Learners.create("tree", Map.of("foo", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter 'foo' for tree (known: max_depth, min_samples_split, min_samples_leaf)");
        assertThatThrownBy(() -> Learners.supports("perceptron", Task.BINARY)).isInstanceOf(IllegalArgumentException.class);
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
    void createsTheKernelNeighbourAndBayesLearners() {
        for (String name : java.util.List.of("svm", "linear_svm", "knn", "naive_bayes")) {
            Learner<?> learner = Learners.create(name, Map.of());
            assertThat(learner.name()).isEqualTo(name);
            assertThat(Learners.space(name).dimensions()).isNotEmpty();
            assertThat(Learners.supports(name, Task.BINARY)).isTrue();
            assertThat(Learners.supports(name, Task.REGRESSION)).isEqualTo(!name.equals("naive_bayes"));
        }
        assertThat(Learners.create("svm", Map.of("c", "10", "kernel", "poly")).params()).containsEntry("c", 10.0)
                .containsEntry("kernel", "poly");
        assertThat(Learners.create("knn", Map.of("k", "7")).params()).containsEntry("k", 7);
        assertThatThrownBy(() -> Learners.create("knn", Map.of("k", "0"))).hasMessageContaining("k:");
        assertThatThrownBy(() -> Learners.create("naive_bayes", Map.of("kind", "poisson"))).hasMessageContaining("kind");
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
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("type", "perceptron");
        assertThatThrownBy(() -> ModelReaders.read(json, new InMemoryArrays()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'perceptron'");
        assertThatThrownBy(() -> ModelReaders.read(JsonNodeFactory.instance.objectNode(), new InMemoryArrays()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
    }
}
