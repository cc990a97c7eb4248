package cn.chenzhou.plan.contracts;

/**
 * A versioned event type: the CloudEvents {@code type} is {@code name + ".v" + version}, e.g.
 * {@code cn.chenzhou.plan.project.submitted.v1}. A change that breaks readers gets a new version;
 * adding an optional field does not (readers ignore fields they do not know).
 *
 * @param topic   the owning service's topic
 * @param name    reverse-DNS name without version
 * @param version schema version
 * @param data    the record class the data deserialises into
 */
public record EventType(String topic, String name, int version, Class<?> data) {

    private static final String PREFIX = "cn.chenzhou.plan.";

    public static EventType of(String topic, String shortName, int version, Class<?> data) {
        return new EventType(topic, PREFIX + shortName, version, data);
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return name + ".v" + version;
    }

    /** File name of this type's JSON Schema under {@code /schemas} in this module. */
    public String schemaFile() {
        return name.substring(PREFIX.length()) + ".v" + version + ".schema.json";
    }

    /** The CloudEvents {@code dataschema} attribute. */
    public String dataSchema() {
        return "urn:cn-chenzhou-plan:schema:" + name.substring(PREFIX.length()) + ".v" + version;
    }
}
