package io.cachewatch.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisErrorsTest {
    @Test
    void namesAnErrorByItsCodeWhateverPrefixTheClientAdds() {
        assertThat(RedisErrors.kind("ERR [1] NOPERM this user has no permissions to run the 'slowlog|get' command", false, false))
                .isEqualTo("permission denied");
        assertThat(RedisErrors.serverReply("ERR [1] NOPERM this user has no permissions")).isEqualTo("NOPERM this user has no permissions");
        assertThat(RedisErrors.kind("NOPERM this user has no permissions", false, false)).isEqualTo("permission denied");
        assertThat(RedisErrors.kind("WRONGPASS invalid username-password pair or user is disabled.", false, false)).isEqualTo("auth rejected");
        assertThat(RedisErrors.kind("NOAUTH HELLO must be called with the client already authenticated", false, false)).isEqualTo("auth rejected");
        assertThat(RedisErrors.kind("ERR invalid password", false, false)).as("Redis 5").isEqualTo("auth rejected");
        assertThat(RedisErrors.kind("LOADING Redis is loading the dataset in memory", false, false)).isEqualTo("loading");
        assertThat(RedisErrors.kind("ERR [2] LOADING Redis is loading the dataset in memory", false, false)).isEqualTo("loading");
        assertThat(RedisErrors.kind("BUSY Redis is busy running a script", false, false)).isEqualTo("busy");
        assertThat(RedisErrors.kind("CLUSTERDOWN The cluster is down", false, false)).isEqualTo("unavailable");
        assertThat(RedisErrors.kind("MASTERDOWN Link with MASTER is down", false, false)).isEqualTo("unavailable");
        assertThat(RedisErrors.kind("ERR handshake refused by proxy", false, false)).isEqualTo("error");
    }

    @Test
    void aMessageThatIsNoServerReplyIsNamedByWhatItSays() {
        assertThat(RedisErrors.kind("timed out after 5000 ms", true, false)).isEqualTo("timeout");
        assertThat(RedisErrors.kind("Connection refused: /127.0.0.1:6390", false, false)).isEqualTo("connection refused");
        assertThat(RedisErrors.kind("PKIX path building failed", false, true)).isEqualTo("TLS failed");
        assertThat(RedisErrors.kind("Connection is closed", false, false)).isEqualTo("error");
        // lower-case text with a code-like word inside is not a reply code
        assertThat(RedisErrors.kind("noperm somewhere in the middle", false, false)).isEqualTo("error");
    }
}
