package io.cachewatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotBlank;

/** ClusterRef's written-out equals and hashCode are those a record of its two components generates. */
class ClusterRefTest {
    private record Generated(String kind, String id) {
    }

    @Property
    void equalsAndHashCodeAreTheRecordOnes(@ForAll @AlphaChars @NotBlank String kind, @ForAll @AlphaChars @NotBlank String id,
                                           @ForAll @AlphaChars @NotBlank String otherId) {
        ClusterRef ref = new ClusterRef(kind, id);
        assertThat(ref.hashCode()).isEqualTo(new Generated(kind, id).hashCode());
        assertThat(ref).isEqualTo(new ClusterRef(new String(kind), new String(id)));
        assertThat(ref.equals(new ClusterRef(kind, otherId))).isEqualTo(id.equals(otherId));
        assertThat(ref.equals(new ClusterRef(id, kind))).isEqualTo(kind.equals(id));
        assertThat(ref).isNotEqualTo(null).isNotEqualTo(kind + "/" + id);
    }
}
