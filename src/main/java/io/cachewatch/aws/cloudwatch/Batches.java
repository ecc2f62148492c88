package io.cachewatch.aws.cloudwatch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Names cut into the batches a CloudWatch delete call takes, duplicates dropped (a repeated name would fail the call). */
final class Batches {
    private Batches() {
    }

    static List<List<String>> of(List<String> names, int size) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(names));
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < unique.size(); from += size) {
            batches.add(unique.subList(from, Math.min(unique.size(), from + size)));
        }
        return batches;
    }
}
