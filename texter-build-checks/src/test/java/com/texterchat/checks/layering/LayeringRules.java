package com.texterchat.checks.layering;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Optional;
import java.util.function.Function;

/** The layering rule as an ArchUnit rule over classes of the SDK's modules. */
final class LayeringRules {

    private LayeringRules() {
    }

    /** The rule with the modules' real places: {@link SdkModule#of(JavaClass)}. */
    static ArchRule layering() {
        return layering(SdkModule::of);
    }

    /**
     * A class may depend only on classes of its own module or of modules below it, and on {@code ..internal..}
     * packages only of its own module.
     *
     * @param moduleOf where a class comes from; empty for classes outside the SDK's modules, which are not checked
     */
    static ArchRule layering(Function<JavaClass, Optional<SdkModule>> moduleOf) {
        ArchCondition<JavaClass> condition = new ArchCondition<>(
                "use only their own and lower modules, and no other module's internal packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<SdkModule> originModule = moduleOf.apply(origin);
                if (originModule.isEmpty()) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<SdkModule> targetModule = moduleOf.apply(target);
                    if (targetModule.isEmpty() || targetModule.get() == originModule.get()) {
                        continue;
                    }
                    if (!originModule.get().mayUse(targetModule.get())) {
                        events.add(SimpleConditionEvent.violated(dependency, originModule.get().artifactId()
                                + " uses the higher layer " + targetModule.get().artifactId() + ": "
                                + dependency.getDescription()));
                    } else if (isInternal(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, originModule.get().artifactId()
                                + " uses an internal package of " + targetModule.get().artifactId() + ": "
                                + dependency.getDescription()));
                    }
                }
            }
        };
        return ArchRuleDefinition.classes().should(condition);
    }

    private static boolean isInternal(JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        return packageName.endsWith(".internal") || packageName.contains(".internal.");
    }
}
