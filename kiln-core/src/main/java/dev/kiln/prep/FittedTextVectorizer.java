package dev.kiln.prep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The method, size and per-column vocabulary (term → IDF) learned by {@link TextVectorizer}. Immutable. */
public final class FittedTextVectorizer implements FittedTransformer {
    public static final String TYPE = "text_vectorizer";

    private final TextVectorizer.Method method;
    private final int size;
    private final Map<String, Map<String, Double>> vocabularies;

    FittedTextVectorizer(TextVectorizer.Method method, int size, Map<String, Map<String, Double>> vocabularies) {
        this.method = method;
        this.size = size;
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        vocabularies.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
        this.vocabularies = copy;
    }

    @Override
    public Frame apply(Frame frame) {
        List<Column> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            Map<String, Double> vocabulary = vocabularies.get(column.name());
            if (vocabulary != null && column instanceof TextColumn t) {
                out.addAll(method == TextVectorizer.Method.HASHED ? hashed(t) : tfidf(t, vocabulary));
            } else {
                out.add(column);
            }
        }
        return Frame.of(out);
    }

    private List<NumericColumn> hashed(TextColumn t) {
        double[][] counts = new double[size][t.size()];
        for (int i = 0; i < t.size(); i++) {
            for (String token : TextVectorizer.tokens(t.get(i))) {
                counts[TextVectorizer.bucket(token, size)][i]++;
            }
        }
        List<NumericColumn> out = new ArrayList<>();
        for (int b = 0; b < size; b++) {
            out.add(NumericColumn.wrap(t.name() + "_hash" + b, counts[b]));
        }
        return out;
    }

    private static List<NumericColumn> tfidf(TextColumn t, Map<String, Double> vocabulary) {
        List<String> terms = new ArrayList<>(vocabulary.keySet());
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int k = 0; k < terms.size(); k++) {
            index.put(terms.get(k), k);
        }
        double[][] weights = new double[terms.size()][t.size()];
        double[] row = new double[terms.size()];
        for (int i = 0; i < t.size(); i++) {
            java.util.Arrays.fill(row, 0.0);
            for (String token : TextVectorizer.tokens(t.get(i))) {
                Integer k = index.get(token);
                if (k != null) {
                    row[k] += vocabulary.get(token);
                }
            }
            double norm = 0;
            for (double w : row) {
                norm += w * w;
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < row.length; k++) {
                weights[k][i] = norm > 0 ? row[k] / norm : 0.0;
            }
        }
        List<NumericColumn> out = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            out.add(NumericColumn.wrap(t.name() + "_tfidf=" + terms.get(k), weights[k]));
        }
        return out;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode node = StepJson.node(TYPE).put("method", method.name().toLowerCase(Locale.ROOT)).put("size", size);
        ObjectNode columns = node.putObject("columns");
        vocabularies.forEach((name, vocabulary) -> StepJson.putNumbers(columns, name, vocabulary));
        return node;
    }

    public static FittedTextVectorizer fromJson(ObjectNode node) {
        Map<String, Map<String, Double>> vocabularies = new LinkedHashMap<>();
        node.path("columns").properties().forEach(e -> vocabularies.put(e.getKey(), StepJson.numbers(node.path("columns"), e.getKey())));
        return new FittedTextVectorizer(TextVectorizer.Method.valueOf(node.path("method").asText().toUpperCase(Locale.ROOT)),
                node.path("size").asInt(), vocabularies);
    }
}
