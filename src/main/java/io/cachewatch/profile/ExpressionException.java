package io.cachewatch.profile;

/** An expression that cannot be parsed; {@link #column()} is 1-based within the expression text. */
public class ExpressionException extends IllegalArgumentException {
    private final int column;
    private final String reason;

    public ExpressionException(String reason, int column) {
        super(reason + " at column " + column);
        this.reason = reason;
        this.column = column;
    }

    public int column() {
        return column;
    }

    /** The message without the column. */
    public String reason() {
        return reason;
    }
}
