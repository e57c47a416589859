package org.mutuality.fidelity.web;

import java.util.List;
import java.util.Locale;

/**
 * Draws scores over time as an SVG line chart on the server: no script, nothing fetched from
 * elsewhere. The drawing is an image with a name; the figures are in the table beside it, which is
 * what screen readers read. At most 360 units wide, so it fits a 390 px phone.
 */
final class LineChart {

    static final int WIDTH = 360;
    static final int HEIGHT = 200;
    private static final int LEFT = 36;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 36;

    private LineChart() {}

    /** One point: its label under the axis (a date) and its value. */
    record Point(String label, int value) {}

    /**
     * The chart's SVG, points oldest first, the vertical axis from 0 to {@code highest}.
     *
     * @param name what the image shows, read by assistive technology
     */
    static String svg(List<Point> points, int highest, String name) {
        int top = Math.max(highest, 1);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"100%\" style=\"max-width:")
                .append(WIDTH)
                .append("px\" role=\"img\" aria-label=\"")
                .append(escape(name))
                .append("\">");
        for (int i = 0; i <= 4; i++) {
            int value = top * i / 4;
            double y = TOP + plotHeight - (double) plotHeight * i / 4;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\" stroke-width=\"1\"/>",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">%d</text>",
                    LEFT - 4,
                    y + 4,
                    value));
        }
        int n = points.size();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? LEFT + plotWidth / 2.0 : LEFT + (double) plotWidth * i / (n - 1);
            double y = TOP
                    + plotHeight
                    - (double) plotHeight * Math.min(points.get(i).value(), top) / top;
            line.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1a5f7a\"/>", x, y));
            if (i == 0 || i == n - 1 || n <= 4) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"%s\" fill=\"#333\">%s</text>",
                        x,
                        HEIGHT - BOTTOM + 18,
                        n == 1 ? "middle" : i == 0 ? "start" : i == n - 1 ? "end" : "middle",
                        escape(points.get(i).label())));
            }
        }
        if (n > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"#1a5f7a\" stroke-width=\"2\" points=\"")
                    .append(line)
                    .append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
