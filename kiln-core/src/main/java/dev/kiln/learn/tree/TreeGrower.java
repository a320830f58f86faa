package dev.kiln.learn.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Grows one CART tree depth first by exact greedy search: at each node every feature's presorted
 * rows are scanned for the threshold of largest impurity decrease (ties to the lowest feature, then
 * the lowest threshold), and the node splits when that decrease is positive (above
 * {@code 1e-12 ×} the node's impurity) and the limits of {@link CartParams} allow. Nodes are numbered
 * in preorder, so every child comes after its parent. Deterministic; cost {@code O(features × rows)}
 * per level after one {@code O(features × rows log rows)} sort. Mutable: grows one tree.
 */
final class TreeGrower {
    private static final double RELATIVE_GAIN = 1e-12;
    private final double[][] columns;
    private final int rows;
    private final SplitCriterion criterion;
    private final CartParams params;

    /** A pending node: its rows' segment, depth, and where to link it in its parent. */
    private record Pending(int start, int end, int depth, int parent, boolean isLeft) {
    }

    /** {@code columns}: the features (p arrays of {@code rows}); read, never modified. */
    TreeGrower(double[][] columns, int rows, SplitCriterion criterion, CartParams params) {
        this.columns = columns;
        this.rows = rows;
        this.criterion = criterion;
        this.params = params;
    }

    CompactTree grow() {
        SortedRows sorted = SortedRows.of(columns, rows);
        boolean[] goesLeft = new boolean[rows];
        List<TrainingNode> nodes = new ArrayList<>();
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(0, rows, 0, -1, false));
        while (!stack.isEmpty()) {
            Pending pending = stack.pop();
            TrainingNode node = grow(pending, sorted);
            link(nodes, pending, nodes.size());
            nodes.add(node);
            if (node.isLeaf()) {
                continue;
            }
            int start = pending.start();
            int end = pending.end();
            double[] column = columns[node.feature];
            int[] rowsOfNode = sorted.rows();
            for (int i = start; i < end; i++) {
                int row = rowsOfNode[i];
                goesLeft[row] = column[row] <= node.threshold;
            }
            int middle = start + sorted.partition(start, end, goesLeft);
            int id = nodes.size() - 1;
            stack.push(new Pending(middle, end, pending.depth() + 1, id, false));
            stack.push(new Pending(start, middle, pending.depth() + 1, id, true));
        }
        return CompactTree.of(nodes, criterion.width());
    }

    /** Creates the node for {@code pending} and chooses its split, if any; {@link #link} sets its children later. */
    private TrainingNode grow(Pending pending, SortedRows sorted) {
        int start = pending.start();
        int end = pending.end();
        int count = end - start;
        var node = new TrainingNode(new double[criterion.width()], count);
        double impurity = criterion.prepare(sorted.rows(), start, end, node.value);
        if (pending.depth() >= params.maxDepth() || count < params.minSamplesSplit()
                || count < 2 * params.minSamplesLeaf() || !(impurity > 0)) {
            return node;
        }
        var best = new BestSplit();
        for (int j = 0; j < columns.length; j++) {
            criterion.scan(j, columns[j], sorted.order(j), start, end, params.minSamplesLeaf(), best);
        }
        if (best.found() && best.gain() > RELATIVE_GAIN * impurity) {
            node.feature = best.feature();
            node.threshold = best.threshold();
        }
        return node;
    }

    private static void link(List<TrainingNode> nodes, Pending pending, int child) {
        if (pending.parent() < 0) {
            return;
        }
        TrainingNode parent = nodes.get(pending.parent());
        if (pending.isLeft()) {
            parent.left = child;
        } else {
            parent.right = child;
        }
    }
}
