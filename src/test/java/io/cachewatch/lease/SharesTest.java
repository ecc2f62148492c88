package io.cachewatch.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SharesTest {
    @Test
    void twoTasksSixTargetsTakeThreeEach() {
        assertThat(Shares.of("a", List.of("a", "b"), 6)).isEqualTo(3);
        assertThat(Shares.of("b", List.of("a", "b"), 6)).isEqualTo(3);
    }

    @Test
    void theRemainderGoesToTheFirstTasksByName() {
        assertThat(Shares.of("a", List.of("b", "a"), 7)).isEqualTo(4);
        assertThat(Shares.of("b", List.of("b", "a"), 7)).isEqualTo(3);
    }

    @Test
    void aTaskAlwaysCountsItself() {
        assertThat(Shares.of("c", List.of("a", "b"), 6)).isEqualTo(2);
        assertThat(Shares.of("a", List.of(), 6)).isEqualTo(6);
    }

    @Test
    void moreTasksThanTargetsLeavesSomeWithNone() {
        assertThat(IntStream.range(0, 3).map(i -> Shares.of("t" + i, List.of("t0", "t1", "t2"), 2)).toArray()).containsExactly(1, 1, 0);
    }

    @Property
    void sharesAddUpAndDifferByAtMostOne(@ForAll @IntRange(min = 1, max = 12) int tasks, @ForAll @IntRange(min = 0, max = 60) int targets) {
        List<String> names = IntStream.range(0, tasks).mapToObj(i -> "task-" + i).toList();
        List<Integer> shares = names.stream().map(n -> Shares.of(n, names, targets)).toList();
        assertThat(shares.stream().mapToInt(Integer::intValue).sum()).isEqualTo(targets);
        assertThat(shares.stream().mapToInt(Integer::intValue).max().orElseThrow()
                - shares.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(1);
    }
}
