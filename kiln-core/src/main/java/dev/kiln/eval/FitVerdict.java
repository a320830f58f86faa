package dev.kiln.eval;

/**
 * What a learning curve says about the fit, with its evidence. Skill puts a score on a common scale: 0 for a
 * constant predictor (the class priors or the training mean), 1 for a perfect score, so that the gap between the
 * training and validation skill means the same for every metric.
 *
 * @param kind {@link #OVERFITTING}, {@link #UNDERFITTING} or {@link #GOOD_FIT}
 * @param trainScore the metric on the training rows at the largest size
 * @param validationScore the metric on the validation rows at the largest size
 * @param baselineScore the metric of the constant predictor on the validation rows
 * @param gap trainSkill − validationSkill
 * @param validationGain the validation skill gained from the second-largest to the largest size
 * @param message the verdict in words, with its numbers
 */
public record FitVerdict(String kind, double trainScore, double validationScore, double baselineScore, double trainSkill,
                         double validationSkill, double gap, double validationGain, String message) {
    public static final String OVERFITTING = "overfitting";
    public static final String UNDERFITTING = "underfitting";
    public static final String GOOD_FIT = "good_fit";
    /** A skill gap above this between training and validation is overfitting. */
    public static final double MAX_GAP = 0.15;
    /** A training skill below this is underfitting: the model does not even fit the rows it learned from. */
    public static final double MIN_TRAIN_SKILL = 0.4;
}
