package io.cachewatch.alarm;

/**
 * An {@link AlarmStore} call that failed after the adapter's retries, with enough context to report it against one
 * change. It lives next to the port so that callers need not know the adapter.
 */
public class AlarmStoreException extends RuntimeException {
    private final String operation;
    private final String alarmName;
    private final String errorCode;
    private final String detail;

    public AlarmStoreException(String operation, String alarmName, String errorCode, String detail, Throwable cause) {
        super(operation + (alarmName == null ? "" : " " + alarmName) + " failed"
                + (errorCode == null ? "" : " [" + errorCode + "]") + ": " + detail, cause);
        this.operation = operation;
        this.alarmName = alarmName;
        this.errorCode = errorCode;
        this.detail = detail;
    }

    public String operation() {
        return operation;
    }

    /** The alarm the call was about; for batch calls the first name of the batch; null for listing. */
    public String alarmName() {
        return alarmName;
    }

    /** The AWS error code (e.g. {@code Throttling}, {@code LimitExceeded}); null for client-side failures. */
    public String errorCode() {
        return errorCode;
    }

    /** The service's own message (or the client-side failure's), without the operation and alarm name. */
    public String detail() {
        return detail;
    }
}
