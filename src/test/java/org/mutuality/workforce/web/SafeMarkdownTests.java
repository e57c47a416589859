package org.mutuality.workforce.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The code of conduct's Markdown: the small part it needs, and never any HTML of the writer's. */
class SafeMarkdownTests {

    @Test
    void drawsHeadingsOneLevelDownParagraphsAndLists() {
        String html = SafeMarkdown.html("""
                # Our code

                We meet
                as equals.

                ## Boundaries
                - one
                - two
                1. first
                2. second
                ### Small
                """);

        assertThat(html).isEqualTo("""
                        <h2>Our code</h2>
                        <p>We meet as equals.</p>
                        <h3>Boundaries</h3>
                        <ul>
                        <li>one</li>
                        <li>two</li>
                        </ul>
                        <ol>
                        <li>first</li>
                        <li>second</li>
                        </ol>
                        <h4>Small</h4>
                        """);
    }

    @Test
    void marksStrongAndEmphasisedWords() {
        assertThat(SafeMarkdown.html("We say *participant*, **never** client, and _always_ ask."))
                .isEqualTo(
                        "<p>We say <em>participant</em>, <strong>never</strong> client, and <em>always</em> ask.</p>\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "<script>alert(1)</script>|<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
                "<img src=x onerror=alert(1)>|<p>&lt;img src=x onerror=alert(1)&gt;</p>",
                "[click](javascript:alert(1))|<p>[click](javascript:alert(1))</p>",
                "# <b>bold</b> heading|<h2>&lt;b&gt;bold&lt;/b&gt; heading</h2>",
                "- **<i onclick=\"x\">**|<ul>\\n<li><strong>&lt;i onclick=&quot;x&quot;&gt;</strong></li>\\n</ul>",
                "Tom & Jerry's|<p>Tom &amp; Jerry&#39;s</p>",
                "![alt](http://evil/x.png)|<p>![alt](http://evil/x.png)</p>"
            })
    void showsHtmlAndLinksAsTextNeverAsMarkup(String markdown, String html) {
        assertThat(SafeMarkdown.html(markdown)).isEqualTo(html.replace("\\n", "\n") + "\n");
    }

    @Test
    void leavesWordsWithUnderscoresAndLoneStarsAlone() {
        assertThat(SafeMarkdown.html("snake_case_name and 2 * 3 * 4"))
                .isEqualTo("<p>snake_case_name and 2 * 3 * 4</p>\n");
    }

    @Test
    void usesNoTagButTheAllowedOnes() {
        String html = SafeMarkdown.html("# T\n\n- a *b* <u>c</u>\n\ntext \"quoted\"");

        assertThat(html.replaceAll("</?(h[2-4]|p|ul|ol|li|em|strong)>", "")).doesNotContain("<", ">", "\"");
    }
}
