package cn.chenzhou.plan.registry;

import cn.chenzhou.plan.chassis.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void domainModelsArePlainJava() {
        ArchitectureRules.modelsArePlainJava("cn.chenzhou.plan.registry");
    }
}
