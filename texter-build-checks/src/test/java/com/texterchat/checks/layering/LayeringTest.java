package com.texterchat.checks.layering;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layers, bottom to top: spec, texter-api-generated, texter-client, texter-dsl, texter-testkit, texter-examples.
 * Checked over the main classes of every module, as found on this module's test class path.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importSdk() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.texterchat");
    }

    @Test
    void every_module_uses_only_its_own_and_lower_layers_and_no_other_modules_internals() {
        LayeringRules.layering().check(classes);
    }

    @Test
    void the_rule_sees_the_classes_of_every_module() {
        Map<SdkModule, Long> counts = new EnumMap<>(SdkModule.class);
        classes.forEach(javaClass -> SdkModule.of(javaClass).ifPresent(module -> counts.merge(module, 1L, Long::sum)));

        assertThat(counts).containsOnlyKeys(SdkModule.values());
        assertThat(SdkModule.of(classes.get("com.texterchat.Texter"))).contains(SdkModule.DSL);
        assertThat(SdkModule.of(classes.get("com.texterchat.model.Chat"))).contains(SdkModule.API_GENERATED);
        assertThat(SdkModule.of(classes.get("com.texterchat.client.TexterClient"))).contains(SdkModule.CLIENT);
    }

    @Test
    void every_main_class_of_the_sdk_packages_comes_from_a_known_module() {
        assertThat(classes.stream().filter(javaClass -> SdkModule.of(javaClass).isEmpty())
                .map(javaClass -> javaClass.getName() + " from " + javaClass.getSource().map(Object::toString).orElse("?")))
                .isEmpty();
    }

    @Test
    void a_lower_module_using_a_higher_one_is_reported() {
        // texter-client really uses texter-api-generated; with the two swapped, each such use is a violation.
        EvaluationResult result = LayeringRules.layering(swapped(SdkModule.API_GENERATED, SdkModule.CLIENT))
                .evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.startsWith("texter-api-generated uses the higher layer texter-client: ")
                        && line.contains("com.texterchat.client.TexterClient") && line.contains("com.texterchat.api."));
    }

    @Test
    void a_module_using_another_modules_internal_package_is_reported() {
        // TexterClient really uses com.texterchat.client.internal; as if its package were in texter-dsl (a higher
        // module), each such use is a use of another module's internal package.
        EvaluationResult result = LayeringRules.layering(javaClass ->
                javaClass.getPackageName().equals("com.texterchat.client")
                        ? Optional.of(SdkModule.DSL) : SdkModule.of(javaClass))
                .evaluate(classes);

        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.startsWith("texter-dsl uses an internal package of texter-client: ")
                        && line.contains("com.texterchat.client.TexterClient")
                        && line.contains("com.texterchat.client.internal."));
    }

    private static Function<JavaClass, Optional<SdkModule>> swapped(SdkModule a, SdkModule b) {
        return javaClass -> SdkModule.of(javaClass).map(module -> module == a ? b : module == b ? a : module);
    }
}
