package io.cachewatch.plan;

/** What became of a planned change: applied, or failed with the reason the API gave. */
public record ChangeOutcome(AlarmChange change, boolean applied, String error) {
    public static ChangeOutcome ok(AlarmChange change) {
        return new ChangeOutcome(change, true, null);
    }

    public static ChangeOutcome failed(AlarmChange change, String error) {
        return new ChangeOutcome(change, false, error);
    }
}
