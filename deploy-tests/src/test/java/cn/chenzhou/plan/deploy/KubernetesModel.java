package cn.chenzhou.plan.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A manifest read into fabric8's Kubernetes model, the way an API server would read it with strict field validation:
 * a value of the wrong type fails, and so does a field the model does not know. fabric8 keeps unknown fields in each
 * object's {@code additionalProperties} instead of failing, so every object of the model is visited for them.
 */
final class KubernetesModel {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "io.fabric8.kubernetes.api.model";

    private KubernetesModel() {
    }

    /** The typed resource; a kind the model does not know comes back as a {@link GenericKubernetesResource}. */
    static HasMetadata read(Manifest manifest) {
        String json;
        try {
            json = JSON.writeValueAsString(manifest.tree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            KubernetesResource resource = SERIALIZATION.unmarshal(json, KubernetesResource.class);
            if (!(resource instanceof HasMetadata typed)) {
                throw new AssertionError(manifest + " is not a Kubernetes resource: " + resource);
            }
            return typed;
        } catch (RuntimeException e) {
            throw new AssertionError(manifest + " does not fit the Kubernetes model: " + e.getMessage(), e);
        }
    }

    /** Every field the model did not know, as "path: names"; empty when the manifest holds only known fields. */
    static List<String> unknownFields(HasMetadata resource) {
        List<String> unknown = new ArrayList<>();
        visit(resource, resource.getKind(), unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void visit(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                visit(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> visit(v, path + "." + k, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith(MODEL) || value instanceof GenericKubernetesResource) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getDeclaringClass().getName().startsWith(MODEL)
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                visit(field, path + "." + property(getter.getName()), unknown, seen);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " on " + target, e);
        }
    }

    private static String property(String getter) {
        String name = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
