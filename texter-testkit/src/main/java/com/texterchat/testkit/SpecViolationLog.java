package com.texterchat.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The spec violations a server saw since its last reset, and which of them the current test allows. */
final class SpecViolationLog {

    private final List<SpecViolation> violations = new ArrayList<>();
    private final Set<String> allowedOperations = new HashSet<>();
    private boolean allowAll;

    synchronized void record(List<SpecViolation> found) {
        violations.addAll(found);
    }

    synchronized List<SpecViolation> all() {
        return List.copyOf(violations);
    }

    /** The violations the current test did not allow, oldest first. */
    synchronized List<SpecViolation> unexpected() {
        if (allowAll) {
            return List.of();
        }
        List<SpecViolation> unexpected = new ArrayList<>();
        for (SpecViolation violation : violations) {
            if (violation.operationId().filter(allowedOperations::contains).isEmpty()) {
                unexpected.add(violation);
            }
        }
        return unexpected;
    }

    synchronized void allow(String operationId) {
        allowedOperations.add(operationId);
    }

    synchronized void allowAll() {
        allowAll = true;
    }

    synchronized void clear() {
        violations.clear();
        allowedOperations.clear();
        allowAll = false;
    }
}
