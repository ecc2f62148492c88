package io.cachewatch.testing;

import java.util.Map;
import java.util.Set;

/**
 * Maps the query-compatible error codes moto answers with (e.g. {@code ResourceNotFound}) to the error shape names
 * the SDK's RPC v2 CBOR client matches {@code __type} against (e.g. {@code DashboardNotFoundError}). Taken from the
 * CloudWatch service model (2010-08-01): each error shape's {@code error.code} and each operation's error list.
 */
final class CloudWatchErrorShapes {
    private static final Map<String, String> BY_CODE = Map.of(
            "ResourceNotFound", "ResourceNotFound",
            "InvalidParameterValue", "InvalidParameterValueException",
            "InvalidParameterInput", "DashboardInvalidInputError",
            "MissingParameter", "MissingRequiredParameterException",
            "InvalidParameterCombination", "InvalidParameterCombinationException",
            "LimitExceeded", "LimitExceededFault",
            "InternalServiceError", "InternalServiceFault",
            "InvalidFormat", "InvalidFormatFault");
    /** Operations whose "not found" is the ResourceNotFoundException shape rather than ResourceNotFound. */
    private static final Set<String> NOT_FOUND_EXCEPTION_OPS = Set.of(
            "DeleteAnomalyDetector", "DescribeAlarmContributors", "GetAlarmMuteRule", "GetInsightRuleReport",
            "GetMetricStream", "ListAlarmMuteRules", "ListTagsForResource", "TagResource", "UntagResource");

    private CloudWatchErrorShapes() {
    }

    /** The shape name for a query code answered to an operation; unknown codes pass through unchanged. */
    static String shapeName(String operation, String queryCode) {
        if (queryCode.equals("ResourceNotFound")) {
            if (operation.equals("GetDashboard")) {
                return "DashboardNotFoundError";
            }
            if (NOT_FOUND_EXCEPTION_OPS.contains(operation)) {
                return "ResourceNotFoundException";
            }
        }
        return BY_CODE.getOrDefault(queryCode, queryCode);
    }
}
