package dev.hookyard.vendor.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.github.events.Account;
import dev.hookyard.vendor.github.events.Commit;
import dev.hookyard.vendor.github.events.Issue;
import dev.hookyard.vendor.github.events.IssuesEvent;
import dev.hookyard.vendor.github.events.PingEvent;
import dev.hookyard.vendor.github.events.PullRequest;
import dev.hookyard.vendor.github.events.PullRequestEvent;
import dev.hookyard.vendor.github.events.PushEvent;
import dev.hookyard.vendor.github.events.Repository;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.PlainValues;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bodies of the four events with typed records. What identifies the event is required (a push's
 * {@code ref}, {@code before} and {@code after}; the {@code pull_request} and {@code issue} objects and their
 * {@code number}); every other field may be absent, since GitHub's payloads grow and differ between github.com,
 * GitHub Enterprise Server and GitHub Apps, but a field of the wrong JSON type is malformed.
 */
final class GitHubPayloads {

    private GitHubPayloads() {
    }

    static PingEvent ping(JsonNode root, String key, Delivery delivery) throws MalformedBodyException {
        return new PingEvent(JsonFields.text(root, "zen", "zen"), JsonFields.number(root, "hook_id", "hook_id"),
                repository(root), account(root, "sender"), PlainValues.ofObject(root), key, delivery);
    }

    static PushEvent push(JsonNode root, String key, Delivery delivery) throws MalformedBodyException {
        JsonNode pusher = JsonFields.object(root, "pusher", "pusher");
        return new PushEvent(JsonFields.requiredText(root, "ref", "ref"),
                JsonFields.requiredText(root, "before", "before"), JsonFields.requiredText(root, "after", "after"),
                JsonFields.flag(root, "created", "created"), JsonFields.flag(root, "deleted", "deleted"),
                JsonFields.flag(root, "forced", "forced"), JsonFields.text(root, "compare", "compare"),
                commits(root), pusher == null ? null : JsonFields.text(pusher, "name", "pusher.name"),
                repository(root), account(root, "sender"), PlainValues.ofObject(root), key, delivery);
    }

    static PullRequestEvent pullRequest(String action, JsonNode root, String key, Delivery delivery)
            throws MalformedBodyException {
        JsonNode pr = JsonFields.requiredObject(root, "pull_request", "pull_request");
        JsonNode head = JsonFields.object(pr, "head", "pull_request.head");
        JsonNode base = JsonFields.object(pr, "base", "pull_request.base");
        PullRequest pullRequest = new PullRequest(JsonFields.number(pr, "id", "pull_request.id"),
                JsonFields.requiredNumber(pr, "number", "pull_request.number"),
                JsonFields.text(pr, "title", "pull_request.title"), JsonFields.text(pr, "state", "pull_request.state"),
                JsonFields.flag(pr, "draft", "pull_request.draft"),
                JsonFields.flag(pr, "merged", "pull_request.merged"),
                JsonFields.text(pr, "html_url", "pull_request.html_url"),
                head == null ? null : JsonFields.text(head, "ref", "pull_request.head.ref"),
                head == null ? null : JsonFields.text(head, "sha", "pull_request.head.sha"),
                base == null ? null : JsonFields.text(base, "ref", "pull_request.base.ref"),
                account(pr, "user", "pull_request.user"));
        return new PullRequestEvent(action, pullRequest, repository(root), account(root, "sender"),
                PlainValues.ofObject(root), key, delivery);
    }

    static IssuesEvent issues(String action, JsonNode root, String key, Delivery delivery)
            throws MalformedBodyException {
        JsonNode node = JsonFields.requiredObject(root, "issue", "issue");
        Issue issue = new Issue(JsonFields.number(node, "id", "issue.id"),
                JsonFields.requiredNumber(node, "number", "issue.number"), JsonFields.text(node, "title", "issue.title"),
                JsonFields.text(node, "state", "issue.state"), JsonFields.text(node, "html_url", "issue.html_url"),
                account(node, "user", "issue.user"), labels(node));
        return new IssuesEvent(action, issue, repository(root), account(root, "sender"), PlainValues.ofObject(root),
                key, delivery);
    }

    private static List<Commit> commits(JsonNode root) throws MalformedBodyException {
        JsonNode array = JsonFields.array(root, "commits", "commits");
        List<Commit> commits = new ArrayList<>();
        if (array == null) {
            return commits;
        }
        for (JsonNode commit : array) {
            if (!commit.isObject()) {
                throw new MalformedBodyException("commits[] is not an object");
            }
            JsonNode author = JsonFields.object(commit, "author", "commits[].author");
            commits.add(new Commit(JsonFields.requiredText(commit, "id", "commits[].id"),
                    JsonFields.text(commit, "message", "commits[].message"),
                    JsonFields.text(commit, "url", "commits[].url"),
                    author == null ? null : JsonFields.text(author, "name", "commits[].author.name")));
        }
        return commits;
    }

    private static List<String> labels(JsonNode issue) throws MalformedBodyException {
        JsonNode array = JsonFields.array(issue, "labels", "issue.labels");
        List<String> names = new ArrayList<>();
        if (array == null) {
            return names;
        }
        for (JsonNode label : array) {
            if (!label.isObject()) {
                throw new MalformedBodyException("issue.labels[] is not an object");
            }
            String name = JsonFields.text(label, "name", "issue.labels[].name");
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static Repository repository(JsonNode root) throws MalformedBodyException {
        JsonNode repository = JsonFields.object(root, "repository", "repository");
        if (repository == null) {
            return null;
        }
        return new Repository(JsonFields.number(repository, "id", "repository.id"),
                JsonFields.text(repository, "full_name", "repository.full_name"),
                JsonFields.text(repository, "html_url", "repository.html_url"));
    }

    private static Account account(JsonNode root, String field) throws MalformedBodyException {
        return account(root, field, field);
    }

    private static Account account(JsonNode parent, String field, String path) throws MalformedBodyException {
        JsonNode account = JsonFields.object(parent, field, path);
        if (account == null) {
            return null;
        }
        return new Account(JsonFields.number(account, "id", path + ".id"),
                JsonFields.text(account, "login", path + ".login"));
    }
}
