package dev.hookyard.server.cli;

import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.inspect.DeliveryJson;
import dev.hookyard.server.inspect.FilterArguments;
import dev.hookyard.server.store.DeliveryDetail;
import dev.hookyard.server.store.DeliveryQueries;
import dev.hookyard.server.store.RunDetail;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hookyard deliveries show ID}: one delivery with its headers (credentials masked), body and runs. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one delivery: headers (credentials masked), body, and each handler's attempts and errors.")
final class ShowDeliveryCommand extends InspectCommand {

    /** Body characters shown without --full-body. */
    static final int BODY_PREVIEW = 2000;

    @Parameters(paramLabel = "ID", description = "The delivery id (see 'deliveries list').")
    String id;

    @Option(names = "--full-body", description = "Show the whole body (default: the first " + BODY_PREVIEW
            + " characters).")
    boolean fullBody;

    @Override
    int run(HookyardConfig config, DeliveryQueries queries, PrintWriter out, PrintWriter err)
            throws StoreUnavailableException {
        long deliveryId = FilterArguments.id("ID", id);
        Optional<DeliveryDetail> found = queries.show(deliveryId);
        if (found.isEmpty()) {
            err.println("hookyard: no delivery " + deliveryId + " in " + queries.location());
            return ExitCodes.NOT_FOUND;
        }
        if (json) {
            out.println(DeliveryJson.write(DeliveryJson.detail(found.get())));
            return ExitCodes.OK;
        }
        StoredDelivery d = found.get().delivery();
        out.println("Delivery " + d.id());
        out.println("  endpoint:  " + d.endpoint() + " (vendor " + d.vendor() + ")");
        out.println("  type:      " + d.eventType());
        out.println("  key:       " + d.deliveryKey());
        out.println("  received:  " + d.receivedAt());
        out.println("  status:    " + d.status().code());
        out.println("Headers (credentials masked):");
        d.headers().toMap().forEach((name, values) -> values.forEach(v -> out.println("  " + name + ": " + v)));
        Optional<String> text = DeliveryJson.text(d.body());
        String body = text.orElseGet(() -> Base64.getEncoder().encodeToString(d.body()));
        out.println("Body (" + d.body().length + " bytes" + (text.isPresent() ? "" : ", not UTF-8: base64") + "):");
        if (fullBody || body.length() <= BODY_PREVIEW) {
            out.println(body);
        } else {
            out.println(body.substring(0, BODY_PREVIEW));
            out.println("... (" + (body.length() - BODY_PREVIEW) + " more characters; --full-body shows all)");
        }
        out.println("Handler runs:");
        if (found.get().runs().isEmpty()) {
            out.println("  none (no route selected a handler)");
            return ExitCodes.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"  HANDLER", "STATUS", "ATTEMPTS", "NEXT DUE (UTC)", "LAST ERROR"});
        for (RunDetail run : found.get().runs()) {
            rows.add(new String[] {"  " + run.handler(), run.status().code(), Integer.toString(run.attempts()),
                    run.nextDue() == null ? "-" : ListDeliveriesCommand.TIME.format(run.nextDue()),
                    run.lastError() == null ? "-" : run.lastError()});
        }
        Table.print(out, rows);
        return ExitCodes.OK;
    }
}
