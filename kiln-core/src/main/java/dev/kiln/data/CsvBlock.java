package dev.kiln.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One block of a CSV file (a range of whole records) parsed into typed arrays: each column as doubles while every
 * value is a number or missing, and as codes into a {@link ByteDictionary} from the first value that is not (the
 * rows before it are scanned again for their labels), or from the start for a column forced to a non-numeric kind.
 * No String is made per value. Keeps each row's line (relative to the block) for messages, the block's first
 * structural error, and the rows skipped under {@code on_error: skip}. Blocks are parsed independently and merged
 * in file order by {@link CsvBlockMerger}. Not thread-safe while parsing; read-only afterwards.
 */
final class CsvBlock {
    /** At most this many skipped rows are described; all are counted. */
    static final int DESCRIBED_SKIPS = 5;

    final long offset;
    final int length;
    final boolean last;
    int rows;
    int lines;
    final double[][] numbers;
    final int[][] codes;
    final ByteDictionary[] dictionaries;
    int[] rowLines;
    /** For a forced-numeric column: the first row whose value is not a number, or -1, and that value. */
    final int[] badRow;
    final String[] badValue;
    String error;
    int errorLine;
    boolean endedInQuote;
    long skipped;
    final List<int[]> skipLines = new ArrayList<>();
    final List<String> skipMessages = new ArrayList<>();

    /** A block stops trying {@link #readPlain} after this many records that are not plain, unless most rows are. */
    private static final int PLAIN_TRIES = 16;

    private final CsvBlockFormat format;
    private byte[] scratch = new byte[64];
    private final ByteNumber numberReader = new ByteNumber();
    /** A plain record's numbers and label offsets, kept until the whole record is known to be plain. */
    private final double[] plainNumbers;
    private final int[] plainStarts;
    private final int[] plainEnds;
    /** Where the block's records start in the array being parsed. */
    private int bytesStart;

    private CsvBlock(CsvBlockFormat format, long offset, int length, boolean last, int expectedRows) {
        this.format = format;
        this.offset = offset;
        this.length = length;
        this.last = last;
        int width = format.width;
        int capacity = Math.max(16, expectedRows);
        this.numbers = new double[width][];
        this.codes = new int[width][];
        this.dictionaries = new ByteDictionary[width];
        this.badRow = new int[width];
        this.badValue = new String[width];
        this.rowLines = new int[capacity];
        this.plainNumbers = new double[width];
        this.plainStarts = new int[width];
        this.plainEnds = new int[width];
        for (int j = 0; j < width; j++) {
            badRow[j] = -1;
            if (format.startsNumeric(j)) {
                numbers[j] = new double[capacity];
            } else {
                codes[j] = new int[capacity];
                dictionaries[j] = new ByteDictionary();
            }
        }
    }

    /**
     * Parses {@code bytes[from, to)}, which start at byte {@code offset} of the file's records; {@code last} when
     * the input ends there. {@code expectedRows} sizes the arrays (they grow when it is short).
     */
    static CsvBlock parse(CsvBlockFormat format, byte[] bytes, int from, int to, long offset, boolean last, int expectedRows) {
        CsvBlock block = new CsvBlock(format, offset, to - from, last, expectedRows);
        block.bytesStart = from;
        block.read(new CsvRecordScanner(bytes, from, to, last, format.delimiter, format.quote, format.width, format.encoding));
        return block;
    }

    private void read(CsvRecordScanner scanner) {
        int width = format.width;
        boolean plain = !format.missingFirst();
        int declined = 0;
        while (true) {
            if (plain) {
                if (readPlain(scanner)) {
                    continue;
                }
                // a block whose records are seldom plain (quoted fields, say) stops trying
                plain = ++declined < PLAIN_TRIES || declined * 4 < rows;
            }
            int count = scanner.next();
            if (count == CsvRecordScanner.END) {
                break;
            }
            String problem = count == CsvRecordScanner.MALFORMED ? scanner.problem()
                    : count != width ? "expected " + width + " fields, found " + count : null;
            if (problem != null) {
                int where = count == CsvRecordScanner.MALFORMED ? scanner.problemLine() : scanner.recordLine();
                if (format.onError == CsvOptions.OnError.FAIL) {
                    error = problem;
                    errorLine = where;
                    break;
                }
                skip(where, problem);
                continue;
            }
            if (rows == rowLines.length) {
                grow();
            }
            for (int j = 0; j < width; j++) {
                convert(scanner, j);
            }
            rowLines[rows++] = scanner.recordLine();
        }
        lines = scanner.lines();
        endedInQuote = scanner.endedInQuote();
    }

