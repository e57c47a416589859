package org.mutuality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep their boundaries, each declares the modules it may use, {@code
 * docs/architecture.md} says the same, and the generated documentation stays current.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MutualityApplication.class);

    @Test
    void keepsModuleBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayUseAsTheArchitecturePageSays() throws IOException {
        Map<String, TreeSet<String>> declared = new TreeMap<>();
        modules.forEach(module -> {
            String name = module.getIdentifier().toString();
            ApplicationModule annotation = annotationOf(module.getBasePackage().getName());
            if (annotation.type() == ApplicationModule.Type.OPEN) {
                return;
            }
            assertThat(annotation.allowedDependencies())
                    .as(name + " declares allowedDependencies in its package-info")
                    .isNotEmpty();
            declared.put(name, new TreeSet<>(Arrays.asList(annotation.allowedDependencies())));
        });
        assertThat(documented()).isEqualTo(declared);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    /** The table under "## Dependencies" of docs/architecture.md. */
    private static Map<String, TreeSet<String>> documented() throws IOException {
        String page = Files.readString(Path.of("docs/architecture.md"));
        String section = page.substring(page.indexOf("## Dependencies"));
        section =
                section.substring(0, section.indexOf("\n## ", 3) < 0 ? section.length() : section.indexOf("\n## ", 3));
        Map<String, TreeSet<String>> table = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| ([a-z]+) \\| ([a-z, ]+) \\|$").matcher(section);
        row.find(); // the header
        while (row.find()) {
            TreeSet<String> uses = new TreeSet<>();
            for (String used : row.group(2).split(",")) {
                uses.add(used.strip());
            }
            table.put(row.group(1), uses);
        }
        return table;
    }

    private static ApplicationModule annotationOf(String basePackage) {
        try {
            Class<?> info = Class.forName(basePackage + ".package-info");
            ApplicationModule annotation = info.getAnnotation(ApplicationModule.class);
            assertThat(annotation)
                    .as(basePackage + " is annotated @ApplicationModule")
                    .isNotNull();
            return annotation;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(basePackage + " has no package-info", e);
        }
    }
}
