package io.cachewatch.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One moto server per test class, with all state cleared before each test. */
public abstract class MotoTestBase {
    protected static MotoServer moto;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void resetMoto() {
        moto.reset();
    }
}
