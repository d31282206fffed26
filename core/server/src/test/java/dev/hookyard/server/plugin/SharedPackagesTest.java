package dev.hookyard.server.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Exactly the SPI and the vendors' events packages are shared with plugins; nothing below or beside them. */
class SharedPackagesTest {

    @Test
    void theSpiAndVendorEventRecordsAreShared() {
        assertTrue(SharedPackages.isShared("dev.hookyard.spi.Delivery"));
        assertTrue(SharedPackages.isShared("dev.hookyard.vendor.least.events.RecordCreated"));
        assertTrue(SharedPackages.isShared("dev.hookyard.vendor.absorb.events.AbsorbEvent$Kind"));
    }

    @Test
    void implementationsSubpackagesAndLookalikesAreNot() {
        assertFalse(SharedPackages.isShared("dev.hookyard.spi.internal.Thing"));
        assertFalse(SharedPackages.isShared("dev.hookyard.vendor.least.LeastParser"));
        assertFalse(SharedPackages.isShared("dev.hookyard.vendor.least.events.deep.Other"));
        assertFalse(SharedPackages.isShared("dev.hookyard.vendor.support.StrictJson"));
        assertFalse(SharedPackages.isShared("dev.hookyard.server.Hookyard"));
        assertFalse(SharedPackages.isShared("dev.hookyard.spiral.Thing"));
        assertFalse(SharedPackages.isShared("com.fasterxml.jackson.databind.ObjectMapper"));
    }

    @Test
    void modularPluginsMayReadTheSpiVendorsAndTheJdkOnly() {
        assertTrue(SharedPackages.isSharedModule("dev.hookyard.spi"));
        assertTrue(SharedPackages.isSharedModule("dev.hookyard.vendor.least"));
        assertTrue(SharedPackages.isSharedModule("java.net.http"));
        assertFalse(SharedPackages.isSharedModule("dev.hookyard.vendor.support"));
        assertFalse(SharedPackages.isSharedModule("dev.hookyard.server"));
        assertFalse(SharedPackages.isSharedModule("org.slf4j"));
        assertFalse(SharedPackages.isSharedModule("com.fasterxml.jackson.databind"));
    }
}
