package io.hingekit.mining;

import java.util.ArrayList;
import java.util.List;

/**
 * Obvious loop references for the miners: every (a, p, n) of a Q x R distance matrix is visited, with the hinge
 * computed in the matrix's precision (float or double) in the same operation order as on the device.
 */
final class SlowMining {

    private final double[][] d;
    private final long[] queryLabels;
    private final long[] referenceLabels;
    private final boolean single;

    SlowMining(double[][] d, long[] queryLabels, long[] referenceLabels, boolean single) {
        this.d = d;
        this.queryLabels = queryLabels;
        this.referenceLabels = referenceLabels;
        this.single = single;
    }

    boolean isPositive(int a, int p) {
        return a != p && queryLabels[a] == referenceLabels[p];
    }

    boolean isNegative(int a, int n) {
        return queryLabels[a] != referenceLabels[n];
    }

    double hinge(int a, int p, int n, double margin) {
        if (single) {
            float difference = (float) d[a][p] - (float) d[a][n];
            return difference + (float) margin;
        }
        return d[a][p] - d[a][n] + margin;
    }

    /** Every valid triplet whose hinge for {@code margin} is positive (NaN margin: every valid triplet). */
    List<long[]> all(double margin) {
        List<long[]> out = new ArrayList<>();
        for (int a = 0; a < queryLabels.length; a++) {
            for (int p = 0; p < referenceLabels.length; p++) {
                for (int n = 0; n < referenceLabels.length; n++) {
                    if (isPositive(a, p) && isNegative(a, n) && (Double.isNaN(margin) || hinge(a, p, n, margin) > 0)) {
                        out.add(new long[] {a, p, n});
                    }
                }
            }
        }
        return out;
    }

    List<long[]> batchHard() {
        List<long[]> out = new ArrayList<>();
        for (int a = 0; a < queryLabels.length; a++) {
            int farthestPositive = -1;
            int nearestNegative = -1;
            for (int r = 0; r < referenceLabels.length; r++) {
                if (isPositive(a, r) && (farthestPositive < 0 || d[a][r] > d[a][farthestPositive])) {
                    farthestPositive = r;
                }
                if (isNegative(a, r) && (nearestNegative < 0 || d[a][r] < d[a][nearestNegative])) {
                    nearestNegative = r;
                }
            }
            if (farthestPositive >= 0 && nearestNegative >= 0) {
                out.add(new long[] {a, farthestPositive, nearestNegative});
            }
        }
        return out;
    }

    List<long[]> semiHard(double margin) {
        List<long[]> out = new ArrayList<>();
        for (int a = 0; a < queryLabels.length; a++) {
            for (int p = 0; p < referenceLabels.length; p++) {
                if (!isPositive(a, p)) {
                    continue;
                }
                int nearestBeyond = -1;
                int farthest = -1;
                for (int n = 0; n < referenceLabels.length; n++) {
                    if (!isNegative(a, n)) {
                        continue;
                    }
                    if (d[a][n] > d[a][p] && (nearestBeyond < 0 || d[a][n] < d[a][nearestBeyond])) {
                        nearestBeyond = n;
                    }
                    if (farthest < 0 || d[a][n] > d[a][farthest]) {
                        farthest = n;
                    }
                }
                if (nearestBeyond >= 0) {
                    if (hinge(a, p, nearestBeyond, margin) > 0) {
                        out.add(new long[] {a, p, nearestBeyond});
                    }
                } else if (farthest >= 0) {
                    out.add(new long[] {a, p, farthest});
                }
            }
        }
        return out;
    }
}
