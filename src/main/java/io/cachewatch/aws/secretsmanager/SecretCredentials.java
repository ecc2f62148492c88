package io.cachewatch.aws.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Redis credentials read from a secret's {@code SecretString}. Two shapes are accepted:
 * <ul>
 *   <li>a JSON object {@code {"username": "...", "password": "..."}} — the shape ElastiCache RBAC users and MemoryDB
 *       ACL users are kept in (and what Secrets Manager's rotation templates write); {@code username} may be absent
 *       for an AUTH token;</li>
 *   <li>a bare string (not starting with '{'): the AUTH token itself.</li>
 * </ul>
 * The password is never part of {@link #toString()} or of any error message.
 *
 * @param username ACL user, null for the default user
 */
public record SecretCredentials(String username, String password) {
    /** Why a secret cannot be used; never carries the value. */
    public static final String NOT_CREDENTIALS = "not JSON with username+password";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static SecretCredentials parse(String secretString) {
        if (secretString == null || secretString.isBlank()) {
            throw new IllegalArgumentException(NOT_CREDENTIALS + " (empty)");
        }
        String text = secretString.strip();
        if (!text.startsWith("{")) {
            return new SecretCredentials(null, secretString);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (IOException e) {
            // the parser's message quotes the input: never pass it on
            throw new IllegalArgumentException(NOT_CREDENTIALS + " (invalid JSON)");
        }
        JsonNode password = tree.get("password");
        if (password == null || !password.isTextual() || password.asText().isEmpty()) {
            throw new IllegalArgumentException(NOT_CREDENTIALS + " (no \"password\" string)");
        }
        JsonNode username = tree.get("username");
        if (username != null && !username.isNull() && !username.isTextual()) {
            throw new IllegalArgumentException(NOT_CREDENTIALS + " (\"username\" is not a string)");
        }
        String user = username == null || username.isNull() || username.asText().isEmpty() ? null : username.asText();
        return new SecretCredentials(user, password.asText());
    }

    @Override
    public String toString() {
        return "SecretCredentials[username=" + username + ", password=***]";
    }
}
