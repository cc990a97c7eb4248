package cn.chenzhou.plan.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The client id and secret a request to the authorization server's endpoints presents — in an HTTP Basic header
 * (each part form-encoded, as OAuth2 says) or as {@code client_id} and {@code client_secret} form parameters — as the
 * authorization server itself reads them; null where it presents none.
 */
record ClientCredentials(String id, String secret) {

    static ClientCredentials of(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : new ClientCredentials(form(decoded.substring(0, colon)), form(decoded.substring(colon + 1)));
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        String id = request.getParameter("client_id");
        return id == null ? null : new ClientCredentials(id, request.getParameter("client_secret"));
    }

    private static String form(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
