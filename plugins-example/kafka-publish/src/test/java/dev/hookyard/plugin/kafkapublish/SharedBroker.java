package dev.hookyard.plugin.kafkapublish;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link OneBrokerDown} parameter to one cluster with a broker down, and a {@link TestBroker} parameter to
 * the same cluster, whose running broker takes the topics tests create. Shared by every test class of the run, so that
 * brokers start once; JUnit closes them when the run ends.
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
        OneBrokerDown cluster = context.getRoot().getStore(NAMESPACE).computeIfAbsent(OneBrokerDown.class, key -> {
            try {
                return OneBrokerDown.start();
            } catch (Exception e) {
                throw new ParameterResolutionException("the test brokers did not start", e);
            }
        }, OneBrokerDown.class);
        return parameter.getParameter().getType() == TestBroker.class ? cluster.brokers() : cluster;
    }
}
