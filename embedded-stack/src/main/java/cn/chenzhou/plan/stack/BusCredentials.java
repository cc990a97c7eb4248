package cn.chenzhou.plan.stack;

import cn.chenzhou.plan.contracts.Topics;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Who may connect to the event bus, and with what password: the broker itself (between its own listeners), the
 * launcher's administrator (the only one who creates topics, users and ACLs) and one user per service, named after
 * the service. The passwords live in the secrets file as {@code kafka.<user>.password}, generated like the client
 * secrets; every client authenticates with SASL/SCRAM-SHA-512.
 */
public record BusCredentials(Map<String, String> passwords) {
    /** The broker's own identity: its controller and inter-broker connections. A super user. */
    public static final String BROKER = "broker";
    /** The launcher's administrator: topics, users, ACLs. The only other super user. */
    public static final String ADMIN = "platform-admin";
    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final SecureRandom RANDOM = new SecureRandom();

    public BusCredentials {
        passwords = Map.copyOf(passwords);
        for (String user : users()) {
            String password = passwords.get(user);
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("no Kafka password for '" + user + "' (" + key(user) + " in the secrets file)");
            }
        }
    }

    /** The broker, the administrator, then each service that owns a topic. */
    public static List<String> users() {
        List<String> users = new ArrayList<>(List.of(BROKER, ADMIN));
        users.addAll(services());
        return users;
    }

    /** The services with a Kafka user of their own: the topics' owners. */
    public static List<String> services() {
        return List.copyOf(new TreeSet<>(Topics.OWNERS.values()));
    }

    /** The key of a user's password in the secrets file. */
    public static String key(String user) {
        return "kafka." + user + ".password";
    }

    public static BusCredentials from(Properties secrets) {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : users()) {
            passwords.put(user, secrets.getProperty(key(user)));
        }
        return new BusCredentials(passwords);
    }

    /** Fresh random passwords, kept in memory only: for a broker that lives as long as a test JVM. */
    public static BusCredentials generated() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : users()) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            passwords.put(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return new BusCredentials(passwords);
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user);
        }
        return password;
    }

    /** What a Kafka client needs to connect as {@code user}: bootstrap servers, SASL over plaintext, SCRAM. */
    public Map<String, Object> client(String user, String bootstrapServers) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", MECHANISM);
        config.put("sasl.jaas.config", scramLogin(user, password(user)));
        return config;
    }

    static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
