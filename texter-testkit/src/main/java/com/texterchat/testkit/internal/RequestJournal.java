package com.texterchat.testkit.internal;

import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * WireMock's request journal, in memory, in WireMock's order (newest first), with two differences:
 *
 * <ul>
 *   <li>an entry can be recorded before its {@link ServeEvent} exists ({@link #addLater}): the simulator's direct
 *       answers record what they received and build WireMock's event (URL parsing, header maps) only when the
 *       journal is read, which most requests never are;</li>
 *   <li>replacing an entry ({@link #put}) looks it up by id instead of scanning the whole journal, which WireMock's
 *       own store does on every request and which made a long run slower the longer it ran.</li>
 * </ul>
 */
public final class RequestJournal implements RequestJournalStore {

    private final Deque<UUID> order = new ConcurrentLinkedDeque<>();
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public void add(ServeEvent event) {
        entries.put(event.getId(), new Entry(event));
        order.addFirst(event.getId());
    }

    /**
     * Records a request whose event is built on first read.
     *
     * @param id    the event's id (the one {@code event} gives it)
     * @param event builds the event; called at most once
     */
    public void addLater(UUID id, Supplier<ServeEvent> event) {
        entries.put(id, new Entry(event));
        order.addFirst(id);
    }

    @Override
    public Stream<ServeEvent> getAll() {
        return order.stream().map(entries::get).filter(e -> e != null).map(Entry::event);
    }

    @Override
    public void removeLast() {
        UUID oldest = order.pollLast();
        if (oldest != null) {
            entries.remove(oldest);
        }
    }

    @Override
    public Stream<UUID> getAllKeys() {
        return order.stream().filter(entries::containsKey);
    }

    @Override
    public Optional<ServeEvent> get(UUID id) {
        Entry entry = entries.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.event());
    }

    @Override
    public void put(UUID id, ServeEvent event) {
        entries.computeIfPresent(id, (key, old) -> new Entry(event));
    }

    @Override
    public void remove(UUID id) {
        if (entries.remove(id) != null) {
            order.remove(id);
        }
    }

    @Override
    public void clear() {
        order.clear();
        entries.clear();
    }

    /** An event, or what builds it once. */
    private static final class Entry {
        private volatile @Nullable ServeEvent event;
        private @Nullable Supplier<ServeEvent> maker;

        Entry(ServeEvent event) {
            this.event = event;
        }

        Entry(Supplier<ServeEvent> maker) {
            this.maker = maker;
        }

        ServeEvent event() {
            ServeEvent built = event;
            if (built == null) {
                synchronized (this) {
                    built = event;
                    if (built == null) {
                        Supplier<ServeEvent> pending = maker;
                        built = pending == null ? null : pending.get();
                        if (built == null) {
                            throw new IllegalStateException("a journal entry has no event");
                        }
                        event = built;
                        maker = null;
                    }
                }
            }
            return built;
        }
    }
}
