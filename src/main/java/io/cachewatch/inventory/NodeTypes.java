package io.cachewatch.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Table of node types (vCPUs, memory). The ElastiCache and MemoryDB APIs do not return these figures, yet CPU alarm
 * thresholds depend on the vCPU count, so they come from a CSV on the classpath ({@code /node-types.csv}).
 */
public final class NodeTypes {
    public static final String RESOURCE = "/node-types.csv";
    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

    /** @param memoryBytes memory in bytes (the table's GiB figure × 2^30, rounded down) */
    public record NodeType(String type, int vcpus, long memoryBytes) {
    }

    private final Map<String, NodeType> byType;

    private NodeTypes(Map<String, NodeType> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** The table shipped with cachewatch. */
    public static NodeTypes standard() {
        try (InputStream in = NodeTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses {@code type,vcpus,memory_gib} lines; {@code #} starts a comment line; the header line is skipped. */
    public static NodeTypes parse(Reader csv, String source) throws IOException {
        Map<String, NodeType> types = new HashMap<>();
        BufferedReader lines = new BufferedReader(csv);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("type,")) {
                continue;
            }
            String[] fields = trimmed.split(",");
            if (fields.length != 3) {
                throw new IllegalArgumentException(source + ":" + number + ": expected type,vcpus,memory_gib but got '" + line + "'");
            }
            try {
                String type = fields[0].strip().toLowerCase(Locale.ROOT);
                long bytes = new BigDecimal(fields[2].strip()).multiply(GIB).longValue();
                types.put(type, new NodeType(type, Integer.parseInt(fields[1].strip()), bytes));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + number + ": not a number in '" + line + "'", e);
            }
        }
        return new NodeTypes(types);
    }

    public Optional<NodeType> lookup(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(byType.get(type.strip().toLowerCase(Locale.ROOT)));
    }

    /** vCPUs of a node type, null when the type is unknown (the inventory keeps null rather than guessing). */
    public Integer vcpusOf(String type) {
        return lookup(type).map(NodeType::vcpus).orElse(null);
    }

    /** Memory in bytes of a node type, null when the type is unknown. */
    public Long memoryBytesOf(String type) {
        return lookup(type).map(NodeType::memoryBytes).orElse(null);
    }

    /**
     * Every type of the same family (the name up to its size: {@code cache.r6g} for {@code cache.r6g.xlarge}), smallest
     * memory first; empty when the type is unknown.
     */
    public java.util.List<NodeType> sameFamily(String type) {
        Optional<NodeType> known = lookup(type);
        if (known.isEmpty()) {
            return java.util.List.of();
        }
        String family = known.get().type().substring(0, known.get().type().lastIndexOf('.') + 1);
        return byType.values().stream().filter(t -> t.type().startsWith(family) && t.type().indexOf('.', family.length()) < 0)
                .sorted(java.util.Comparator.comparingLong(NodeType::memoryBytes).thenComparingInt(NodeType::vcpus)).toList();
    }

    public int size() {
        return byType.size();
    }
}
