package com.texterchat.client.internal;

import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A response body the transport has already read completely. The SDK's own decoders and the logging client read
 * its bytes directly instead of copying them out through a stream; everyone else sees an ordinary repeatable
 * Feign body.
 */
final class BufferedBody implements Response.Body {

    private final byte[] bytes;

    /**
     * Wraps a body without copying it; nobody may change the array afterwards.
     *
     * @param bytes the complete body
     */
    BufferedBody(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    /** The body itself, not a copy: callers only read it. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public Integer length() {
        return bytes.length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public InputStream asInputStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public Reader asReader(Charset charset) {
        return new InputStreamReader(asInputStream(), Objects.requireNonNull(charset, "charset"));
    }

    @Override
    public void close() {
        // nothing to release: the bytes are already in memory
    }
}
