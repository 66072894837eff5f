package com.texterchat.dsl.message;

import com.texterchat.model.Location;
import com.texterchat.model.OutgoingMessageType;
import com.texterchat.model.SessionMessage;
import org.jspecify.annotations.Nullable;

/**
 * A {@code location} message: latitude in [-90, 90] and longitude in [-180, 180] degrees, with an optional
 * place name, address and link. Start with {@link Messages#location}.
 */
public final class LocationMessageBuilder extends MessageBuilder<LocationMessageBuilder> {

    private final double latitude;
    private final double longitude;
    private @Nullable String name;
    private @Nullable String address;
    private @Nullable String url;

    LocationMessageBuilder(double latitude, double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }

    /** The name of the place, e.g. {@code "Head Office"}. */
    public LocationMessageBuilder name(String name) {
        this.name = name;
        return this;
    }

    /** The street address of the place. */
    public LocationMessageBuilder address(String address) {
        this.address = address;
        return this;
    }

    /** A link with more about the place (absolute http(s) URL). */
    public LocationMessageBuilder url(String url) {
        this.url = url;
        return this;
    }

    @Override
    SessionMessage content() {
        Location location = new Location().latitude(latitude).longitude(longitude).name(name).address(address)
                .url(url);
        return new SessionMessage().type(OutgoingMessageType.LOCATION).location(location);
    }
}
