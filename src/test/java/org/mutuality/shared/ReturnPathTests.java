package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTests {

    @Test
    void a_page_of_ours_is_kept_as_given() {
        assertThat(ReturnPath.parse(" /people/3f2a/relationships "))
                .isEqualTo(new ReturnPath("/people/3f2a/relationships"));
        assertThat(ReturnPath.parse("/incidents/1?tab=open").value()).isEqualTo("/incidents/1?tab=open");
    }

    @Test
    void nothing_given_is_no_path() {
        assertThat(ReturnPath.parse(null)).isNull();
        assertThat(ReturnPath.parse("  ")).isNull();
    }

    @Test
    void another_parameter_is_added_after_the_query() {
        assertThat(new ReturnPath("/groups/7").with("consultation", "c1")).isEqualTo("/groups/7?consultation=c1");
        assertThat(new ReturnPath("/groups/7?x=1").with("consultation", "c1"))
                .isEqualTo("/groups/7?x=1&consultation=c1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.example/x",
                "/\\evil.example",
                "https://evil.example/",
                "javascript:alert(1)",
                "people/1",
                "/people/1#top",
                "/people/<script>",
                "/people/1?next=https://evil.example",
                "/a b"
            })
    void anything_that_could_lead_elsewhere_is_refused(String path) {
        assertThatThrownBy(() -> ReturnPath.parse(path))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The page to come back to must be a page of Mutuality.");
    }

    @Test
    void a_path_longer_than_kept_is_refused() {
        assertThatThrownBy(() -> new ReturnPath("/" + "a".repeat(ReturnPath.MAX_LENGTH)))
                .isInstanceOf(BadInputException.class);
    }
}
