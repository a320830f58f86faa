package dev.kiln.workflow;

/** Hears about each finished stage of a run: its name, wall time in seconds, and a one-line summary. */
@FunctionalInterface
public interface StageListener {
    void stageFinished(String stage, double seconds, String summary);
}
