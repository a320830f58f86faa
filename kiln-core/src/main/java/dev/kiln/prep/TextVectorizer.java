package dev.kiln.prep;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.TextColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Replaces free-text columns by numeric token features. Tokens are lower-cased runs of letters and
 * digits. {@link Method#HASHED}: counts of tokens hashed (FNV-1a, 32 bit) into {@code size} buckets,
 * {@code NAME_hash0 …}; learns nothing. {@link Method#TFIDF}: the {@code size} terms in most training
 * documents (ties by term), weighted {@code tf · (ln((1 + n) / (1 + df)) + 1)} and L2-normalised per
 * row, as scikit-learn's TfidfVectorizer; {@code NAME_tfidf=TERM}. Missing text counts as empty.
 */
public final class TextVectorizer implements Transformer {
    /** How text becomes numbers. */
    public enum Method { HASHED, TFIDF }

    private final Method method;
    private final int size;

    /** @param size buckets (hashed) or vocabulary size (TF-IDF), at least 1 */
    public TextVectorizer(Method method, int size) {
        Checks.checkArgument(size >= 1, "size must be at least 1: %s", size);
        this.method = method;
        this.size = size;
    }

    @Override
    public FittedTextVectorizer fit(Frame train) {
        Map<String, Map<String, Double>> vocabularies = new LinkedHashMap<>();
        for (Column column : train.columns()) {
            if (column instanceof TextColumn t) {
                vocabularies.put(t.name(), method == Method.HASHED ? Map.of() : idf(t));
            }
        }
        return new FittedTextVectorizer(method, size, vocabularies);
    }

    private Map<String, Double> idf(TextColumn t) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            Set<String> seen = new HashSet<>(tokens(t.get(i)));
            seen.forEach(token -> documentFrequency.merge(token, 1, Integer::sum));
        }
        List<Map.Entry<String, Integer>> terms = new ArrayList<>(documentFrequency.entrySet());
        terms.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> term : terms.subList(0, Math.min(size, terms.size()))) {
            out.put(term.getKey(), Math.log((1.0 + t.size()) / (1.0 + term.getValue())) + 1.0);
        }
        return out;
    }

    /** The tokens of {@code text}: lower-cased runs of letters and digits; none for null. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder token = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char ch = i < lower.length() ? lower.charAt(i) : ' ';
            if (Character.isLetterOrDigit(ch)) {
                token.append(ch);
            } else if (token.length() > 0) {
                out.add(token.toString());
                token.setLength(0);
            }
        }
        return out;
    }

    /** FNV-1a over the UTF-16 code units of {@code token}, as a non-negative bucket below {@code buckets}. */
    static int bucket(String token, int buckets) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < token.length(); i++) {
            hash ^= token.charAt(i);
            hash *= 0x01000193;
        }
        return Math.floorMod(hash, buckets);
    }
}
