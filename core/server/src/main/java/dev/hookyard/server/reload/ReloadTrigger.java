package dev.hookyard.server.reload;

/** What asked for a reload; its code is shown in the log and the {@code /reload} answer. */
public enum ReloadTrigger {
    /** {@code kill -HUP}. */
    SIGNAL("signal"),
    /** {@code POST /reload} on the management API. */
    API("api"),
    /** A change to the configuration file, with {@code reload: { watch: true }}. */
    WATCH("watch");

    private final String code;

    ReloadTrigger(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
