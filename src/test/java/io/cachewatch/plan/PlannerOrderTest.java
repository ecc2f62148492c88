package io.cachewatch.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachewatch.inventory.ClusterRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The order a plan shows its changes in: by cluster id, then cluster kind (changes whose mark names none first), then name. */
class PlannerOrderTest {
    /** The order as it was first written: one sort of every change. The planner's grouped sort must give the same. */
    private static final Comparator<Change<?>> REFERENCE = Comparator.comparing((Change<?> c) -> c.cluster() == null ? "" : c.cluster().id())
            .thenComparing(c -> c.cluster() == null ? "" : c.cluster().kind()).thenComparing(Change::name);

    private static final Differ<String, String> TEXT = new Differ<>() {
        @Override
        public Diff between(String actual, String desired) {
            return actual.equals(desired) ? new Diff(List.of(), null) : new Diff(List.of(new FieldDiff("body", actual, desired)), "body");
        }

        @Override
        public String created(String desired) {
            return desired;
        }
    };

    record Resource(String name, ClusterRef cluster, boolean wanted, boolean found, boolean markNamesCluster) {
    }

    @Provide
    Arbitrary<List<Resource>> resources() {
        Arbitrary<ClusterRef> clusters = Combinators.combine(Arbitraries.of("elasticache", "cachecluster", "memorydb"),
                Arbitraries.of("orders", "feed", "a", "b-1", "orders-2")).as(ClusterRef::new);
        Arbitrary<String> names = Arbitraries.strings().withChars("abc/-0").ofMinLength(1).ofMaxLength(6);
        return Combinators.combine(names, clusters, Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(Resource::new).list().ofMaxSize(40)
                .map(list -> {
                    Map<String, Resource> unique = new LinkedHashMap<>();
                    list.forEach(r -> unique.putIfAbsent(r.name(), r));
                    return new ArrayList<>(unique.values());
                });
    }

    @Property
    void changesAreInClusterThenNameOrder(@ForAll("resources") List<Resource> resources) {
        List<Wanted<String>> wanted = new ArrayList<>();
        List<Found<String>> found = new ArrayList<>();
        for (Resource r : resources) {
            if (r.wanted()) {
                wanted.add(new Wanted<>(r.name(), r.cluster(), null, "rule", "new " + r.name()));
            }
            if (r.found()) {
                // a mark that names no cluster is an old one that named two candidates: the first in order is shown
                Set<ClusterRef> owners = r.markNamesCluster() ? Set.of(r.cluster())
                        : Set.of(r.cluster(), new ClusterRef("zz", r.cluster().id()));
                found.add(new Found<>(r.name(), new Ownership.Ours("r", owners, null, "rule"), "old " + r.name()));
            }
        }
        KindPlan<String> plan = Planner.plan("thing", "r", wanted, found, Set.of(), true, TEXT);
        List<Change<String>> sorted = new ArrayList<>(plan.changes());
        sorted.sort(REFERENCE);
        assertThat(plan.changes()).containsExactlyElementsOf(sorted);
        assertThat(plan.changes()).hasSize((int) resources.stream().filter(r -> r.wanted() || r.found()).count());
    }

    @Test
    void aDeleteWhoseMarkNamesNoClusterComesFirst() {
        Found<String> ownerless = new Found<>("zzz", new Ownership.Ours("r", Set.of(), null, null), "old");
        KindPlan<String> plan = Planner.plan("thing", "r", List.of(new Wanted<>("aaa", new ClusterRef("memorydb", "a"), null, null, "x")),
                List.of(ownerless), Set.of(), true, TEXT);
        assertThat(plan.changes()).extracting(Change::name).containsExactly("zzz", "aaa");
        assertThat(plan.changes().get(0).cluster()).isNull();
    }
}
