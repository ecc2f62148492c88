package io.cachewatch.testing;

import java.util.ArrayList;
import java.util.List;

/** Thread-safe record of the operations a test double received, in arrival order. */
public final class CallRecorder {
    private final List<String> operations = new ArrayList<>();

    public synchronized void record(String operation) {
        operations.add(operation);
    }

    /** How many requests of this operation arrived (every attempt counts, including injected failures). */
    public synchronized int count(String operation) {
        return (int) operations.stream().filter(operation::equals).count();
    }

    public synchronized int total() {
        return operations.size();
    }

    /** A copy of every operation received, in order. */
    public synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    public synchronized void reset() {
        operations.clear();
    }
}
