package io.cachewatch.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Converts CloudWatch payloads between RPC v2 CBOR and AWS JSON 1.0. Both carry the same member names; they differ in
 * timestamps (CBOR: tag 1 + epoch seconds; JSON: epoch-second numbers) and blobs (CBOR byte strings; JSON base64).
 */
final class CborJson {
    /**
     * Members whose shape is a timestamp in the CloudWatch model (shapes {@code Timestamp}, {@code LastModified};
     * {@code Timestamps} is a list of them). No CloudWatch member reuses these names for another type.
     */
    static final Set<String> TIMESTAMP_MEMBERS = Set.of(
            "AlarmConfigurationUpdatedTimestamp", "CreationDate", "EndDate", "EndTime", "ExpireDate", "LastModified",
            "LastUpdateDate", "LastUpdatedTimestamp", "StartDate", "StartTime", "StateTransitionedTimestamp",
            "StateUpdatedTimestamp", "Timestamp", "Timestamps");
    /** Blob members (base64 in JSON). */
    static final Set<String> BLOB_MEMBERS = Set.of("MetricWidgetImage");
    private static final int EPOCH_TAG = 1;

    static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private CborJson() {
    }

    /** A CBOR request body as a tree; Jackson drops tag 1 (leaving the epoch number) and reads byte strings as binary. */
    static ObjectNode readCbor(byte[] body) {
        try {
            JsonNode tree = body.length == 0 ? null : CBOR.readTree(body);
            return tree instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("not CBOR", e);
        }
    }

    /** A JSON 1.0 response body as a tree; empty or non-JSON bodies (moto's HTML 500 pages) give null. */
    static ObjectNode readJson(byte[] body) {
        try {
            JsonNode tree = body.length == 0 ? null : JSON.readTree(body);
            return tree instanceof ObjectNode o ? o : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** JSON 1.0 request body; binary nodes become base64 strings. */
    static byte[] toJson(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RPC v2 CBOR response body, with timestamp members tagged and blob members as byte strings. */
    static byte[] toCbor(JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = (CBORGenerator) CBOR.getFactory().createGenerator(out)) {
            write(generator, tree, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator g, JsonNode node, String member) throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isNull()) {
                    continue; // absent and null mean the same to the SDK; absent is what CloudWatch sends
                }
                g.writeFieldName(field.getKey());
                write(g, field.getValue(), field.getKey());
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode element : node) {
                write(g, element, member); // Timestamps: every element is a timestamp
            }
            g.writeEndArray();
        } else if (member != null && TIMESTAMP_MEMBERS.contains(member)) {
            g.writeTag(EPOCH_TAG);
            writeEpoch(g, node);
        } else if (member != null && BLOB_MEMBERS.contains(member) && node.isTextual()) {
            g.writeBinary(Base64.getDecoder().decode(node.asText()));
        } else {
            writeScalar(g, node);
        }
    }

    private static void writeEpoch(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isTextual()) {
            // Some moto responses format dates as ISO-8601 strings.
            Instant instant = Instant.parse(node.asText());
            g.writeNumber(BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)).doubleValue());
        } else if (node.isIntegralNumber()) {
            g.writeNumber(node.asLong());
        } else {
            g.writeNumber(node.asDouble());
        }
    }

    private static void writeScalar(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isTextual()) {
            g.writeString(node.asText());
        } else if (node.isBoolean()) {
            g.writeBoolean(node.asBoolean());
        } else if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                g.writeNumber(node.asLong());
            } else {
                g.writeNumber(node.bigIntegerValue());
            }
        } else if (node.isNumber()) {
            g.writeNumber(node.asDouble());
        } else if (node.isBinary()) {
            g.writeBinary(node.binaryValue());
        } else {
            g.writeString(node.asText());
        }
    }
}
