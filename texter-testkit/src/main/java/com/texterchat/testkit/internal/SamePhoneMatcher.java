package com.texterchat.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A WireMock request matcher: the request names the same contact as a phone number, in any form Texter accepts
 * (see {@link Phones}). It looks at a query parameter ({@code search} of Search Chats) or at a text field of the
 * JSON body ({@code /to} of Send Template Message). Registered with the mock server under {@link #NAME}; stubs
 * use it through {@link #query} and {@link #bodyField}, so their parameters are plain data.
 */
public final class SamePhoneMatcher extends RequestMatcherExtension {

    /** The name the matcher is registered under. */
    public static final String NAME = "texter-same-phone";

    private static final String PHONE = "phone";
    private static final String COUNTRY = "defaultCountry";
    private static final String QUERY = "queryParameter";
    private static final String BODY = "bodyField";

    /** Parameters for a stub matching requests whose query parameter {@code name} is the same number. */
    public static Parameters query(String name, PhoneNumber phone, String defaultCountry) {
        return Parameters.from(Map.of(QUERY, name, PHONE, Phones.e164(phone), COUNTRY, defaultCountry));
    }

    /**
     * Parameters for a stub matching requests whose JSON body holds the same number at {@code pointer}, a JSON
     * Pointer such as {@code /to}.
     */
    public static Parameters bodyField(String pointer, PhoneNumber phone, String defaultCountry) {
        return Parameters.from(Map.of(BODY, pointer, PHONE, Phones.e164(phone), COUNTRY, defaultCountry));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public MatchResult match(Request request, Parameters parameters) {
        String country = parameters.getString(COUNTRY);
        PhoneNumber phone = Phones.parse(parameters.getString(PHONE), PHONE, country);
        if (parameters.containsKey(QUERY)) {
            QueryParameter values = request.queryParameter(parameters.getString(QUERY));
            return MatchResult.of(values.isPresent()
                    && values.values().stream().anyMatch(value -> Phones.sameNumber(phone, value, country)));
        }
        return MatchResult.of(Phones.sameNumber(phone, bodyText(request, parameters.getString(BODY)), country));
    }

    private static @Nullable String bodyText(Request request, String pointer) {
        String body = request.getBodyAsString();
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode value = Json.mapper().readTree(body).at(pointer);
            return value.isTextual() || value.isNumber() ? value.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
