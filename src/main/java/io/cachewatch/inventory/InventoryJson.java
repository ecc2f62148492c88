package io.cachewatch.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes a {@link Fleet} as JSON (records as they are), marked with {@value #FORMAT} so that a file from
 * another tool or a future incompatible version is refused rather than misread.
 */
public final class InventoryJson {
    public static final String FORMAT = "cachewatch-inventory/1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's top level: the format marker first, then the regions. */
    @JsonPropertyOrder({"format", "regions"})
    record Document(String format, List<RegionInventory> regions) {
    }

    /** A file that is not a valid inventory; says where (line, column, field) and why. */
    public static final class InvalidInventoryException extends IOException {
        private final Path file;
        private final int line;
        private final int column;
        private final String field;

        InvalidInventoryException(Path file, int line, int column, String field, String problem, Throwable cause) {
            super(file + (line > 0 ? ":" + line + ":" + column : "") + (field.isEmpty() ? "" : ": " + field) + ": " + problem,
                    cause);
            this.file = file;
            this.line = line;
            this.column = column;
            this.field = field;
        }

        public Path file() {
            return file;
        }

        /** 1-based; 0 when unknown. */
        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** JSON path such as {@code regions[0].clusters[2].engine}; empty for syntax errors and the top level. */
        public String field() {
            return field;
        }
    }

    private InventoryJson() {
    }

    public static void write(Fleet fleet, Writer out) throws IOException {
        MAPPER.writeValue(out, new Document(FORMAT, fleet.regions()));
        out.write(System.lineSeparator());
        out.flush();
    }

    public static Fleet read(Path file) throws IOException {
        Document document;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = MAPPER.readValue(in, Document.class);
        } catch (JsonMappingException e) {
            throw invalid(file, e.getLocation(), path(e), e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw invalid(file, e.getLocation(), "", e.getOriginalMessage(), e);
        }
        if (document == null) {
            throw new InvalidInventoryException(file, 0, 0, "", "empty file", null);
        }
        if (!FORMAT.equals(document.format())) {
            throw new InvalidInventoryException(file, 0, 0, "format",
                    "expected \"" + FORMAT + "\" but found " + (document.format() == null ? "none" : "\"" + document.format() + "\""), null);
        }
        return new Fleet(document.regions());
    }

    private static InvalidInventoryException invalid(Path file, JsonLocation location, String field, String problem,
                                                     Exception cause) {
        // Record constructors reject bad values with their own message; show that one rather than Jackson's wrapper.
        Throwable root = cause.getCause() instanceof IllegalArgumentException iae ? iae : null;
        String message = root != null ? root.getMessage() : problem;
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return new InvalidInventoryException(file, Math.max(line, 0), Math.max(column, 0), field, message, cause);
    }

    /** {@code regions[0].clusters[1].engine} from Jackson's reference chain. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
