package dev.hookyard.vendor.github;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.github.events.Account;
import dev.hookyard.vendor.github.events.Commit;
import dev.hookyard.vendor.github.events.IssuesEvent;
import dev.hookyard.vendor.github.events.PingEvent;
import dev.hookyard.vendor.github.events.PullRequestEvent;
import dev.hookyard.vendor.github.events.PushEvent;
import dev.hookyard.vendor.github.events.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.hookyard.vendor.github.GitHubVendors.DELIVERY_ID;
import static dev.hookyard.vendor.github.GitHubVendors.delivery;
import static dev.hookyard.vendor.github.GitHubVendors.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitHubParserTest {

    private static final String REPOSITORY = "\"repository\":{\"id\":1,\"full_name\":\"acme/widgets\","
            + "\"html_url\":\"https://github.com/acme/widgets\"},\"sender\":{\"id\":2,\"login\":\"mona\"}";

    private final Parser parser = new GitHubParser();

    @Test
    void theTypeIsTheEventHeaderAndTheBodysAction() {
        WebhookEvent opened = parsed(event("issues", "{\"action\":\"opened\",\"issue\":{\"number\":7}}"));
        WebhookEvent release = parsed(event("release", "{\"action\":\"published\",\"release\":{}}"));
        WebhookEvent create = parsed(event("create", "{\"ref\":\"v1\",\"action\":null}"));

        assertEquals("issues.opened", opened.type());
        assertEquals("release.published", release.type());
        assertEquals("create", create.type());
        assertInstanceOf(GenericEvent.class, release);
        assertInstanceOf(GenericEvent.class, create);
        assertEquals("github", release.vendor());
    }

    @Test
    void theDeliveryKeyIsGitHubsDeliveryId() {
        assertEquals(DELIVERY_ID, parsed(event("star", "{\"action\":\"created\"}")).deliveryKey());
        assertEquals(DELIVERY_ID, parsed(event("ping", "{\"zen\":\"Keep it simple.\"}")).deliveryKey());
    }

    @Test
    void aPingIsTyped() {
        PingEvent ping = assertInstanceOf(PingEvent.class, parsed(event("ping",
                "{\"zen\":\"Keep it simple.\",\"hook_id\":483920117," + REPOSITORY + "}")));

        assertEquals("ping", ping.type());
        assertEquals("Keep it simple.", ping.zen());
        assertEquals(483920117L, ping.hookId());
        assertEquals(new Repository(1L, "acme/widgets", "https://github.com/acme/widgets"), ping.repository());
        assertEquals(new Account(2L, "mona"), ping.sender());
    }

    @Test
    void anOrganizationPingWithoutRepositoryOrZenIsStillAPing() {
        PingEvent ping = assertInstanceOf(PingEvent.class, parsed(event("ping", "{\"hook_id\":5}")));

        assertNull(ping.repository());
        assertNull(ping.zen());
        assertNull(ping.sender());
    }

    @Test
    void aPushIsTypedWithItsCommits() {
        PushEvent push = assertInstanceOf(PushEvent.class, parsed(event("push", "{\"ref\":\"refs/heads/main\","
                + "\"before\":\"aaa\",\"after\":\"bbb\",\"forced\":true,\"compare\":\"https://c\",\"commits\":["
                + "{\"id\":\"bbb\",\"message\":\"Fix\",\"url\":\"https://u\",\"author\":{\"name\":\"Mona\"}},"
                + "{\"id\":\"ccc\"}],\"pusher\":{\"name\":\"mona\"}," + REPOSITORY + "}")));

        assertEquals("push", push.type());
        assertEquals("main", push.branch());
        assertNull(push.tag());
        assertEquals("aaa", push.before());
        assertEquals("bbb", push.after());
        assertTrue(push.forced());
        assertFalse(push.created());
        assertEquals(List.of(new Commit("bbb", "Fix", "https://u", "Mona"), new Commit("ccc", null, null, null)),
                push.commits());
        assertEquals("mona", push.pusherName());
        assertEquals("acme/widgets", push.payload().get("repository") instanceof Map<?, ?> r ? r.get("full_name")
                : null, "the payload keeps every field");
    }

    @Test
    void aTagPushNamesItsTag() {
        PushEvent push = assertInstanceOf(PushEvent.class, parsed(event("push",
                "{\"ref\":\"refs/tags/v1.4.0\",\"before\":\"0\",\"after\":\"1\",\"created\":true}")));

        assertEquals("v1.4.0", push.tag());
        assertNull(push.branch());
        assertTrue(push.commits().isEmpty());
    }

    @Test
    void aPullRequestIsTyped() {
        PullRequestEvent event = assertInstanceOf(PullRequestEvent.class, parsed(event("pull_request",
                "{\"action\":\"closed\",\"number\":42,\"pull_request\":{\"id\":9,\"number\":42,\"title\":\"Retry\","
                        + "\"state\":\"closed\",\"merged\":true,\"html_url\":\"https://p\",\"head\":{\"ref\":"
                        + "\"retry\",\"sha\":\"bbb\"},\"base\":{\"ref\":\"main\"},\"user\":{\"login\":\"mona\"}},"
                        + REPOSITORY + "}")));

        assertEquals("pull_request.closed", event.type());
        assertEquals("closed", event.action());
        assertEquals(42, event.pullRequest().number());
        assertTrue(event.pullRequest().merged());
        assertFalse(event.pullRequest().draft());
        assertEquals("retry", event.pullRequest().headRef());
        assertEquals("bbb", event.pullRequest().headSha());
        assertEquals("main", event.pullRequest().baseRef());
        assertEquals(new Account(null, "mona"), event.pullRequest().user());
    }

    @Test
    void anIssueIsTypedWithItsLabels() {
        IssuesEvent event = assertInstanceOf(IssuesEvent.class, parsed(event("issues",
                "{\"action\":\"labeled\",\"issue\":{\"number\":7,\"title\":\"Slow\",\"state\":\"open\",\"labels\":"
                        + "[{\"name\":\"bug\"},{\"name\":\"p1\"}]}," + REPOSITORY + "}")));

        assertEquals("issues.labeled", event.type());
        assertEquals(7, event.issue().number());
        assertEquals(List.of("bug", "p1"), event.issue().labels());
    }

    @Test
    void pushAndPingWithAnActionAndPullRequestWithoutOneAreGenericWithTheirType() {
        assertEquals("push.deleted", assertInstanceOf(GenericEvent.class, parsed(event("push",
                "{\"action\":\"deleted\"}"))).type());
        assertEquals("pull_request", assertInstanceOf(GenericEvent.class, parsed(event("pull_request",
                "{\"number\":1}"))).type());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "push | {\"before\":\"a\",\"after\":\"b\"} | ref is missing",
            "push | {\"ref\":1,\"before\":\"a\",\"after\":\"b\"} | ref is not a string",
            "push | {\"ref\":\"r\",\"before\":\"a\",\"after\":\"b\",\"commits\":{}} | commits is not an array",
            "push | {\"ref\":\"r\",\"before\":\"a\",\"after\":\"b\",\"commits\":[{}]} | commits[].id is missing",
            "push | {\"ref\":\"r\",\"before\":\"a\",\"after\":\"b\",\"forced\":\"yes\"} | forced is not true or false",
            "pull_request | {\"action\":\"opened\"} | pull_request is missing",
            "pull_request | {\"action\":\"opened\",\"pull_request\":{}} | pull_request.number is missing",
            "pull_request | {\"action\":\"opened\",\"pull_request\":{\"number\":1.5}} | pull_request.number is not a whole number",
            "issues | {\"action\":\"opened\",\"issue\":[]} | issue is not an object",
            "issues | {\"action\":\"opened\",\"issue\":{\"number\":1,\"labels\":[\"bug\"]}} | issue.labels[] is not an object",
            "ping | {\"repository\":\"acme/widgets\"} | repository is not an object",
            "star | {\"action\":\"Created\"} | action is not a GitHub action name (lower-case letters, digits and _)",
            "star | {\"action\":\"\"} | action is not a GitHub action name (lower-case letters, digits and _)",
            "star | {\"action\":\"created.twice\"} | action is not a GitHub action name (lower-case letters, digits and _)",
            "star | {\"action\":7} | action is not a string",
            "star | [] | body is not a JSON object",
            "star | {\"a\":1,\"a\":2} | body is not JSON"})
    void aBodyThatIsNotTheEventsShapeIsMalformed(String event, String body, String reason) {
        assertEquals(ParseResult.malformed(reason), parser.parse(event(event, body)));
    }

    @Test
    void aFormEncodedBodyIsRefusedWithTheFix() {
        assertEquals(ParseResult.malformed("body is form-encoded; set the webhook's content type to application/json"),
                parser.parse(event("ping", "payload=%7B%22zen%22%3A%22x%22%7D")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "X-GitHub-Delivery | " + DELIVERY_ID + " | X-GitHub-Event is missing",
            "X-GitHub-Event | push | X-GitHub-Delivery is missing"})
    void aMissingHeaderIsMalformed(String name, String value, String reason) {
        assertEquals(ParseResult.malformed(reason), parser.parse(delivery("{}", name, value)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Push | X-GitHub-Event is not a GitHub event name (lower-case letters, digits and _)",
            "push  | X-GitHub-Event is not a GitHub event name (lower-case letters, digits and _)",
            "pull-request | X-GitHub-Event is not a GitHub event name (lower-case letters, digits and _)",
            "issues.opened | X-GitHub-Event is not a GitHub event name (lower-case letters, digits and _)"})
    void anEventNameOfAnotherShapeIsMalformedWithoutEchoingIt(String name, String reason) {
        assertEquals(ParseResult.malformed(reason), parser.parse(delivery("{}", "X-GitHub-Event", name + " ",
                "X-GitHub-Delivery", DELIVERY_ID)));
    }

    @Test
    void headersOfAnotherShapeOrSentTwiceAreMalformed() {
        assertEquals(ParseResult.malformed("X-GitHub-Delivery is not a delivery GUID (up to 64 letters, digits and -)"),
                parser.parse(delivery("{}", "X-GitHub-Event", "push", "X-GitHub-Delivery", "a/../b")));
        assertEquals(ParseResult.malformed("X-GitHub-Delivery is not a delivery GUID (up to 64 letters, digits and -)"),
                parser.parse(delivery("{}", "X-GitHub-Event", "push", "X-GitHub-Delivery", "a".repeat(65))));
        assertEquals(ParseResult.malformed("X-GitHub-Event is not a GitHub event name (lower-case letters, digits and _)"),
                parser.parse(delivery("{}", "X-GitHub-Event", "a".repeat(65), "X-GitHub-Delivery", DELIVERY_ID)));
        assertEquals(ParseResult.malformed("X-GitHub-Event is sent more than once"), parser.parse(delivery("{}",
                Map.of("X-GitHub-Event", List.of("push", "ping"), "X-GitHub-Delivery", List.of(DELIVERY_ID)))));
    }

    @Test
    void parsingIsDeterministic() {
        Delivery delivery = event("issues", "{\"action\":\"opened\",\"issue\":{\"number\":7}}");
        assertEquals(parsed(delivery), parsed(delivery));
    }

    private WebhookEvent parsed(Delivery delivery) {
        ParseResult result = parser.parse(delivery);
        return assertInstanceOf(ParseResult.Parsed.class, result, () -> result.toString()).event();
    }
}
