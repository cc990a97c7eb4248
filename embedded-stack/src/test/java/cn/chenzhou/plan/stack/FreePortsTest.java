package cn.chenzhou.plan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {
    /** The kernel hands a closed port out again; a stack given one port twice cannot start both services. */
    @Test
    void neverGivesTheSamePortTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            assertThat(ports.add(FreePorts.next())).as("port %d given again after %d others", i, ports.size()).isTrue();
        }
    }
}
