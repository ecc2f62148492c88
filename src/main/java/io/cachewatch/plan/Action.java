package io.cachewatch.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a change does, with the sign a plan shows for it. */
public enum Action {
    CREATE("+"),
    UPDATE("~"),
    DELETE("-");

    private final String sign;

    Action(String sign) {
        this.sign = sign;
    }

    public String sign() {
        return sign;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
