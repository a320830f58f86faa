package dev.kiln.cli;

import dev.kiln.tune.SearchListener;
import dev.kiln.tune.Trial;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one-line progress display of a search on a terminal: trials done (of those planned), the best so far
 * with its CV standard deviation, and the time left in the budget; redrawn at most five times a second.
 * Prints nothing when given no writer (not a terminal, or {@code --json}).
 */
final class TuneProgress implements SearchListener {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final String metric;
    private long lastDraw;
    private boolean drawn;

    TuneProgress(PrintWriter out, String metric) {
        this.out = out;
        this.metric = metric;
    }

    @Override
    public void trialFinished(Trial trial, Trial best, int done, int planned, double secondsLeft) {
        long now = System.nanoTime();
        if (out == null || drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        String trials = planned > 0 ? done + "/" + planned : Integer.toString(done);
        String bestText = best == null ? "none yet" : String.format(Locale.ROOT, "%s %s %.4f ± %.4f", shorten(best.label()),
                metric, best.score(), best.scoreStd());
        String left = secondsLeft < 0 ? "" : String.format(Locale.ROOT, ", %.0f s left", secondsLeft);
        out.printf("\r\u001b[2Ktuning: %s trials, best %s%s", trials, bestText, left);
        out.flush();
    }

    /** Ends the line, if one was drawn. */
    void done() {
        if (out != null && drawn) {
            out.println();
            out.flush();
        }
    }

    private static String shorten(String label) {
        return label.length() <= 60 ? label : label.substring(0, 57) + "...";
    }
}
