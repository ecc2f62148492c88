package io.cachewatch.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tasks that run rounds, pause, get killed, hand back on SIGTERM, start again and lose the store, in any order, on
 * one clock: no target is ever held by two tasks at once (a paused or killed task's own view included), fences only
 * rise, and once things calm down every target is held by exactly one live task, shares differing by at most one.
 */
class LeasePropertiesTest {
    private static final List<String> TARGETS = List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7");
    private static final int SLOTS = 3;

    enum Kind { ROUND, ADVANCE, KILL, TERM, START, STORE_DOWN, STORE_UP }

    record Step(Kind kind, int slot, int millis) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.just(Kind.ROUND)), net.jqwik.api.Tuple.of(5, Arbitraries.just(Kind.ADVANCE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.KILL)), net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.TERM)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.START)), net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.STORE_DOWN)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.STORE_UP)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, SLOTS - 1), Arbitraries.integers().between(1, 2_500))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 400)
    void neverTwoHoldersFencesRiseAndTheSplitSettles(@ForAll("steps") List<Step> steps) {
        MemoryLeaseStore store = new MemoryLeaseStore();
        AtomicLong clock = new AtomicLong(1_000_000);
        LeaseKeeper[] running = new LeaseKeeper[SLOTS];
        List<LeaseKeeper> everyKeeper = new ArrayList<>();
        int[] generation = new int[1];
        java.util.function.IntFunction<LeaseKeeper> start = slot -> {
            LeaseKeeper k = new LeaseKeeper(new LeaseKeeper.Settings("task-" + slot + "-" + generation[0]++,
                    new LeasePlan.Timing(3_000, 1_000), 500), TARGETS, store, clock::get);
            everyKeeper.add(k);
            return k;
        };
        running[0] = start.apply(0);
        for (Step step : steps) {
            switch (step.kind()) {
                case ROUND -> {
                    if (running[step.slot()] != null) {
                        running[step.slot()].round();
                    }
                }
                case ADVANCE -> clock.addAndGet(step.millis());
                case KILL -> running[step.slot()] = null; // its keeper stays in everyKeeper: a paused task still asks holds()
                case TERM -> {
                    if (running[step.slot()] != null) {
                        running[step.slot()].releaseAll();
                        running[step.slot()] = null;
                    }
                }
                case START -> {
                    if (running[step.slot()] == null) {
                        running[step.slot()] = start.apply(step.slot());
                    }
                }
                case STORE_DOWN -> store.down = true;
                case STORE_UP -> store.down = false;
            }
            for (String target : TARGETS) {
                long holders = everyKeeper.stream().filter(k -> k.holds(target)).count();
                assertThat(holders).as("holders of %s after %s", target, step).isLessThanOrEqualTo(1);
            }
        }
        store.acquisitions.forEach((target, fences) -> {
            for (int i = 1; i < fences.size(); i++) {
                assertThat(fences.get(i)).as("fences of %s", target).isGreaterThan(fences.get(i - 1));
            }
        });

        // calm: the store answers, the live tasks run a round every 200 ms for three lease durations
        store.down = false;
        if (java.util.Arrays.stream(running).allMatch(java.util.Objects::isNull)) {
            running[0] = start.apply(0);
        }
        for (int i = 0; i < 45; i++) {
            clock.addAndGet(200);
            for (LeaseKeeper k : running) {
                if (k != null) {
                    k.round();
                }
            }
        }
        List<LeaseKeeper> live = java.util.Arrays.stream(running).filter(java.util.Objects::nonNull).toList();
        for (String target : TARGETS) {
            assertThat(live.stream().filter(k -> k.holds(target)).count()).as("holders of %s once calm", target).isEqualTo(1);
        }
        Map<String, Integer> shares = live.stream().collect(Collectors.toMap(LeaseKeeper::task, k -> k.held().size()));
        int most = shares.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int least = shares.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(most - least).as("shares %s", shares).isLessThanOrEqualTo(1);
    }
}
