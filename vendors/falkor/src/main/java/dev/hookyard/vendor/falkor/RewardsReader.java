package dev.hookyard.vendor.falkor;

import static dev.hookyard.vendor.falkor.LenientFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.vendor.falkor.events.Reward;
import dev.hookyard.vendor.falkor.events.Voucher;
import dev.hookyard.vendor.support.MalformedBodyException;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code data.rewards} of a {@code rewards} body into records. */
final class RewardsReader {

    private static final String PATH = "data.rewards";

    private RewardsReader() {
    }

    static List<Reward> read(JsonNode data) throws MalformedBodyException {
        List<Reward> rewards = new ArrayList<>();
        for (JsonNode item : LenientFields.objects(data, "rewards", PATH)) {
            rewards.add(new Reward(text(item, "ID"), text(item, "name"), vouchers(item)));
        }
        return rewards;
    }

    private static List<Voucher> vouchers(JsonNode reward) throws MalformedBodyException {
        List<Voucher> vouchers = new ArrayList<>();
        for (JsonNode item : LenientFields.objects(reward, "vouchers", PATH + "[].vouchers")) {
            vouchers.add(new Voucher(text(item, "guid"), text(item, "firstname"), text(item, "lastname"),
                    text(item, "email"), text(item, "country"), text(item, "city"), text(item, "state"),
                    text(item, "expires")));
        }
        return vouchers;
    }
}
