package com.texterchat.testkit;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.texterchat.testkit.internal.SpecValidator;
import com.texterchat.testkit.internal.StubFactory;
import com.texterchat.testkit.internal.TexterSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The WireMock request filter that checks every request to the API's base path against the spec before any stub
 * answers it: a request Texter would refuse is recorded as {@link SpecViolation}s and answered like Texter does
 * (400 or 404 with Texter's JSON error body; a missing token goes on to the 401 stubs).
 */
final class SpecCheckFilter implements StubRequestFilterV2 {

    private final SpecViolationLog log;

    SpecCheckFilter(SpecViolationLog log) {
        this.log = log;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        String url = request.getUrl();
        String path = StubFactory.rawPath(url);
        String basePath = TexterSpec.get().basePath();
        if (!path.equals(basePath) && !path.startsWith(basePath + "/")) {
            return RequestFilterAction.continueWith(request); // not the Texter API: a raw stub of the test's own
        }
        byte[] bytes = request.getBody();
        String body = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        String method = request.getMethod().getName();
        SpecValidator.Verdict verdict = SpecValidator.get().checkRequest(method, url,
                name -> request.containsHeader(name) ? request.getHeader(name) : null, body);
        if (verdict.violations().isEmpty()) {
            return RequestFilterAction.continueWith(request);
        }
        ResponseDefinition refusal = refuse(verdict, method, path, log);
        return refusal == null ? RequestFilterAction.continueWith(request) // the auth stubs answer it
                : RequestFilterAction.stopWith(refusal);
    }

    /**
     * Records the violations of a refused request and gives Texter's answer to it; null for a request without a
     * token, which the auth stubs answer.
     *
     * @param verdict the spec check's verdict, with at least one violation
     * @param method  the request's method
     * @param path    its path as sent
     * @param log     where the violations go
     */
    static @Nullable ResponseDefinition refuse(SpecValidator.Verdict verdict, String method, String path,
            SpecViolationLog log) {
        String operationId = verdict.operation() == null ? null : verdict.operation().id();
        List<SpecViolation> found = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (SpecValidator.Violation v : verdict.violations()) {
            found.add(new SpecViolation(SpecViolation.Source.REQUEST, operationId, method, path, v.in(), v.pointer(),
                    v.rule(), v.value(), verdict.status()));
            reasons.add(v.describe());
        }
        log.record(found);
        if (verdict.status() == SpecValidator.UNAUTHORIZED) {
            return null;
        }
        String error = verdict.status() == SpecValidator.NOT_FOUND ? "Not found: " + method + " " + path
                : "Invalid request: " + String.join("; ", reasons);
        return StubFactory.json(verdict.status(), SpecValidator.errorBody(error)).build();
    }

    @Override
    public String getName() {
        return "texter-spec-check";
    }
}
