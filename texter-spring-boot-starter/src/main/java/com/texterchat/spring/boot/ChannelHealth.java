package com.texterchat.spring.boot;

import com.texterchat.client.TexterClient;
import com.texterchat.model.Problem;
import com.texterchat.model.ProblemList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the health indicators of both Boot lines report, framework-free: List Channel Health Problems, asked at most
 * once per {@code cacheFor}. Down while an active problem (no {@code resolvedAt}) impairs sending; the details name
 * each active problem (ID, name, severity, channel, account, impaired capabilities) and never carry a token. A
 * failed call is down as well, with the exception's class (its message is the SDK's, already redacted), and is
 * cached like an answer.
 */
final class ChannelHealth {

    /** One answer: whether sending works, and the details to show. */
    record Report(boolean up, Map<String, Object> details) {
    }

    private final TexterClient client;
    private final Duration cacheFor;
    private final Clock clock;
    private @Nullable Report last;
    private @Nullable Instant lastAt;

    ChannelHealth(TexterClient client, Duration cacheFor, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("texter.health.cache-for must not be negative, got " + cacheFor);
        }
        this.cacheFor = cacheFor;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The cached report, or a new one when the cache is empty or older than {@code cacheFor}. */
    synchronized Report report() {
        Instant now = clock.instant();
        if (last != null && lastAt != null && now.isBefore(lastAt.plus(cacheFor))) {
            return last;
        }
        Report report = ask(now);
        last = report;
        lastAt = now;
        return report;
    }

    private Report ask(Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkedAt", now.toString());
        ProblemList list;
        try {
            list = client.channels().listChannelHealthProblems(null, null, null, false);
        } catch (RuntimeException e) {
            details.put("error", e.getClass().getName());
            return new Report(false, details);
        }
        List<Map<String, Object>> problems = new ArrayList<>();
        boolean sendImpaired = false;
        for (Problem problem : list.getProblems()) {
            if (problem.getResolvedAt() != null) {
                continue;
            }
            Map<String, Boolean> impaired = problem.getImpairedFunctionality() == null ? Map.of()
                    : new TreeMap<>(problem.getImpairedFunctionality());
            sendImpaired |= Boolean.TRUE.equals(impaired.get("send"));
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("id", problem.getId());
            shown.put("name", problem.getName());
            shown.put("severity", problem.getSeverityValue());
            shown.put("channel", problem.getChannelValue());
            shown.put("accountId", problem.getAccountId());
            shown.put("impaired", impaired.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                    .map(Map.Entry::getKey).toList());
            problems.add(shown);
        }
        details.put("activeProblems", problems);
        return new Report(!sendImpaired, details);
    }

    @Override
    public String toString() {
        return "ChannelHealth[cacheFor=" + cacheFor + "]";
    }
}
