package dev.hookyard.vendor.github;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.github.events.GitHubEvent;
import dev.hookyard.vendor.github.events.IssuesEvent;
import dev.hookyard.vendor.github.events.PullRequestEvent;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitHubEventCatalogTest {

    private final Vendor github = GitHubVendors.vendor("catalog-secret");
    private final SignedDeliveries signed = SignedDeliveries.of(github, "github", Secret.of("catalog-secret"),
            VendorContexts.FIXED_INSTANT);

    @Test
    void listsTheTypedEventsAndSomeCommonGenericOnes() {
        List<String> names = github.catalog().names();

        assertTrue(names.containsAll(List.of("ping", "push", "pull_request.opened", "pull_request.closed",
                "pull_request.synchronize", "issues.opened", "issues.closed", "release.published",
                "workflow_run.completed")), names.toString());
        for (EventType type : github.catalog().types()) {
            boolean typed = GitHubEvent.class.isAssignableFrom(type.eventClass());
            assertTrue(typed || type.eventClass() == GenericEvent.class, type.name());
            assertTrue(typed == (type.name().equals("ping") || type.name().equals("push")
                    || type.name().startsWith("pull_request.") || type.name().startsWith("issues.")), type.name());
        }
    }

    @Test
    void everySampleIsItsOwnDeliveryWithARepositoryAndASender() {
        Set<String> keys = new HashSet<>();
        for (EventType type : github.catalog().types()) {
            WebhookEvent event = parsed(signed.sample(type));
            assertTrue(keys.add(event.deliveryKey()), "two samples share a delivery id: " + type.name());
            if (event instanceof GitHubEvent typed) {
                assertEquals("acme/widgets", typed.repository().fullName(), type.name());
                assertNotNull(typed.sender().login(), type.name());
            }
        }
    }

    @Test
    void onlyTheClosedPullRequestSampleIsMergedAndOnlyTheDraftOneIsADraft() {
        for (EventType type : github.catalog().types()) {
            if (parsed(signed.sample(type)) instanceof PullRequestEvent event) {
                assertEquals(type.name().equals("pull_request.closed"), event.pullRequest().merged(), type.name());
                assertEquals(type.name().equals("pull_request.converted_to_draft"), event.pullRequest().draft(),
                        type.name());
            }
        }
    }

    @Test
    void theLabeledIssueSampleHasALabel() {
        IssuesEvent labeled = assertInstanceOf(IssuesEvent.class, parsed(signed.sample("issues.labeled")));
        assertEquals(List.of("enhancement"), labeled.issue().labels());
        IssuesEvent opened = assertInstanceOf(IssuesEvent.class, parsed(signed.sample("issues.opened")));
        assertFalse(opened.issue().labels().contains("enhancement"));
    }

    private WebhookEvent parsed(Delivery delivery) {
        return assertInstanceOf(ParseResult.Parsed.class, github.parser().parse(delivery)).event();
    }
}
