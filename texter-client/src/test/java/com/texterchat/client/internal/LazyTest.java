package com.texterchat.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lazily made API clients of {@code TexterClient}. */
class LazyTest {

    @Test
    void theValueIsMadeOnceOnFirstUseEvenWhenThreadsRace() {
        AtomicInteger made = new AtomicInteger();
        Lazy<Object> lazy = new Lazy<>(new Object(), () -> {
            made.incrementAndGet();
            return new Object();
        });
        assertThat(made).hasValue(0);

        List<CompletableFuture<Object>> gets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            gets.add(CompletableFuture.supplyAsync(lazy::get));
        }
        Object first = lazy.get();

        assertThat(gets).allSatisfy(get -> assertThat(get.join()).isSameAs(first));
        assertThat(made).hasValue(1);
    }

    @Test
    void aFactoryThatMakesNothingIsAnError() {
        Lazy<Object> lazy = new Lazy<>(new Object(), () -> null);

        assertThatThrownBy(lazy::get).isInstanceOf(NullPointerException.class).hasMessage("factory returned null");
    }
}
