package cn.chenzhou.plan.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/** Every command says who may send it; a service that forgets one does not start. */
class RoleCheckTest {

    static class Handlers {
        @Allowed(Role.ADMIN)
        void declared() {
        }

        void undeclared() {
        }
    }

    @Allowed(Role.FINANCE)
    static class DeclaredForTheWholeController {
        void command() {
        }
    }

    @Test
    void aCommandWithoutItsRolesIsFound() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> mappings = new LinkedHashMap<>();
        mappings.put(info("/declared", RequestMethod.POST), handler(new Handlers(), "declared"));
        mappings.put(info("/read", RequestMethod.GET), handler(new Handlers(), "undeclared"));
        mappings.put(info("/controller", RequestMethod.PUT), handler(new DeclaredForTheWholeController(), "command"));
        assertThat(RoleCheck.undeclaredCommands(mappings)).isEmpty();

        mappings.put(info("/undeclared", RequestMethod.DELETE), handler(new Handlers(), "undeclared"));
        mappings.put(info("/any-method"), handler(new Handlers(), "undeclared"));
        assertThat(RoleCheck.undeclaredCommands(mappings)).hasSize(2)
                .anyMatch(m -> m.contains("/undeclared")).anyMatch(m -> m.contains("/any-method"));
    }

    private static RequestMappingInfo info(String path, RequestMethod... methods) {
        return RequestMappingInfo.paths(path).methods(methods).build();
    }

    private static HandlerMethod handler(Object bean, String name) throws NoSuchMethodException {
        Method method = bean.getClass().getDeclaredMethod(name);
        return new HandlerMethod(bean, method);
    }
}
