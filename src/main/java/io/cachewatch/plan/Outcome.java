package io.cachewatch.plan;

/** What became of a planned change: applied, or failed with the reason the API gave. */
public record Outcome(Change<?> change, boolean applied, String error) {
    public static Outcome ok(Change<?> change) {
        return new Outcome(change, true, null);
    }

    public static Outcome failed(Change<?> change, String error) {
        return new Outcome(change, false, error);
    }
}
