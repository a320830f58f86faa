package dev.kiln.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One change recorded in the store's audit log: what was done, to what, when, by whom and why.
 *
 * <p>Immutable. Entries are only ever added; none is changed or removed.
 *
 * @param id      sortable unique id (UTC time, then random characters)
 * @param at      when the change was committed, millisecond precision
 * @param actor   who made it: {@code KILN_USER}, else the operating-system user
 * @param action  one of {@code register}, {@code promote}, {@code rollback}, {@code archive}, {@code stage},
 *                {@code gc}, {@code alert}, {@code retrain}, {@code evaluate}, {@code reject}
 * @param model   the model changed, or {@code null} (garbage collection)
 * @param version the version concerned, or {@code null}
 * @param alias   the alias moved, or {@code null}
 * @param runId   the run concerned, or {@code null}
 * @param detail  a human-readable account, e.g. {@code champion: 2 -> 3}
 * @param reason  the reason the actor gave, or {@code null}
 */
public record AuditEntry(String id, Instant at, String actor, String action, String model, Integer version,
                         String alias, String runId, String detail, String reason) {
    /** Action of a new model version. */
    public static final String REGISTER = "register";
    /** Action of an alias moved to a version. */
    public static final String PROMOTE = "promote";
    /** Action of an alias moved back to its previous version. */
    public static final String ROLLBACK = "rollback";
    /** Action of a version retired. */
    public static final String ARCHIVE = "archive";
    /** Action of a version's legacy stage changed. */
    public static final String STAGE = "stage";
    /** Action of artifacts deleted by garbage collection. */
    public static final String GC = "gc";
    /** Action of a monitoring alert that fired (detail: the rule and the values that broke it). */
    public static final String ALERT = "alert";
    /** Action of a retraining started (detail: the trigger and its evidence). */
    public static final String RETRAIN = "retrain";
    /** Action of a retrained challenger kept as challenger, not promoted (detail: the comparison). */
    public static final String REJECT = "reject";
    /** Action of a champion and challenger compared on fresh labelled data (detail: both scores). */
    public static final String EVALUATE = "evaluate";

    /** Rejects null ids, times, actors and actions. */
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
    }
}