    /**
     * Reads the next record straight into the columns, numbers taken in the same pass as the fields are found, when
     * it is plain: no field starts with a quote, there are exactly {@code width} fields, every field is well-formed
     * UTF-8 and every numeric column's field a number or a missing token. Any other record (or the end) returns
     * false with nothing stored, and {@link CsvRecordScanner#next} then reads it by the general rules; for a plain
     * record both give the same row, value for value. Not used when a missing token is a number.
     */
    private boolean readPlain(CsvRecordScanner scanner) {
        int p = scanner.startRecord();
        if (p == CsvRecordScanner.END) {
            return false;
        }
        byte[] b = scanner.bytes();
        int end = scanner.limit();
        byte delimiter = (byte) format.delimiter;
        byte quote = (byte) format.quote;
        int width = format.width;
        for (int j = 0; j < width; j++) {
            if (j > 0) {
                if (p >= end || b[p] != delimiter) {
                    return false;
                }
                p++;
            }
            if (p < end && b[p] == quote) {
                return false;
            }
            if (numbers[j] != null) {
                int stop = ByteNumber.scan(b, p, end, plainNumbers, j);
                if (stop < 0 || (stop < end && !CsvRecordScanner.endsField(b[stop], delimiter))) {
                    stop = CsvRecordScanner.plainFieldEnd(b, p, end, delimiter);
                    double value = stop < 0 ? Double.NaN : number(b, p, stop);
                    if (stop < 0 || (Double.isNaN(value) && !isMissing(b, p, stop))) {
                        return false;
                    }
                    plainNumbers[j] = value;
                }
                p = stop;
            } else {
                plainStarts[j] = p;
                p = CsvRecordScanner.plainFieldEnd(b, p, end, delimiter);
                if (p < 0) {
                    return false;
                }
                plainEnds[j] = p;
            }
        }
        if (p < end && b[p] != '\n' && b[p] != '\r') {
            return false;
        }
        if (rows == rowLines.length) {
            grow();
        }
        for (int j = 0; j < width; j++) {
            if (numbers[j] != null) {
                numbers[j][rows] = plainNumbers[j];
            } else {
                int start = plainStarts[j];
                int stop = plainEnds[j];
                codes[j][rows] = isMissing(b, start, stop) ? CategoricalColumn.MISSING : dictionaries[j].intern(b, start, stop);
            }
        }
        rowLines[rows++] = scanner.recordLine();
        scanner.endRecord(p);
        return true;
    }

    private void skip(int line, String message) {
        skipped++;
        if (skipLines.size() < DESCRIBED_SKIPS) {
            skipLines.add(new int[] {line});
            skipMessages.add(message);
        }
    }

    private void convert(CsvRecordScanner scanner, int j) {
        byte[] b = scanner.bytes();
        int start = scanner.start(j);
        int end = scanner.end(j);
        if (scanner.escaped(j)) {
            int n = scanner.unescapedLength(j);
            if (scratch.length < end - start) {
                scratch = new byte[end - start];
            }
            b = scanner.unescaped(j, scratch);
            start = 0;
            end = n;
        }
        if (numbers[j] != null) {
            double value = number(b, start, end);
            if (!Double.isNaN(value) || isMissing(b, start, end)) {
                numbers[j][rows] = value;
                return;
            }
            if (format.forced(j) == ColumnKind.NUMERIC) {
                if (badRow[j] < 0) {
                    badRow[j] = rows;
                    badValue[j] = scanner.text(j);
                }
                numbers[j][rows] = Double.NaN;
                return;
            }
            toLabels(j, scanner);
        }
        codes[j][rows] = isMissing(b, start, end) ? CategoricalColumn.MISSING : dictionaries[j].intern(b, start, end);
    }

    private double number(byte[] b, int start, int end) {
        if (start == end || (format.missingFirst() && format.isMissing(b, start, end))) {
            return Double.NaN;
        }
        return numberReader.parse(b, start, end);
    }

    private boolean isMissing(byte[] b, int start, int end) {
        return format.isMissing(b, start, end);
    }

    /** Turns column {@code j} into labels: the rows read so far are scanned again for their text. */
    private void toLabels(int j, CsvRecordScanner current) {
        codes[j] = new int[rowLines.length];
        dictionaries[j] = new ByteDictionary();
        relabel(j, current.bytes(), bytesStart, rows);
        numbers[j] = null;
    }

    /**
     * Fills the codes of column {@code j} for the first {@code count} rows from the block's bytes, which start at
     * {@code bytes[from]} (the records accepted in the first reading are accepted again: same bytes, same rules).
     */
    void relabel(int j, byte[] bytes, int from, int count) {
        CsvRecordScanner again = new CsvRecordScanner(bytes, from, from + length, last,
                format.delimiter, format.quote, format.width, format.encoding);
        if (codes[j] == null) {
            codes[j] = new int[Math.max(count, 1)];
            dictionaries[j] = new ByteDictionary();
        }
        int row = 0;
        byte[] local = new byte[64];
        while (row < count) {
            int n = again.next();
            if (n == CsvRecordScanner.END) {
                throw new IllegalStateException("block at byte " + offset + " holds fewer rows than read before");
            }
            if (n != format.width) {
                continue; // skipped in the first reading too
            }
            int start = again.start(j);
            int end = again.end(j);
            byte[] b = bytes;
            if (again.escaped(j)) {
                local = end - start > local.length ? new byte[end - start] : local;
                b = again.unescaped(j, local);
                end = again.unescapedLength(j);
                start = 0;
            }
            codes[j][row++] = isMissing(b, start, end) ? CategoricalColumn.MISSING : dictionaries[j].intern(b, start, end);
        }
    }

    private void grow() {
        int capacity = rowLines.length + (rowLines.length >> 1) + 16;
        rowLines = Arrays.copyOf(rowLines, capacity);
        for (int j = 0; j < format.width; j++) {
            if (numbers[j] != null) {
                numbers[j] = Arrays.copyOf(numbers[j], capacity);
            } else {
                codes[j] = Arrays.copyOf(codes[j], capacity);
            }
        }
    }
}
