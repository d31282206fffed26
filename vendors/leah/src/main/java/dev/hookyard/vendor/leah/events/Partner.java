package dev.hookyard.vendor.leah.events;

/**
 * The wire {@code partner}: the partnership through which the user is linked to the organization.
 *
 * @param id   the partner id (the {@code partnerId} Leah gives B2B2C partners), or {@code null} when absent
 * @param name the partner's name, or {@code null} when absent
 * @param code the partnership code the user redeemed; Leah sends {@code null} when the user joined another way
 *             (e.g. with a license key)
 */
public record Partner(String id, String name, String code) {
}
