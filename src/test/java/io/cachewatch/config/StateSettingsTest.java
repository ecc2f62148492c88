package io.cachewatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateSettingsTest {
    private static CachewatchConfig.State state(String store, String table, String region) {
        return new CachewatchConfig.State() {
            @Override
            public String store() {
                return store;
            }

            @Override
            public Optional<String> table() {
                return Optional.ofNullable(table);
            }

            @Override
            public Optional<String> region() {
                return Optional.ofNullable(region);
            }
        };
    }

    @Test
    void theFileStoreNeedsNothingAndDynamoDbNeedsATable() {
        assertThat(StateSettings.problems(state("file", null, null))).isEmpty();
        assertThat(StateSettings.problems(state("dynamodb", "cachewatch-state", "eu-west-1"))).isEmpty();
        assertThat(StateSettings.dynamoDb(state("dynamodb", "t1x", null))).isTrue();
        assertThat(StateSettings.problems(state("dynamodb", null, null))).containsExactly(
                "cachewatch.state.table is not set: expected the DynamoDB table's name with cachewatch.state.store=dynamodb"
                        + " (its definition: docs/deploy.md, \"High availability\")");
        assertThat(StateSettings.problems(state("dynamodb", "  ", null))).hasSize(1);
    }

    @Test
    void aBadValueIsNamedWithWhatWasExpected() {
        assertThat(StateSettings.problems(state("redis", null, null))).containsExactly("cachewatch.state.store=redis: expected file"
                + " (the default: state files, one process) or dynamodb (a table shared by serve's tasks)");
        assertThat(StateSettings.problems(state("dynamodb", "my table!", "useast1"))).containsExactly(
                "cachewatch.state.table=my table!: expected a DynamoDB table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'",
                "cachewatch.state.region=useast1: expected an AWS region such as us-east-1");
    }
}
