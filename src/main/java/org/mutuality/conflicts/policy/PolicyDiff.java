package org.mutuality.conflicts.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two versions of a policy text, line by line (the longest common
 * subsequence of lines), with a few unchanged lines kept around each change and the rest folded.
 * Pure.
 */
public final class PolicyDiff {

    /** Unchanged lines kept before and after a change. */
    public static final int CONTEXT = 2;

    /** The most cells of the comparison table (1,000 changed lines against 1,000). */
    private static final long MOST_CELLS = 1_000_000;

    public enum Kind {
        SAME,
        REMOVED,
        ADDED,
        /** Unchanged lines left out; {@link Line#text()} is empty and {@link Line#folded()} says how many. */
        FOLDED
    }

    /**
     * One line of the comparison.
     *
     * @param kind whether it is in both versions, only the older, only the newer, or folded
     * @param older its number in the older version, or 0
     * @param newer its number in the newer version, or 0
     * @param text the line
     * @param folded how many unchanged lines a folded line stands for
     */
    public record Line(Kind kind, int older, int newer, String text, int folded) {}

    private PolicyDiff() {}

    /** The lines of {@code newer} against {@code older}; empty when they are the same. */
    public static List<Line> between(String older, String newer) {
        String[] a = older.replace("\r\n", "\n").split("\n", -1);
        String[] b = newer.replace("\r\n", "\n").split("\n", -1);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        int n = endA - start;
        int m = endB - start;
        // Longest common subsequence of the middle part, filled from the end. Past a bound the
        // middle reads as removed then added: a comparison never takes more than a few megabytes.
        boolean matched = (long) n * m <= MOST_CELLS;
        int[][] lcs = new int[matched ? n + 1 : 1][matched ? m + 1 : 1];
        for (int i = matched ? n - 1 : -1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[start + i].equals(b[start + j])
                        ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> all = new ArrayList<>();
        for (int k = 0; k < start; k++) {
            all.add(new Line(Kind.SAME, k + 1, k + 1, a[k], 0));
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (!matched) {
                if (i < n) {
                    all.add(new Line(Kind.REMOVED, start + i + 1, 0, a[start + i], 0));
                    i++;
                } else {
                    all.add(new Line(Kind.ADDED, 0, start + j + 1, b[start + j], 0));
                    j++;
                }
            } else if (i < n && j < m && a[start + i].equals(b[start + j])) {
                all.add(new Line(Kind.SAME, start + i + 1, start + j + 1, a[start + i], 0));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                all.add(new Line(Kind.REMOVED, start + i + 1, 0, a[start + i], 0));
                i++;
            } else {
                all.add(new Line(Kind.ADDED, 0, start + j + 1, b[start + j], 0));
                j++;
            }
        }
        for (int k = 0; k < a.length - endA; k++) {
            all.add(new Line(Kind.SAME, endA + k + 1, endB + k + 1, a[endA + k], 0));
        }
        return fold(all);
    }

    private static List<Line> fold(List<Line> all) {
        boolean[] keep = new boolean[all.size()];
        boolean changed = false;
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).kind() != Kind.SAME) {
                changed = true;
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        if (!changed) {
            return List.of();
        }
        List<Line> shown = new ArrayList<>();
        int skipped = 0;
        for (int k = 0; k < all.size(); k++) {
            if (keep[k]) {
                if (skipped > 0) {
                    shown.add(new Line(Kind.FOLDED, 0, 0, "", skipped));
                    skipped = 0;
                }
                shown.add(all.get(k));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            shown.add(new Line(Kind.FOLDED, 0, 0, "", skipped));
        }
        return List.copyOf(shown);
    }
}
