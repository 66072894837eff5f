package com.texterchat.client.internal;

import feign.Contract;
import feign.MethodMetadata;
import java.util.List;

/**
 * Feign's default contract, except that path parameter values are always fully percent-encoded. Feign
 * otherwise leaves {@code /} unencoded, so an ID such as {@code ../labels} could change the request path.
 */
public final class EncodedPathContract implements Contract {

    private final Contract delegate = new Contract.Default();

    @Override
    public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
        List<MethodMetadata> methods = delegate.parseAndValidateMetadata(targetType);
        methods.forEach(m -> m.template().decodeSlash(false));
        return methods;
    }
}
