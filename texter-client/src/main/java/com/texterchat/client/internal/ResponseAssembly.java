package com.texterchat.client.internal;

import com.texterchat.client.error.TexterResponseTooLargeException;
import com.texterchat.client.error.TexterUnexpectedResponseException;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Turns a JDK response whose body was read completely into the Feign response the decoders get: the body without
 * its {@code Content-Encoding} (gzip decoded within the size limit), and headers that describe it. Shared by the
 * blocking {@link JdkHttpTransport} and the asynchronous {@link AsyncHttpTransport}; holds no reference to the JDK
 * client, so that a closed client can be collected.
 */
final class ResponseAssembly {

    private final long maxResponseSize;

    ResponseAssembly(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    /** The most bytes a response body may have, as received and after decoding. */
    long maxResponseSize() {
        return maxResponseSize;
    }

    /** The Feign response for a JDK response whose body was read completely: decoded, with matching headers. */
    Response toResponse(Request request, HttpResponse<?> response, byte[] raw) {
        return toResponse(request, response.statusCode(), response.headers(), response.version(), raw);
    }

    /**
     * The Feign response for a status, headers and a body read completely (what the JDK client gives a body
     * handler, before its exchange future completes): decoded, with matching headers.
     */
    Response toResponse(Request request, int status, HttpHeaders responseHeaders, HttpClient.Version version,
            byte[] raw) {
        Map<String, ? extends Collection<String>> headers = responseHeaders.map();
        byte[] decoded = decode(request, status, responseHeaders, raw);
        // Feign copies the headers into its own case-insensitive map; HTTP/2 pseudo-headers need removing, and the
        // encoding headers of a body decoded here no longer describe it.
        boolean wasDecoded = decoded != raw;
        if (version == HttpClient.Version.HTTP_2 || wasDecoded) {
            Map<String, Collection<String>> regular = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> {
                boolean encodingHeader = name.equalsIgnoreCase("content-encoding")
                        || name.equalsIgnoreCase("content-length");
                if (!name.startsWith(":") && !(wasDecoded && encodingHeader)) {
                    regular.put(name, values);
                }
            });
            headers = regular;
        }
        return Response.builder()
                .status(status)
                .headers(Collections.unmodifiableMap(headers))
                .body(new BufferedBody(decoded))
                .request(request)
                .protocolVersion(version == HttpClient.Version.HTTP_2
                        ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
                .build();
    }

    TexterResponseTooLargeException tooLarge(Request request, String detail) {
        Operation operation = Operation.of(request);
        return new TexterResponseTooLargeException(operation.id(), operation.label() + " failed: " + detail
                + "; the rest was not read (TexterClient.Builder.maxResponseSize raises the limit)", maxResponseSize);
    }

    /** The body without its {@code Content-Encoding}: as it is for none or identity, gunzipped for gzip. */
    private byte[] decode(Request request, int status, HttpHeaders headers, byte[] raw) {
        List<String> codings = headers.allValues("Content-Encoding").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(coding -> coding.strip().toLowerCase(Locale.ROOT))
                .filter(coding -> !coding.isEmpty() && !coding.equals("identity"))
                .toList();
        if (codings.isEmpty()) {
            return raw;
        }
        Operation operation = Operation.of(request);
        if (codings.size() != 1 || !(codings.get(0).equals("gzip") || codings.get(0).equals("x-gzip"))) {
            throw new TexterUnexpectedResponseException(operation.id(), status, null, operation.label() + ": HTTP "
                    + status + " with Content-Encoding '" + String.join(", ", codings) + "', which the SDK does not"
                    + " decode (it asks for gzip only)", null);
        }
        if (raw.length == 0) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] out = in.readNBytes((int) Math.min(maxResponseSize + 1, JdkHttpTransport.MAX_RESPONSE_SIZE_LIMIT));
            if (out.length > maxResponseSize) {
                throw tooLarge(request, "the gzip response decodes to more than the response size limit of "
                        + maxResponseSize + " bytes");
            }
            return out;
        } catch (ZipException | java.io.EOFException e) {
            throw new TexterUnexpectedResponseException(operation.id(), status, null, operation.label() + ": HTTP "
                    + status + " with a corrupt gzip body (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new TexterUnexpectedResponseException(operation.id(), status, null, operation.label() + ": HTTP "
                    + status + " with a gzip body that cannot be decoded (" + e + ")", e);
        }
    }
}
