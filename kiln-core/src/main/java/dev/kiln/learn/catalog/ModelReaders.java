package dev.kiln.learn.catalog;

import dev.kiln.learn.Model;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.learn.anomaly.IsolationForestModel;
import dev.kiln.learn.cluster.DbscanModel;
import dev.kiln.learn.cluster.KMeansModel;
import dev.kiln.learn.ensemble.EnsembleModel;
import dev.kiln.learn.forest.ForestModel;
import dev.kiln.learn.gbm.GbmModel;
import dev.kiln.learn.glm.LinearModel;
import dev.kiln.learn.glm.LogisticModel;
import dev.kiln.learn.neural.MlpModel;
import dev.kiln.learn.bayes.NaiveBayesModel;
import dev.kiln.learn.neighbors.KnnModel;
import dev.kiln.learn.svm.LinearSvmModel;
import dev.kiln.learn.svm.SvmModel;
import dev.kiln.learn.tree.CartModel;

/**
 * Reads any model written by {@link Model#toJson}, choosing the reader by the JSON field {@code type}
 * with an explicit switch: bundles are data, and no name read from a file reaches reflection.
 * Stateless.
 */
public final class ModelReaders {
    private ModelReaders() {
    }

    /** The model in {@code json}, its arrays read from {@code arrays}; {@link IllegalArgumentException} for an unknown or malformed type. */
    public static Model read(ObjectNode json, BinaryArrays arrays) {
        JsonNode type = json.get("type");
        Checks.checkArgument(type != null && type.isTextual(), "type: expected a string");
        return switch (type.textValue()) {
            case LinearModel.TYPE -> LinearModel.fromJson(json, arrays);
            case LogisticModel.TYPE -> LogisticModel.fromJson(json, arrays);
            case CartModel.TYPE -> CartModel.fromJson(json, arrays);
            case GbmModel.TYPE -> GbmModel.fromJson(json, arrays);
            case ForestModel.RANDOM_FOREST, ForestModel.EXTRA_TREES -> ForestModel.fromJson(json, arrays);
            case MlpModel.TYPE -> MlpModel.fromJson(json, arrays);
            case KMeansModel.TYPE -> KMeansModel.fromJson(json, arrays);
            case DbscanModel.TYPE -> DbscanModel.fromJson(json, arrays);
            case IsolationForestModel.TYPE -> IsolationForestModel.fromJson(json, arrays);
            case SvmModel.TYPE -> SvmModel.fromJson(json, arrays);
            case LinearSvmModel.TYPE -> LinearSvmModel.fromJson(json, arrays);
            case KnnModel.TYPE -> KnnModel.fromJson(json, arrays);
            case NaiveBayesModel.TYPE -> NaiveBayesModel.fromJson(json, arrays);
            case EnsembleModel.TYPE -> EnsembleModel.fromJson(json, arrays, member -> read(member, arrays));
            default -> throw new IllegalArgumentException(String.format(
                    "type: unknown model type '%s' (known: %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", type.textValue(),
                    LinearModel.TYPE, LogisticModel.TYPE, CartModel.TYPE, GbmModel.TYPE, ForestModel.RANDOM_FOREST,
                    ForestModel.EXTRA_TREES, MlpModel.TYPE, KMeansModel.TYPE, DbscanModel.TYPE, IsolationForestModel.TYPE,
                    SvmModel.TYPE, LinearSvmModel.TYPE, KnnModel.TYPE, NaiveBayesModel.TYPE, EnsembleModel.TYPE));
        };
    }
}
