package cn.chenzhou.plan.funding;

import cn.chenzhou.plan.chassis.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void domainModelsArePlainJava() {
        ArchitectureRules.modelsArePlainJava("cn.chenzhou.plan.funding");
    }
}
