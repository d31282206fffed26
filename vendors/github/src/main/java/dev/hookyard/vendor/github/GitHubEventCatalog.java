package dev.hookyard.vendor.github;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.vendor.github.events.IssuesEvent;
import dev.hookyard.vendor.github.events.PingEvent;
import dev.hookyard.vendor.github.events.PullRequestEvent;
import dev.hookyard.vendor.github.events.PushEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The event types this module lists: the four with typed records ({@code ping}, {@code push}, the common
 * {@code pull_request.*} and {@code issues.*} actions) and a few common ones that arrive as generic events. GitHub
 * sends many more (some seventy events, most with several actions); they arrive as generic events with their type
 * and are routed with globs ({@code release.*}).
 *
 * <p>Samples are built in the shape of GitHub's payloads, trimmed to the fields a receiver typically reads, for a
 * made-up repository {@code acme/widgets}; each sample is a different body, so each is a different delivery.
 */
final class GitHubEventCatalog {

    private static final String REPOSITORY = "{\"id\":704512398,\"name\":\"widgets\",\"full_name\":\"acme/widgets\","
            + "\"private\":false,\"owner\":{\"login\":\"acme\",\"id\":91823311,\"type\":\"Organization\"},"
            + "\"html_url\":\"https://github.com/acme/widgets\",\"default_branch\":\"main\"}";
    private static final String SENDER = "{\"login\":\"mona-dev\",\"id\":9135012,\"type\":\"User\"}";
    private static final String REVIEWER = "{\"login\":\"kai-reviews\",\"id\":7723145,\"type\":\"User\"}";
    private static final String CONTEXT = ",\"repository\":" + REPOSITORY + ",\"sender\":" + SENDER + "}";
    private static final String BEFORE = "9c2d0e41f3a87b5c6d1e0f9a8b7c6d5e4f3a2b1c";
    private static final String AFTER = "e1f4a7c2b9d8e3f6a5b4c3d2e1f0a9b8c7d6e5f4";
    private static final String LABEL = "{\"id\":5120033,\"name\":\"enhancement\",\"color\":\"a2eeef\"}";

    private static final List<String> PULL_REQUEST_ACTIONS = List.of("opened", "edited", "closed", "reopened",
            "synchronize", "ready_for_review", "converted_to_draft", "labeled", "unlabeled", "assigned",
            "review_requested");
    private static final List<String> ISSUES_ACTIONS = List.of("opened", "edited", "closed", "reopened", "deleted",
            "labeled", "unlabeled", "assigned");

    static final EventCatalog CATALOG = new EventCatalog(types());

    private GitHubEventCatalog() {
    }

    private static List<EventType> types() {
        List<EventType> types = new ArrayList<>();
        types.add(new EventType(PingEvent.TYPE, "GitHub checks the endpoint: sent when the webhook is created (or"
                + " redelivered); answered 200 and stored.", PingEvent.class, ping()));
        types.add(new EventType(PushEvent.TYPE, "Commits or a tag were pushed, or a branch or tag was created or"
                + " deleted.", PushEvent.class, push()));
        for (String action : PULL_REQUEST_ACTIONS) {
            types.add(new EventType(PullRequestEvent.EVENT + "." + action, pullRequestDescription(action),
                    PullRequestEvent.class, pullRequest(action)));
        }
        for (String action : ISSUES_ACTIONS) {
            types.add(new EventType(IssuesEvent.EVENT + "." + action, "An issue was " + action + ".",
                    IssuesEvent.class, issue(action)));
        }
        types.add(generic("create", "A branch or tag was created.", "{\"ref\":\"release-1.4\",\"ref_type\":"
                + "\"branch\",\"master_branch\":\"main\",\"description\":null,\"pusher_type\":\"user\"" + CONTEXT));
        types.add(generic("delete", "A branch or tag was deleted.", "{\"ref\":\"retry-uploads\",\"ref_type\":"
                + "\"branch\",\"pusher_type\":\"user\"" + CONTEXT));
        types.add(generic("issue_comment.created", "Someone commented on an issue or a pull request.",
                "{\"action\":\"created\",\"issue\":{\"number\":7,\"title\":\"Uploads fail behind the proxy\","
                        + "\"state\":\"open\",\"html_url\":\"https://github.com/acme/widgets/issues/7\"},"
                        + "\"comment\":{\"id\":2561043377,\"body\":\"Seen on staging too.\",\"html_url\":"
                        + "\"https://github.com/acme/widgets/issues/7#issuecomment-2561043377\",\"user\":" + SENDER
                        + "}" + CONTEXT));
        types.add(generic("pull_request_review.submitted", "A review of a pull request was submitted.",
                "{\"action\":\"submitted\",\"review\":{\"id\":2531847764,\"state\":\"approved\",\"body\":"
                        + "\"Looks good.\",\"html_url\":\"https://github.com/acme/widgets/pull/42"
                        + "#pullrequestreview-2531847764\",\"user\":" + REVIEWER + "},\"pull_request\":{\"number\":42,"
                        + "\"title\":\"Retry uploads on 503\",\"state\":\"open\",\"html_url\":"
                        + "\"https://github.com/acme/widgets/pull/42\"},\"repository\":" + REPOSITORY
                        + ",\"sender\":" + REVIEWER + "}"));
        types.add(generic("release.published", "A release was published.", "{\"action\":\"published\","
                + "\"release\":{\"id\":190233785,\"tag_name\":\"v1.4.0\",\"name\":\"1.4.0\",\"draft\":false,"
                + "\"prerelease\":false,\"html_url\":\"https://github.com/acme/widgets/releases/tag/v1.4.0\","
                + "\"author\":" + SENDER + "}" + CONTEXT));
        types.add(generic("workflow_run.completed", "A GitHub Actions workflow run finished.",
                "{\"action\":\"completed\",\"workflow_run\":{\"id\":12582993310,\"name\":\"CI\",\"head_branch\":"
                        + "\"main\",\"head_sha\":\"" + AFTER + "\",\"run_number\":318,\"event\":\"push\",\"status\":"
                        + "\"completed\",\"conclusion\":\"success\",\"html_url\":"
                        + "\"https://github.com/acme/widgets/actions/runs/12582993310\"},\"workflow\":{\"id\":71120358,"
                        + "\"name\":\"CI\",\"path\":\".github/workflows/ci.yml\"}" + CONTEXT));
        types.add(generic("star.created", "Someone starred the repository.", "{\"action\":\"created\","
                + "\"starred_at\":\"2025-01-01T10:00:00Z\"" + CONTEXT));
        return types;
    }

