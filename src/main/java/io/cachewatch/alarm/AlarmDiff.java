package io.cachewatch.alarm;

import io.cachewatch.plan.FieldDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Field-level differences between an alarm as it is and as it should be. */
public final class AlarmDiff {
    private record Field(String name, Function<AlarmSpec, Object> read) {
    }

    /** Every field cachewatch owns, in the order a reviewer reads them. */
    private static final List<Field> FIELDS = List.of(
            new Field("namespace", AlarmSpec::namespace),
            new Field("metricName", AlarmSpec::metricName),
            new Field("dimensions", s -> s.dimensions().stream().map(Object::toString).toList()),
            new Field("statistic", AlarmSpec::statistic),
            new Field("period", AlarmSpec::period),
            new Field("evaluationPeriods", AlarmSpec::evaluationPeriods),
            new Field("datapointsToAlarm", AlarmSpec::datapointsToAlarm),
            new Field("comparison", s -> s.comparison() == null ? null : s.comparison().symbol()),
            new Field("threshold", AlarmSpec::threshold),
            new Field("treatMissingData", s -> s.treatMissingData() == null ? null : s.treatMissingData().name()),
            new Field("description", AlarmSpec::description),
            new Field("actionsEnabled", AlarmSpec::actionsEnabled),
            new Field("alarmActions", AlarmSpec::alarmActions),
            new Field("okActions", AlarmSpec::okActions));

    private AlarmDiff() {
    }

    /** Empty when nothing cachewatch owns differs. */
    public static List<FieldDiff> between(AlarmSpec actual, AlarmSpec desired) {
        List<FieldDiff> diffs = new ArrayList<>();
        for (Field field : FIELDS) {
            Object from = field.read.apply(actual);
            Object to = field.read.apply(desired);
            if (!sameValue(from, to)) {
                diffs.add(new FieldDiff(field.name, from, to));
            }
        }
        return List.copyOf(diffs);
    }

    /** Thresholds travel as doubles; CloudWatch may hand back 80.0 for 80, which is no difference. */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y) == 0 || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
        }
        return Objects.equals(a, b);
    }
}
