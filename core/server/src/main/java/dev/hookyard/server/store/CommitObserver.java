package dev.hookyard.server.store;

/** Told about each transaction of appended deliveries, on the store's writer thread: keep it cheap. */
public interface CommitObserver {

    /** Observes nothing. */
    CommitObserver NONE = new CommitObserver() {
        @Override
        public void committed(int appends, long nanos) {
        }

        @Override
        public void failed(int appends) {
        }
    };

    /** A transaction of {@code appends} deliveries committed durably, {@code nanos} after its write began. */
    void committed(int appends, long nanos);

    /** A transaction of {@code appends} deliveries failed and was rolled back. */
    void failed(int appends);
}
