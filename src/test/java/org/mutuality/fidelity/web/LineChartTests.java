package org.mutuality.fidelity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The results chart: plain SVG, no script, no address elsewhere, no wider than a phone. */
class LineChartTests {

    @Test
    void drawsAPointPerResultAndOneLine() {
        String svg = LineChart.svg(
                List.of(new LineChart.Point("2026-01-01", 32), new LineChart.Point("2026-02-01", 64)),
                100,
                "Chart of your WHO-5 scores");

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg.split("<circle", -1)).hasSize(3);
        assertThat(svg).contains("<polyline").contains("role=\"img\"").contains("max-width:360px");
        assertThat(svg).doesNotContain("<script").doesNotContain("href");
    }

    @Test
    void escapesItsName() {
        String svg = LineChart.svg(List.of(new LineChart.Point("<b>", 1)), 4, "a \"quoted\" <name>");

        assertThat(svg).contains("a &quot;quoted&quot; &lt;name&gt;").contains("&lt;b&gt;");
    }
}
