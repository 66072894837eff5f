package com.texterchat.client.internal;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The TLS context of a client whose base URL is plain {@code http://} (the test kit, a local stand-in): one that
 * is never used. Without it, building the JDK client sets up the JVM's default TLS context, about 400 classes of
 * providers and cipher suites, a tenth of a test kit's first start, for connections such a client never opens
 * (it follows no redirects, and the JDK client has no HTTPS proxies). Anything that still asks it for TLS gets an
 * {@link IllegalStateException} that says why.
 */
public final class PlainHttpTls {

    private PlainHttpTls() {
    }

    /**
     * A context that refuses to make TLS connections.
     *
     * @return a new context
     */
    public static SSLContext context() {
        return new Context();
    }

    private static final class Context extends SSLContext {
        Context() {
            super(new Spi(), null, "none");
        }
    }

    private static final class Spi extends SSLContextSpi {

        private static IllegalStateException unused() {
            return new IllegalStateException("this Texter client has a plain http:// base URL and makes no TLS"
                    + " connections; use an https:// base URL for TLS");
        }

        @Override
        protected void engineInit(KeyManager @Nullable [] km, TrustManager @Nullable [] tm, @Nullable SecureRandom sr)
                throws KeyManagementException {
            throw unused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw unused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw unused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw unused();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters(new String[0], new String[0]);
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters(new String[0], new String[0]);
        }
    }
}
