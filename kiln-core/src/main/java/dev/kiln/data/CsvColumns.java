package dev.kiln.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The columns of a CSV file as {@link CsvReader} reads it: each column is kept as doubles while every
 * value is a number or missing, and as text from the first value that is not (or from the start, for
 * a kind forced to something else than numeric, or when the file cannot be read again). The text of
 * the rows before that first value is filled in by a {@link #secondPass}, so a column's values are
 * exactly what {@link ColumnParser} would have seen. Also keeps the line each row started on, for
 * errors. Not thread-safe.
 */
final class CsvColumns implements CsvTokenizer.FieldSink {
    private static final int INITIAL_ROWS = 1024;

    private final List<String> names;
    private final ColumnKind[] forced;
    private final char[][] missingTokens;
    private final double[][] numbers;
    private final String[][] texts;
    /** The first row kept as text, or MAX_VALUE while the column is numeric. */
    private final int[] textFrom;
    /** The first row whose value is not a number in a column forced numeric, or -1. */
    private final int[] badRow;
    private final String[] badValue;
    private final ByteNumber numberReader = new ByteNumber();
    /** The fields of the row being read, until it ends: missing, the number (NaN if none) and the text if not a number. */
    private final boolean[] heldMissing;
    private final double[] heldNumber;
    private final String[] heldText;
    private long[] lines = new long[INITIAL_ROWS];
    private int rows;
    private int secondPassRow = -1;

    CsvColumns(List<String> names, CsvOptions options, boolean rereadable) {
        int width = names.size();
        this.names = List.copyOf(names);
        this.forced = new ColumnKind[width];
        this.missingTokens = tokens(options.missingTokens());
        this.numbers = new double[width][];
        this.texts = new String[width][];
        this.textFrom = new int[width];
        this.badRow = new int[width];
        this.badValue = new String[width];
        this.heldMissing = new boolean[width];
        this.heldNumber = new double[width];
        this.heldText = new String[width];
        for (int j = 0; j < width; j++) {
            forced[j] = options.kinds().get(names.get(j));
            badRow[j] = -1;
            boolean numeric = forced[j] == ColumnKind.NUMERIC || (forced[j] == null && rereadable);
            if (numeric) {
                numbers[j] = new double[INITIAL_ROWS];
                textFrom[j] = Integer.MAX_VALUE;
            } else {
                texts[j] = new String[INITIAL_ROWS];
            }
        }
    }

    private static char[][] tokens(Set<String> missing) {
        char[][] out = new char[missing.size()][];
        int k = 0;
        for (String token : missing) {
            out[k++] = token.toCharArray();
        }
        return out;
    }

    /**
     * Takes a field of the row being read. It is held until {@link #endRow} (the row is kept) or {@link #discardRow}
     * (a ragged row skipped), so that a skipped row changes no column's kind.
     */
    @Override
    public void field(int index, char[] chars, int start, int end) {
        if (index >= numbers.length) {
            return; // a ragged row, reported by the reader
        }
        if (secondPassRow >= 0) {
            fill(index, chars, start, end);
            return;
        }
        boolean missing = isMissing(chars, start, end);
        heldMissing[index] = missing;
        heldNumber[index] = missing || textFrom[index] != Integer.MAX_VALUE ? Double.NaN
                : numberReader.parse(chars, start, end);
        heldText[index] = missing || !Double.isNaN(heldNumber[index]) ? null : new String(chars, start, end - start);
    }

    /** Stores the held field of column {@code index} in the current row. */
    private void store(int index) {
        boolean missing = heldMissing[index];
        if (textFrom[index] == Integer.MAX_VALUE) {
            double value = heldNumber[index];
            if (missing || !Double.isNaN(value)) {
                numbers[index][rows] = value;
                return;
            }
            if (forced[index] == ColumnKind.NUMERIC) {
                if (badRow[index] < 0) {
                    badRow[index] = rows;
                    badValue[index] = heldText[index];
                }
                numbers[index][rows] = Double.NaN;
                return;
            }
            textFrom[index] = rows;
            texts[index] = new String[numbers[index].length];
        }
        texts[index][rows] = missing ? null : heldText[index];
    }

    /** Forgets the fields of the row just read: a ragged row skipped under {@code on_error: skip}. */
    void discardRow() {
        Arrays.fill(heldText, null);
    }

    private boolean isMissing(char[] chars, int start, int end) {
        int length = end - start;
        for (char[] token : missingTokens) {
            if (token.length == length && Arrays.equals(token, 0, length, chars, start, end)) {
                return true;
            }
        }
        return false;
    }

    /** Ends the row whose fields were just handed in (all {@code width} of them); {@code line} is where it started. */
    void endRow(long line) {
        for (int j = 0; j < numbers.length; j++) {
            store(j);
        }
        Arrays.fill(heldText, null);
        lines[rows++] = line;
        if (rows == lines.length) {
            int capacity = rows * 2;
            lines = Arrays.copyOf(lines, capacity);
            for (int j = 0; j < numbers.length; j++) {
                if (textFrom[j] == Integer.MAX_VALUE) {
                    numbers[j] = Arrays.copyOf(numbers[j], capacity);
                } else {
                    texts[j] = Arrays.copyOf(texts[j], capacity);
                }
            }
        }
    }

    /** Whether some column turned to text after rows whose text must be read again. */
    boolean needsSecondPass() {
        for (int j = 0; j < numbers.length; j++) {
            if (needsText(j)) {
                return true;
            }
        }
        return false;
    }

    private boolean needsText(int j) {
        int from = textFrom[j];
        if (from == Integer.MAX_VALUE || from == 0) {
            return false;
        }
        for (int i = 0; i < from; i++) {
            if (!Double.isNaN(numbers[j][i])) {
                return true;
            }
        }
        return false;
    }

    /** Reads the file again from {@code tokenizer} (at its start) for the text of the rows that need it. */
    void secondPass(CsvTokenizer tokenizer) throws IOException {
        int last = 0;
        for (int j = 0; j < numbers.length; j++) {
            if (needsText(j)) {
                last = Math.max(last, textFrom[j]);
            } else if (textFrom[j] != Integer.MAX_VALUE) {
                numbers[j] = null;
            }
        }
        tokenizer.next(new ArrayList<>()); // the header
        for (secondPassRow = 0; secondPassRow < last; ) {
            int count = tokenizer.next(this);
            if (count < 0) {
                throw new IllegalStateException("the file holds fewer rows than read before");
            }
            if (count == numbers.length) { // a ragged row was skipped the first time: the next row overwrites its text
                secondPassRow++;
            }
        }
        secondPassRow = -1;
    }

    private void fill(int j, char[] chars, int start, int end) {
        if (numbers[j] != null && secondPassRow < textFrom[j] && textFrom[j] != Integer.MAX_VALUE
                && !Double.isNaN(numbers[j][secondPassRow])) {
            texts[j][secondPassRow] = new String(chars, start, end - start);
        }
    }

    /** The typed columns; {@link InvalidDataException} naming the line, column and value that does not fit a forced kind. */
    Frame toFrame(String source) {
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < numbers.length; j++) {
            String name = names.get(j);
            if (badRow[j] >= 0) {
                throw new InvalidDataException(source + ":" + lines[badRow[j]] + ": column '" + name
                        + "': expected a number, found '" + badValue[j] + "'");
            }
            if (textFrom[j] == Integer.MAX_VALUE) {
                out.add(NumericColumn.wrap(name, Arrays.copyOf(numbers[j], rows)));
            } else {
                String[] values = Arrays.copyOf(texts[j], rows);
                ColumnKind kind = forced[j] != null ? forced[j] : ColumnParser.infer(values);
                out.add(ColumnParser.parse(name, values, kind, i -> source + ":" + lines[i]));
            }
            numbers[j] = null;
            texts[j] = null;
        }
        return Frame.of(out);
    }
}
