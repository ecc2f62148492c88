package io.cachewatch.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cachewatch.notify.Notification;
import io.cachewatch.slowlog.NodeCursor;
import io.cachewatch.slowlog.Suppression;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A target's state as granular items, one per cursor, suppression record, outbox message and notified result (plus
 * the dropped count), each addressed by a sort key {@code <kind>#<key>} ({@link StateTable#itemKey}) and holding its
 * key and value as JSON. Granular so that writers of different nodes never touch the same item, a poll writes only
 * what changed, and a target of 1,000 nodes stays far below DynamoDB's 400 KB item limit (a cursor is ~150 bytes).
 * The JSON is deterministic (sorted maps, fields in declaration order) so an unchanged value encodes the same.
 */
public final class StateItems {
    public static final String CURSOR = "cursor";
    public static final String SUPPRESSION = "suppression";
    public static final String PENDING = "pending";
    public static final String DROPPED = "dropped";
    public static final String NOTIFIED = "notified";
    /** DynamoDB's sort key limit is 1,024 bytes (Developer Guide, "Partition key and sort key" limits); a longer key is addressed by its hash. */
    static final int MAX_SORT_KEY_BYTES = 1024;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private StateItems() {
    }

    /** Sort key → body of every item of the state. */
    public static Map<String, String> encode(TargetState state) {
        Map<String, String> items = new TreeMap<>();
        state.cursors().forEach((k, v) -> put(items, CURSOR, k, v));
        state.suppression().forEach((k, v) -> put(items, SUPPRESSION, k, v));
        state.pending().forEach(p -> put(items, PENDING, String.format("%019d", p.seq()), p.message()));
        if (state.dropped() > 0) {
            put(items, DROPPED, "total", state.dropped());
        }
        state.notified().forEach((k, v) -> put(items, NOTIFIED, k, v));
        return items;
    }

    /**
     * The state held by items (sort key → body), as {@link #encode} wrote them.
     *
     * @throws IllegalArgumentException naming the item when one cannot be read (written by another version or by hand)
     */
    public static TargetState decode(Map<String, String> items) {
        Map<String, NodeCursor> cursors = new TreeMap<>();
        Map<String, Suppression.Sent> suppression = new TreeMap<>();
        List<Pending> pending = new ArrayList<>();
        Map<String, String> notified = new TreeMap<>();
        long dropped = 0;
        for (Map.Entry<String, String> item : items.entrySet()) {
            String sk = item.getKey();
            String kind = sk.substring(0, Math.max(0, sk.indexOf('#')));
            try {
                JsonNode body = JSON.readTree(item.getValue());
                String key = body.path("key").asText();
                JsonNode value = body.get("value");
                switch (kind) {
                    case CURSOR -> cursors.put(key, JSON.treeToValue(value, NodeCursor.class));
                    case SUPPRESSION -> suppression.put(key, JSON.treeToValue(value, Suppression.Sent.class));
                    case PENDING -> pending.add(new Pending(Long.parseLong(key), JSON.treeToValue(value, Notification.class)));
                    case DROPPED -> dropped = value.asLong();
                    case NOTIFIED -> notified.put(key, value.asText());
                    default -> {
                        // an item of a kind this version does not know (a newer version's): left alone
                    }
                }
            } catch (JsonProcessingException | RuntimeException e) {
                throw new IllegalArgumentException("state item " + sk + " cannot be read: " + e.getMessage(), e);
            }
        }
        return new TargetState(cursors, suppression, pending, dropped, notified);
    }

    /** The item's address: {@code <kind>#<key>}, or {@code <kind>#~<sha-256 of key>} when that would pass DynamoDB's limit. */
    public static String sortKey(String kind, String key) {
        String plain = StateTable.itemKey(kind, key);
        if (plain.getBytes(StandardCharsets.UTF_8).length <= MAX_SORT_KEY_BYTES && !key.startsWith("~")) {
            return plain;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return StateTable.itemKey(kind, "~" + HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kind of an item from its sort key. */
    public static String kind(String sortKey) {
        int hash = sortKey.indexOf('#');
        return hash < 0 ? sortKey : sortKey.substring(0, hash);
    }

    private static void put(Map<String, String> items, String kind, String key, Object value) {
        ObjectNode body = JSON.createObjectNode();
        body.put("key", key);
        body.set("value", JSON.valueToTree(value));
        try {
            items.put(sortKey(kind, key), JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode state item " + kind + " " + key, e);
        }
    }
}
