package com.texterchat.testkit.internal;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Phone numbers as the test kit compares them: by their digits, so {@code +972 52-123-4567} equals {@code 972521234567}. */
public final class Phones {

    private static final Pattern ALLOWED = Pattern.compile("^\\+?[0-9 ()\\-.]+$");
    private static final int MAX_DIGITS = 15;

    private Phones() {
    }

    /**
     * The digits of a phone number given as digits, optionally with a leading {@code +} and spaces, dashes,
     * dots or parentheses. Anything else, or more than 15 digits (the E.164 limit), is rejected.
     */
    public static String digits(String phone, String parameter) {
        Objects.requireNonNull(phone, parameter);
        String digits = phone.replaceAll("[^0-9]", "");
        if (!ALLOWED.matcher(phone).matches() || digits.isEmpty()) {
            throw new IllegalArgumentException(parameter + " must be a phone number (digits, optionally with a"
                    + " leading '+', spaces, dashes or parentheses), got '" + phone + "'");
        }
        if (digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException(parameter + " must have at most " + MAX_DIGITS + " digits (E.164),"
                    + " got " + digits.length() + " in '" + phone + "'");
        }
        return digits;
    }

    /** Whether a value someone sent (e.g. a {@code to} field) is the same number; null never is. */
    public static boolean sameNumber(String digits, @Nullable String sent) {
        return sent != null && digits.equals(sent.replaceAll("[^0-9]", ""));
    }

    /** A regex that matches the number as Texter's clients send it: the digits, with or without a leading +. */
    public static String regex(String digits) {
        return "\\+?" + digits;
    }
}
