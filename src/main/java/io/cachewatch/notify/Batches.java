package io.cachewatch.notify;

import java.util.ArrayList;
import java.util.List;

/** Splits messages into PublishBatch calls: at most 10 entries and 256 KiB per call, order kept. */
public final class Batches {
    public static final int MAX_ENTRIES = 10;

    private Batches() {
    }

    public static List<List<Notification>> of(List<Notification> notifications) {
        List<List<Notification>> batches = new ArrayList<>();
        List<Notification> current = new ArrayList<>();
        int bytes = 0;
        for (Notification n : notifications) {
            if (!current.isEmpty() && (current.size() == MAX_ENTRIES || bytes + n.size() > ChatbotMessages.MAX_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(n);
            bytes += n.size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
