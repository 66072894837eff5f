package com.texterchat.testkit.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers as Texter compares them: one contact whatever the form, so with Israel as the project's default
 * country {@code 0521234567}, {@code 972521234567}, {@code +972521234567} and {@code +972 52-123-4567} are the
 * same number. Google's libphonenumber does all parsing; this class only decides which of its readings to take.
 *
 * <p>A number is read two ways: as written, in the default country (national forms such as {@code 0521234567},
 * and international ones with {@code +}, or with the default country's calling code up front); and, when it has no
 * {@code +}, as an international number without the {@code +} ({@code 447700900123}), the way WhatsApp and
 * Texter's webhooks write numbers. A valid reading wins over a merely possible one (right length, unknown range),
 * the as-written reading over the other; a number with no possible reading is refused.
 */
public final class Phones {

    /**
     * The default country of a mock Texter project unless a test says otherwise: Israel, Texter's home market,
     * whose national forms ({@code 05...}) Texter's own examples use.
     */
    public static final String DEFAULT_COUNTRY = "IL";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** libphonenumber's region code for "no region": only numbers in international form parse. */
    private static final String NO_REGION = "ZZ";

    private Phones() {
    }

    /**
     * A validated default country: an ISO 3166-1 alpha-2 code libphonenumber has numbering data for, any case.
     *
     * @param option the name of the option being set, for the message
     * @return the code in upper case
     */
    public static String country(String country, String option) {
        Objects.requireNonNull(country, option);
        String code = country.trim().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(code)) {
            throw new IllegalArgumentException(option + " must be an ISO 3166-1 alpha-2 country code with"
                    + " phone numbering data, such as IL, US or GB; got '" + country + "'");
        }
        return code;
    }

    /**
     * The number a test gave, read as Texter would in a project whose default country is {@code country}.
     *
     * @param parameter the name of the parameter, for the message
     * @throws IllegalArgumentException when libphonenumber finds no possible number in it
     */
    public static PhoneNumber parse(String phone, String parameter, String country) {
        Objects.requireNonNull(phone, parameter);
        Reading reading = read(phone, country);
        if (reading.number == null) {
            throw new IllegalArgumentException(parameter + " must be a phone number in a form Texter accepts"
                    + " (international such as +972521234567 or 972521234567, or national in the default country "
                    + country + "), got '" + phone + "': " + reading.problem);
        }
        return reading.number;
    }

    /** A number someone sent (a {@code to} field, a search), read like {@link #parse}; empty when it is none. */
    public static Optional<PhoneNumber> tryParse(@Nullable String sent, String country) {
        return sent == null ? Optional.empty() : Optional.ofNullable(read(sent, country).number);
    }

    /** Whether a value someone sent is the same contact as {@code number}; null and non-numbers never are. */
    public static boolean sameNumber(PhoneNumber number, @Nullable String sent, String country) {
        return tryParse(sent, country).map(Phones::e164).filter(e164(number)::equals).isPresent();
    }

    /** The number in E.164, {@code +972521234567}. */
    public static String e164(PhoneNumber number) {
        return UTIL.format(number, PhoneNumberFormat.E164);
    }

    /** The number in E.164 without the {@code +}, {@code 972521234567}: how Texter's chats and webhooks carry it. */
    public static String digits(PhoneNumber number) {
        return e164(number).substring(1);
    }

    private static Reading read(String phone, String country) {
        Reading asWritten = reading(phone, country);
        if (asWritten.valid || phone.strip().startsWith("+")) {
            return asWritten;
        }
        Reading international = reading("+" + phone.strip(), NO_REGION);
        if (international.valid) {
            return international;
        }
        return asWritten.number != null || international.number == null ? asWritten : international;
    }

    private static Reading reading(String phone, String region) {
        try {
            PhoneNumber number = UTIL.parse(phone, region);
            PhoneNumberUtil.ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
            if (possible != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
                return new Reading(null, false, "its length does not fit the numbering plan ("
                        + possible.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            }
            return new Reading(number, UTIL.isValidNumber(number), "");
        } catch (NumberParseException e) {
            return new Reading(null, false, e.getMessage());
        }
    }

    /** One way of reading a number: the number (null when impossible), whether it is valid, else why not. */
    private record Reading(@Nullable PhoneNumber number, boolean valid, String problem) {
    }
}
