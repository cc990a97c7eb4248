package cn.chenzhou.plan.chassis.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** The house rules every service checks on itself. */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /**
     * Domain models ({@code ..model..} packages) are plain Java: no Spring, no persistence, no JSON, no web,
     * no chassis — so they can be read, tested and reasoned about on their own.
     */
    public static void modelsArePlainJava(String basePackage) {
        ArchRule rule = noClasses().that().resideInAPackage(basePackage + "..model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.bson..", "com.mongodb..", "tools.jackson..",
                        "com.fasterxml..", "jakarta..", "org.apache.kafka..", "cn.chenzhou.plan.chassis..")
                .allowEmptyShould(true);
        rule.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(basePackage));
    }
}
