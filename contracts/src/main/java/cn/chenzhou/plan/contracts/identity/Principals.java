package cn.chenzhou.plan.contracts.identity;

import cn.chenzhou.plan.contracts.County;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may call the platform. Names and roles are fixed here; secrets never are: the embedded stack generates
 * them on first start into a secrets file, and a deployment supplies its own.
 */
public final class Principals {
    /** The audience every platform token carries and every service requires. */
    public static final String AUDIENCE = "chenzhou-plan";
    /** The gateway's own client, which signs browser users in (authorization code + PKCE). */
    public static final String GATEWAY_CLIENT = "gateway";
    public static final String FINANCE_CLIENT = "finance";
    public static final String ADMIN_CLIENT = "plan-office";
    public static final String VIEWER_CLIENT = "viewer";

    private static final List<Principal> ALL = build();

    private Principals() {
    }

    /** The client id of a county portal, e.g. {@code county-431023}. */
    public static String countyClient(String countyCode) {
        return "county-" + countyCode;
    }

    public static List<Principal> all() {
        return ALL;
    }

    public static Optional<Principal> client(String clientId) {
        return ALL.stream().filter(p -> p.kind() == Principal.Kind.CLIENT && p.name().equals(clientId)).findFirst();
    }

    public static Optional<Principal> user(String username) {
        return ALL.stream().filter(p -> p.kind() == Principal.Kind.USER && p.name().equals(username)).findFirst();
    }

    private static List<Principal> build() {
        List<Principal> all = new ArrayList<>();
        for (County county : County.values()) {
            all.add(new Principal(countyClient(county.code()), List.of("COUNTY"), county.code(), Principal.Kind.CLIENT));
        }
        all.add(new Principal(FINANCE_CLIENT, List.of("FINANCE"), null, Principal.Kind.CLIENT));
        all.add(new Principal(ADMIN_CLIENT, List.of("ADMIN"), null, Principal.Kind.CLIENT));
        all.add(new Principal(VIEWER_CLIENT, List.of("VIEWER"), null, Principal.Kind.CLIENT));
        all.add(new Principal(GATEWAY_CLIENT, List.of(), null, Principal.Kind.CLIENT));
        all.add(new Principal("admin", List.of("ADMIN"), null, Principal.Kind.USER));
        all.add(new Principal("finance", List.of("FINANCE"), null, Principal.Kind.USER));
        all.add(new Principal("viewer", List.of("VIEWER"), null, Principal.Kind.USER));
        for (County county : County.values()) {
            all.add(new Principal("staff-" + county.code(), List.of("COUNTY"), county.code(), Principal.Kind.USER));
        }
        return List.copyOf(all);
    }
}
