package cn.chenzhou.plan.reporting;

import cn.chenzhou.plan.chassis.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void domainModelsArePlainJava() {
        ArchitectureRules.modelsArePlainJava("cn.chenzhou.plan.reporting");
    }
}
