package org.mutuality.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ModuleSchemaNamesTests {

    private final ModuleSchemaNames names = new ModuleSchemaNames();

    record NoteBody(String text) {}

    @Schema(name = "Chosen")
    record Named(String text) {}

    @Schema(name = "Chosen")
    record AlsoNamed(String text) {}

    @Test
    void namesAMutualityClassByItsPlaceBelowOrgMutuality() {
        assertThat(nameOf(NoteBody.class)).isEqualTo("shared.web.ModuleSchemaNamesTests.NoteBody");
    }

    @Test
    void keepsTheNamesOfOtherLibrariesAndOfSchemasNamedOnPurpose() {
        assertThat(nameOf(TypeFactory.class)).isEqualTo("TypeFactory");
        assertThat(nameOf(ProblemDetail.class)).isEqualTo("ProblemDetail");
        assertThat(nameOf(Named.class)).isEqualTo("Chosen");
    }

    @Test
    void refusesASecondClassClaimingATakenName() {
        assertThat(nameOf(Named.class)).isEqualTo("Chosen");

        assertThatThrownBy(() -> nameOf(AlsoNamed.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Chosen")
                .hasMessageContaining("ModuleSchemaNamesTests$Named")
                .hasMessageContaining("ModuleSchemaNamesTests$AlsoNamed");
    }

    @Test
    void givesTheSameClassTheSameNameEveryTime() {
        assertThat(nameOf(NoteBody.class)).isEqualTo(nameOf(NoteBody.class));
    }

    private String nameOf(Class<?> type) {
        return names.nameForType(TypeFactory.defaultInstance().constructType(type));
    }
}
