package cn.chenzhou.plan.acceptance.security;

import cn.chenzhou.plan.contracts.CreditCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The valid request body of every command ({@code security/samples.json}), filled in for one request. Both suites
 * start from them: the matrix sends them as they are, the bad-input corpus breaks them one way at a time.
 */
public final class Samples {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z]+)}");
    /** Fresh values in every run, so that a platform kept between runs (a developer's) takes them too. */
    private static final String RUN = Integer.toString((int) (System.currentTimeMillis() / 1000 % 1_000_000), 36).toUpperCase();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ObjectNode samples;

    public Samples() {
        try (InputStream in = Samples.class.getResourceAsStream("/security/samples.json")) {
            samples = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean has(String name) {
        return samples.has(name);
    }

    /** The sample {@code name} with its variables filled from {@code vars}, and fresh values for the rest. */
    public ObjectNode body(String name, Map<String, Object> vars) {
        if (name.startsWith("@")) {
            // a body the fixture made (a plan definition copied from the one in force)
            return ((ObjectNode) vars.get(name.substring(1))).deepCopy();
        }
        JsonNode sample = samples.get(name);
        if (sample == null) {
            throw new IllegalArgumentException("no sample body " + name);
        }
        Map<String, Object> values = new HashMap<>(vars);
        return (ObjectNode) fillNode(sample, values);
    }

    /** Fills {@code ${name}} in a text (a path) from {@code vars}. */
    public static String fill(String text, Map<String, Object> vars) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value(m.group(1), new HashMap<>(vars)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Fills the variables in any JSON value (a corpus case's replacement value, say). */
    public static JsonNode fill(JsonNode node, Map<String, Object> vars) {
        return fillNode(node, new HashMap<>(vars));
    }

    private static JsonNode fillNode(JsonNode node, Map<String, Object> values) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), fillNode(e.getValue(), values)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> copy.add(fillNode(n, values)));
            return copy;
        }
        if (node.isString()) {
            String text = node.asString();
            Matcher whole = VARIABLE.matcher(text);
            if (whole.matches()) {
                Object value = value(whole.group(1), values);
                return value instanceof Number n ? JsonNodeFactory.instance.numberNode(n.longValue())
                        : JsonNodeFactory.instance.stringNode(String.valueOf(value));
            }
            Matcher m = VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value(m.group(1), values))));
            }
            m.appendTail(out);
            return JsonNodeFactory.instance.stringNode(out.toString());
        }
        return node.deepCopy();
    }

    /** A variable's value; the fresh ones are made once per request and reused within it. */
    private static Object value(String name, Map<String, Object> values) {
        Object given = values.get(name);
        if (given != null) {
            return given;
        }
        Object fresh = switch (name) {
            case "uniq" -> RUN + "-" + COUNTER.incrementAndGet();
            case "creditCode" -> creditCode(String.valueOf(values.getOrDefault("county", "431021")));
            case "code" -> "MX" + RUN + "_" + COUNTER.incrementAndGet();
            // within the plan's ¥2,000,000 a year, so that a budget revision takes effect at once (above it, it is a proposal)
            case "amount" -> (1_000_000 + COUNTER.incrementAndGet()) + "." + String.format("%02d", COUNTER.get() % 100);
            case "today" -> today().toString();
            case "tomorrow" -> today().plusDays(1).toString();
            default -> throw new IllegalArgumentException("no value for ${" + name + "} among " + values.keySet());
        };
        values.put(name, fresh);
        return fresh;
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A fresh, valid unified social credit code registered in {@code county}. */
    public static String creditCode(String county) {
        String serial = String.format("%07d", Math.floorMod((RUN.hashCode() * 7919L + COUNTER.incrementAndGet()), 10_000_000L));
        String first17 = "91" + county + "MA" + serial;
        return first17 + CreditCode.checkCharacter(first17);
    }
}
