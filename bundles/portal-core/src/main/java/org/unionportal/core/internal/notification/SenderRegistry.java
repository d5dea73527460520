package org.unionportal.core.internal.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Constants;
import org.unionportal.api.notification.spi.MessageSender;

/**
 * The {@link MessageSender} services there are, best first: highest {@code service.ranking}, then lowest
 * {@code service.id} (the order of the OSGi service registry). Thread-safe.
 */
final class SenderRegistry {
    private record Entry(MessageSender sender, int ranking, long serviceId) {
    }

    private static final Comparator<Entry> BEST_FIRST = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(MessageSender sender, Map<String, ?> properties) {
        entries.removeIf(e -> e.sender() == sender);
        entries.add(new Entry(sender, ranking(properties), serviceId(properties)));
        entries.sort(BEST_FIRST);
    }

    synchronized void remove(MessageSender sender) {
        entries.removeIf(e -> e.sender() == sender);
    }

    synchronized Optional<MessageSender> best() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0).sender());
    }

    MessageSender bestOr(MessageSender fallback) {
        return best().orElse(fallback);
    }

    /** A sender's name, never null or blank, at most 100 characters (a broken {@code name()} gives its class name). */
    static String nameOf(MessageSender sender) {
        String name;
        try {
            name = sender.name();
        } catch (RuntimeException e) {
            name = null;
        }
        if (name == null || name.isBlank()) {
            name = sender.getClass().getName();
        }
        return Outbox.cut(name.strip(), Outbox.MAX_SENDER);
    }

    /** OSGi: a {@code service.ranking} that is not an Integer counts as 0. */
    private static int ranking(Map<String, ?> properties) {
        return properties != null && properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }

    private static long serviceId(Map<String, ?> properties) {
        return properties != null && properties.get(Constants.SERVICE_ID) instanceof Long l ? l : Long.MAX_VALUE;
    }
}
