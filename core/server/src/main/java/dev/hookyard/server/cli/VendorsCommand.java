package dev.hookyard.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.VendorFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hookyard vendors}: the installed vendors, their endpoint options and the event types they send. */
@Command(name = "vendors", mixinStandardHelpOptions = true,
        description = {"List the installed vendors (those in lib/ and in the plugins directory): each one's id for"
                + " 'vendor:' in the configuration, its endpoint options, and the event types it sends (the names"
                + " that routes' 'events:' match)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:unexpected failure", "2:unknown vendor id, or a plugin cannot be loaded"})
final class VendorsCommand implements Callable<Integer> {

    @ParentCommand
    HookyardCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Only these vendors (default: all, by id).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON: {\"vendors\": [{\"id\", \"description\", \"origin\","
            + " \"options\": [{\"name\", \"required\", \"secret\", \"description\"}], \"eventTypes\": [{\"name\","
            + " \"description\"}]}]}.")
    boolean json;

    @Option(names = "--option", paramLabel = "NAME=VALUE",
            description = "An endpoint option of the one vendor named, as under 'options:' in the configuration, to"
                    + " list the event types an endpoint with these options has (hmac needs its required options,"
                    + " e.g. --option header=X-Signature --option type=/event); repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Mixin
    PluginsOption plugins;

    /** One vendor as listed; {@code types} is null when the vendor cannot be built without options. */
    private record Listed(VendorFactory factory, String origin, List<EventType> types, String typesProblem) {
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (!options.isEmpty() && ids.size() != 1) {
            throw new CommandFailedException(ExitCodes.CONFIG, "--option applies to one vendor: name exactly one,"
                    + " e.g. hookyard vendors hmac --option header=X-Signature --option type=/event");
        }
        List<Listed> listed = new ArrayList<>();
        try (InstalledPlugins installed = plugins.discover(parent.environment())) {
            List<String> wanted = ids.isEmpty() ? installed.vendorIds().stream().sorted().toList() : ids;
            for (String id : wanted) {
                VendorFactory factory = CommandVendors.find(installed, id);
                listed.add(describe(factory, installed.originOf(factory), Options.of(options)));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(listed));
        } else {
            printText(out, listed);
        }
        return ExitCodes.OK;
    }

    private static Listed describe(VendorFactory factory, String origin, Options endpointOptions) {
        try {
            // Built as for an endpoint without secrets (and with the options given), only to read its catalog.
            List<EventType> types = CommandVendors.create(factory, new Keyring(List.of()), endpointOptions)
                    .catalog().types();
            return new Listed(factory, origin, types, null);
        } catch (CommandFailedException e) {
            if (!endpointOptions.keys().isEmpty()) {
                throw e; // options given on purpose and wrong: a usage error, as for sign and send
            }
            return new Listed(factory, origin, null, e.getMessage());
        }
    }

    private static void printText(PrintWriter out, List<Listed> listed) {
        for (int v = 0; v < listed.size(); v++) {
            Listed vendor = listed.get(v);
            if (v > 0) {
                out.println();
            }
            out.println(vendor.factory().id() + " - " + vendor.factory().description());
            out.println("  from: " + vendor.origin());
            OptionLines.print(out, "  ", vendor.factory().options());
            if (vendor.types() == null) {
                out.println("  event types: listed once its required options are given with --option ("
                        + vendor.typesProblem() + ")");
                continue;
            }
            out.println("  event types (" + vendor.types().size() + "):");
            int width = vendor.types().stream().mapToInt(t -> t.name().length()).max().orElse(0);
            for (EventType type : vendor.types()) {
                out.println("    " + OptionLines.pad(type.name(), width) + "  " + type.description());
            }
        }
    }

    private static String toJson(List<Listed> listed) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode vendors = root.putArray("vendors");
        for (Listed vendor : listed) {
            ObjectNode node = vendors.addObject();
            node.put("id", vendor.factory().id());
            node.put("description", vendor.factory().description());
            node.put("origin", vendor.origin());
            ArrayNode options = node.putArray("options");
            for (OptionSpec option : vendor.factory().options()) {
                options.addObject().put("name", option.name()).put("required", option.required())
                        .put("secret", option.secret()).put("description", option.description());
            }
            if (vendor.types() == null) {
                node.putNull("eventTypes");
                node.put("eventTypesProblem", vendor.typesProblem());
            } else {
                ArrayNode types = node.putArray("eventTypes");
                vendor.types().forEach(t -> types.addObject().put("name", t.name()).put("description", t.description()));
            }
        }
        return mapper.writeValueAsString(root);
    }
}
