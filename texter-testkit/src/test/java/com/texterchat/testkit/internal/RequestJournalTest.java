package com.texterchat.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The request journal keeps WireMock's order and operations; an entry recorded for later is built once. */
class RequestJournalTest {

    private final RequestJournal journal = new RequestJournal();

    private static ServeEvent event(String path) {
        return ServeEvent.of(ImmutableRequest.create().withAbsoluteUrl("http://127.0.0.1:1" + path)
                .withMethod(RequestMethod.GET).build());
    }

    /** Records two events, oldest first. */
    private ServeEvent[] recordTwo() {
        ServeEvent[] events = {event("/1"), event("/2")};
        journal.add(events[0]);
        journal.add(events[1]);
        return events;
    }

    @Test
    void newestFirstAndRemoveLastDropsTheOldest() {
        ServeEvent[] recorded = recordTwo();
        ServeEvent first = recorded[0];
        ServeEvent second = recorded[1];
        assertThat(journal.getAll()).containsExactly(second, first);
        assertThat(journal.getAllKeys()).containsExactly(second.getId(), first.getId());

        journal.removeLast();
        assertThat(journal.getAll()).containsExactly(second);
        assertThat(journal.get(first.getId())).isEmpty();
    }

    @Test
    void putReplacesOnlyAnEntryThatIsThere() {
        ServeEvent first = event("/1");
        journal.add(first);
        ServeEvent replacement = event("/1-again");
        journal.put(first.getId(), replacement);
        journal.put(UUID.randomUUID(), event("/stranger"));

        assertThat(journal.getAll()).containsExactly(replacement);
        assertThat(journal.get(first.getId())).contains(replacement);
    }

    @Test
    void removeAndClear() {
        ServeEvent[] recorded = recordTwo();
        ServeEvent first = recorded[0];
        ServeEvent second = recorded[1];
        journal.remove(first.getId());
        assertThat(journal.getAll()).containsExactly(second);
        journal.clear();
        assertThat(journal.getAll()).isEmpty();
        assertThat(journal.getAllKeys()).isEmpty();
    }

    @Test
    void anEntryForLaterIsBuiltOnFirstReadAndOnlyOnce() {
        ServeEvent later = event("/later");
        AtomicInteger built = new AtomicInteger();
        journal.add(event("/before"));
        journal.addLater(later.getId(), () -> {
            built.incrementAndGet();
            return later;
        });
        assertThat(built).hasValue(0);
        assertThat(journal.getAllKeys()).first().isEqualTo(later.getId());
        assertThat(built).hasValue(0);

        assertThat(journal.getAll()).first().isSameAs(later);
        assertThat(journal.get(later.getId())).contains(later);
        assertThat(journal.getAll()).first().isSameAs(later);
        assertThat(built).hasValue(1);
    }
}
