package dev.hookyard.plugin.kafkapublish;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link TestBroker} parameter to one broker shared by every test class of the run that asks for it, so the
 * broker starts once; JUnit closes it when the run ends. Tests that stop their broker start one of their own.
 */
final class SharedBroker implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBroker.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestBroker.class;
    }

    @Override
    public TestBroker resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(TestBroker.class, type -> {
            try {
                return TestBroker.start();
            } catch (Exception e) {
                throw new ParameterResolutionException("the test broker did not start", e);
            }
        }, TestBroker.class);
    }
}
