package io.cachewatch.plan;

/** How a kind compares what exists with what it wants, and says what a create makes. */
public interface Differ<D, A> {
    Diff between(A actual, D desired);

    /** One line on what a create makes: {@code EngineCPUUtilization Average > 80 …}, {@code 9 widgets, …}. */
    String created(D desired);
}
