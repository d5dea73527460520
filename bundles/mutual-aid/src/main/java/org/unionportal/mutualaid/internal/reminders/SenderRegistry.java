package org.unionportal.mutualaid.internal.reminders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Constants;
import org.unionportal.mutualaid.spi.ReminderSender;

/**
 * The {@link ReminderSender} services there are, best first: highest {@code service.ranking}, then
 * lowest {@code service.id} (the order of the OSGi service registry). Thread-safe.
 */
public final class SenderRegistry {
    private record Entry(ReminderSender sender, int ranking, long serviceId) {
    }

    private static final Comparator<Entry> BEST_FIRST = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(ReminderSender sender, Map<String, ?> properties) {
        entries.removeIf(e -> e.sender() == sender);
        entries.add(new Entry(sender, ranking(properties), serviceId(properties)));
        entries.sort(BEST_FIRST);
    }

    public synchronized void remove(ReminderSender sender) {
        entries.removeIf(e -> e.sender() == sender);
    }

    /** The service's properties changed (its ranking may have). */
    public void update(ReminderSender sender, Map<String, ?> properties) {
        add(sender, properties);
    }

    public synchronized Optional<ReminderSender> best() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0).sender());
    }

    public ReminderSender bestOr(ReminderSender fallback) {
        return best().orElse(fallback);
    }

    /** The registered senders' names, best first. */
    public synchronized List<String> names() {
        return entries.stream().map(e -> nameOf(e.sender())).toList();
    }

    /** A sender's name, never null or blank, at most 100 characters (a broken {@code name()} gives its class name). */
    public static String nameOf(ReminderSender sender) {
        String name;
        try {
            name = sender.name();
        } catch (RuntimeException e) {
            name = null;
        }
        if (name == null || name.isBlank()) {
            name = sender.getClass().getName();
        }
        return Reminders.cut(name.strip(), Reminders.MAX_SENDER);
    }

    /** OSGi: a {@code service.ranking} that is not an Integer counts as 0. */
    private static int ranking(Map<String, ?> properties) {
        return properties != null && properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }

    private static long serviceId(Map<String, ?> properties) {
        return properties != null && properties.get(Constants.SERVICE_ID) instanceof Long l ? l : Long.MAX_VALUE;
    }
}
