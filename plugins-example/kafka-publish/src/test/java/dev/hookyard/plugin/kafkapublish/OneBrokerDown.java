package dev.hookyard.plugin.kafkapublish;

/**
 * Two brokers, one of them stopped: {@link #DOWN_TOPIC} is on the stopped one, so a record for it waits for a leader
 * that never comes back, while {@link #LIVE_TOPIC}, on the running one, takes records as usual.
 *
 * @param brokers the cluster
 */
record OneBrokerDown(TestBroker brokers) implements AutoCloseable {

    static final String LIVE_TOPIC = "live.events";
    static final String DOWN_TOPIC = "down.events";

    private static final int LIVE_NODE = 0; // where TestBroker.createTopic puts topics
    private static final int DOWN_NODE = 1;

    /** Starts both brokers, creates one topic on each, and stops the second broker. */
    static OneBrokerDown start() throws Exception {
        TestBroker brokers = TestBroker.start(2);
        try {
            brokers.createTopicOn(LIVE_NODE, LIVE_TOPIC);
            brokers.createTopicOn(DOWN_NODE, DOWN_TOPIC);
            brokers.stopBroker(DOWN_NODE);
            return new OneBrokerDown(brokers);
        } catch (Exception | Error e) {
            brokers.close();
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        brokers.close();
    }
}