    private static EventType generic(String name, String description, String sample) {
        return new EventType(name, description + " Arrives as a generic event.", GenericEvent.class, sample);
    }

    private static String ping() {
        return "{\"zen\":\"Design for failure.\",\"hook_id\":483920117,\"hook\":{\"type\":\"Repository\","
                + "\"id\":483920117,\"name\":\"web\",\"active\":true,\"events\":[\"push\",\"pull_request\","
                + "\"issues\"],\"config\":{\"content_type\":\"json\",\"insecure_ssl\":\"0\",\"url\":"
                + "\"https://hooks.example.com/hooks/github\"}}" + CONTEXT;
    }

    private static String push() {
        String commit = "{\"id\":\"" + AFTER + "\",\"tree_id\":\"4b825dc642cb6eb9a060e54bf8d69288fbee4904\","
                + "\"distinct\":true,\"message\":\"Retry uploads on 503\",\"timestamp\":\"2025-01-01T09:30:00Z\","
                + "\"url\":\"https://github.com/acme/widgets/commit/" + AFTER + "\",\"author\":{\"name\":"
                + "\"Mona Dev\",\"email\":\"mona-dev@users.noreply.example.com\"},\"added\":[],\"removed\":[],"
                + "\"modified\":[\"uploader/retry.go\"]}";
        return "{\"ref\":\"refs/heads/main\",\"before\":\"" + BEFORE + "\",\"after\":\"" + AFTER + "\","
                + "\"created\":false,\"deleted\":false,\"forced\":false,\"base_ref\":null,\"compare\":"
                + "\"https://github.com/acme/widgets/compare/9c2d0e41f3a8...e1f4a7c2b9d8\",\"commits\":[" + commit
                + "],\"head_commit\":" + commit + ",\"pusher\":{\"name\":\"mona-dev\",\"email\":"
                + "\"mona-dev@users.noreply.example.com\"}" + CONTEXT;
    }

    private static String pullRequest(String action) {
        boolean closed = action.equals("closed");
        String pullRequest = "{\"id\":1840215736,\"number\":42,\"state\":\"" + (closed ? "closed" : "open")
                + "\",\"draft\":" + action.equals("converted_to_draft") + ",\"merged\":" + closed
                + ",\"title\":\"Retry uploads on 503\",\"html_url\":\"https://github.com/acme/widgets/pull/42\","
                + "\"user\":" + SENDER + ",\"head\":{\"ref\":\"retry-uploads\",\"sha\":\"" + AFTER + "\"},"
                + "\"base\":{\"ref\":\"main\",\"sha\":\"" + BEFORE + "\"}}";
        return "{\"action\":\"" + action + "\",\"number\":42,\"pull_request\":" + pullRequest + extra(action)
                + CONTEXT;
    }

    private static String issue(String action) {
        boolean closed = action.equals("closed");
        String labels = action.equals("labeled") ? "[" + LABEL + "]" : "[]";
        String issue = "{\"id\":2771183529,\"number\":7,\"title\":\"Uploads fail behind the proxy\",\"state\":\""
                + (closed ? "closed\",\"state_reason\":\"completed" : "open") + "\",\"html_url\":"
                + "\"https://github.com/acme/widgets/issues/7\",\"user\":" + SENDER + ",\"labels\":" + labels + "}";
        return "{\"action\":\"" + action + "\",\"issue\":" + issue + extra(action) + CONTEXT;
    }

    /** The fields GitHub adds for some actions. */
    private static String extra(String action) {
        return switch (action) {
            case "edited" -> ",\"changes\":{\"title\":{\"from\":\"Retry uploads\"}}";
            case "synchronize" -> ",\"before\":\"" + BEFORE + "\",\"after\":\"" + AFTER + "\"";
            case "labeled", "unlabeled" -> ",\"label\":" + LABEL;
            case "assigned" -> ",\"assignee\":" + SENDER;
            case "review_requested" -> ",\"requested_reviewer\":" + REVIEWER;
            default -> "";
        };
    }

    private static String pullRequestDescription(String action) {
        return switch (action) {
            case "closed" -> "A pull request was closed, merged or not (PullRequest.merged() says which).";
            case "synchronize" -> "A pull request's branch got new commits.";
            case "ready_for_review" -> "A draft pull request was marked ready for review.";
            case "converted_to_draft" -> "A pull request was turned back into a draft.";
            case "review_requested" -> "Someone was asked to review a pull request.";
            default -> "A pull request was " + action + ".";
        };
    }
}
