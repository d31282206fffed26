package dev.hookyard.server.pipeline;

import java.util.Objects;

/**
 * The pipeline deliveries are served with now. A reload builds a whole new {@link ServingPipeline} and then swaps it
 * in with one volatile write, so a request sees either the old pipeline or the new one, never a mix.
 */
public final class LivePipeline {

    private volatile ServingPipeline current;

    public LivePipeline(ServingPipeline initial) {
        this.current = Objects.requireNonNull(initial);
    }

    /** The pipeline to serve with; read it once per request and keep it to the end. */
    public ServingPipeline current() {
        return current;
    }

    /** Makes {@code next} the pipeline of every request that starts from now on. */
    public void swap(ServingPipeline next) {
        current = Objects.requireNonNull(next);
    }
}
