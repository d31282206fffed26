package dev.hookyard.vendor.falkor.events;

import dev.hookyard.vendor.support.RecordArguments;

import java.util.List;

/**
 * One reward on the pathway, with the vouchers learners obtained for it: an item of the wire {@code data.rewards}.
 *
 * @param id       the wire {@code ID}, e.g. {@code "FARE-STZH-05MD"}, or {@code null} when absent
 * @param name     the wire {@code name}, e.g. {@code "Cup of Coffee"}, or {@code null} when absent
 * @param vouchers the wire {@code vouchers}, in order; empty when absent. Unmodifiable
 */
public record Reward(String id, String name, List<Voucher> vouchers) {

    public Reward {
        vouchers = RecordArguments.frozenList(vouchers, "vouchers");
    }
}
