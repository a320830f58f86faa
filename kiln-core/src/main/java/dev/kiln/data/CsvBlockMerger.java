package dev.kiln.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the parsed blocks of one CSV file, in file order, into a frame with the sequential reader's result: the
 * first structural error (in file order) fails the read; a column is numeric when every block kept it as numbers,
 * otherwise its labels are gathered into one dictionary in block order (so levels are in order of first
 * appearance, whatever the scheduling) and typed as {@link ColumnParser#infer} would: boolean, timestamp, text or
 * categorical. A block that kept such a column as numbers is read again from the file for its labels. Each
 * column's block arrays are dropped as soon as the column is built, so the peak is about the frame once.
 */
final class CsvBlockMerger {
    /** Gives the bytes of a block again, for a column whose kind changed after that block. */
    @FunctionalInterface
    interface BlockBytes {
        byte[] read(long offset, int length) throws IOException;
    }

    private final CsvBlockFormat format;
    private final List<CsvBlock> blocks;
    private final long[] firstLines;
    private final int[] firstRows;
    private final int rows;
    private final BlockBytes again;

    /** {@code firstLine}: the line (from 1) on which the first block starts. */
    CsvBlockMerger(CsvBlockFormat format, List<CsvBlock> blocks, long firstLine, BlockBytes again) {
        this.format = format;
        this.blocks = blocks;
        this.again = again;
        this.firstLines = new long[blocks.size()];
        this.firstRows = new int[blocks.size() + 1];
        long line = firstLine;
        for (int k = 0; k < blocks.size(); k++) {
            firstLines[k] = line;
            line += blocks.get(k).lines;
            firstRows[k + 1] = Math.addExact(firstRows[k], blocks.get(k).rows);
        }
        this.rows = firstRows[blocks.size()];
    }

    /** The frame, with what was skipped; {@link InvalidDataException} naming the file and line of the first problem. */
    CsvRead merge() throws IOException {
        for (int k = 0; k < blocks.size(); k++) {
            CsvBlock block = blocks.get(k);
            if (block.error != null) {
                throw new InvalidDataException(format.at(firstLines[k] + block.errorLine, block.error));
            }
        }
        long skipped = 0;
        List<String> described = new ArrayList<>();
        for (int k = 0; k < blocks.size(); k++) {
            CsvBlock block = blocks.get(k);
            skipped += block.skipped;
            for (int s = 0; s < block.skipLines.size() && described.size() < CsvBlock.DESCRIBED_SKIPS; s++) {
                described.add(format.at(firstLines[k] + block.skipLines.get(s)[0], block.skipMessages.get(s)));
            }
        }
        List<Column> columns = new ArrayList<>(format.width);
        for (int j = 0; j < format.width; j++) {
            columns.add(column(j));
        }
        return new CsvRead(Frame.of(columns), skipped, described);
    }

    private Column column(int j) throws IOException {
        String name = format.names.get(j);
        for (int k = 0; k < blocks.size(); k++) {
            CsvBlock block = blocks.get(k);
            if (block.badRow[j] >= 0) {
                throw new InvalidDataException(format.at(lineOf(k, block.badRow[j]), "column '" + name
                        + "': expected a number, found '" + block.badValue[j] + "'"));
            }
        }
        boolean numeric = true;
        for (CsvBlock block : blocks) {
            numeric &= block.numbers[j] != null;
        }
        if (numeric) {
            double[] values = new double[rows];
            int missing = 0;
            for (int k = 0; k < blocks.size(); k++) {
                System.arraycopy(blocks.get(k).numbers[j], 0, values, firstRows[k], blocks.get(k).rows);
                blocks.get(k).numbers[j] = null;
                for (int i = firstRows[k]; i < firstRows[k] + blocks.get(k).rows; i++) {
                    missing += values[i] != values[i] ? 1 : 0; // just copied, so counted in the cache
                }
            }
            return NumericColumn.wrap(name, values, missing);
        }
        ByteDictionary levels = new ByteDictionary();
        int[] codes = new int[rows];
        for (int k = 0; k < blocks.size(); k++) {
            CsvBlock block = blocks.get(k);
            if (block.codes[j] == null) {
                block.relabel(j, again.read(block.offset, block.length), 0, block.rows);
            }
            int[] mapping = block.dictionaries[j].internAllInto(levels);
            int[] local = block.codes[j];
            int base = firstRows[k];
            for (int i = 0; i < block.rows; i++) {
                int code = local[i];
                codes[base + i] = code < 0 ? CategoricalColumn.MISSING : mapping[code];
            }
            block.codes[j] = null;
            block.dictionaries[j] = null;
            block.numbers[j] = null;
        }
        return LabelColumns.column(name, codes, levels.labels(), format.forced(j), row -> format.source + ":" + lineOfRow(row));
    }

    /** The line (from 1) on which row {@code row} of the whole file started. */
    private long lineOfRow(int row) {
        int k = 0;
        while (firstRows[k + 1] <= row) {
            k++;
        }
        return lineOf(k, row - firstRows[k]);
    }

    private long lineOf(int block, int row) {
        return firstLines[block] + blocks.get(block).rowLines[row];
    }
}
