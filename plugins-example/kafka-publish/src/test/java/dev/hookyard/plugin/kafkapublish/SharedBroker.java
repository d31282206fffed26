package dev.hookyard.plugin.kafkapublish;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.concurrent.Callable;

/**
 * Resolves a {@link TestBroker} parameter to one running broker, and a {@link OneBrokerDown} parameter to one cluster
 * with a broker down, each shared by every test class of the run that asks for it, so that each starts once; JUnit
 * closes them when the run ends.
 */
final class SharedBroker implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBroker.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestBroker.class || type == OneBrokerDown.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestBroker.class
                ? shared(context, TestBroker.class, () -> TestBroker.start(1))
                : shared(context, OneBrokerDown.class, OneBrokerDown::start);
    }

    private static <T extends AutoCloseable> T shared(ExtensionContext context, Class<T> type, Callable<T> start) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(type, key -> {
            try {
                return start.call();
            } catch (Exception e) {
                throw new ParameterResolutionException("the test brokers did not start", e);
            }
        }, type);
    }
}
