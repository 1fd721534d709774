package io.hingekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hingekit canary}: asks a running server for its canary verdict; the exit code says what to do. */
@Command(name = "canary", mixinStandardHelpOptions = true,
        description = "Print a serve instance's canary verdict. Exit 0 promote, " + CanaryCommand.EXIT_CONTINUE
                + " continue, " + CanaryCommand.EXIT_ROLLBACK + " rollback.")
public final class CanaryCommand implements Callable<Integer> {

    /** Exit code when the canary needs more traffic. */
    public static final int EXIT_CONTINUE = 10;
    /** Exit code when the candidate must be rolled back. */
    public static final int EXIT_ROLLBACK = 11;

    @Option(names = "--server", required = true, description = "the server's base URL, e.g. http://127.0.0.1:8080")
    private URI server;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills in the options. */
    public CanaryCommand() {}

    @Override
    public Integer call() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.resolve("/canary"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalArgumentException(server + "/canary answered " + response.statusCode() + ": "
                    + body.path("error").asText(response.body()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(JsonOutput.render(body));
        out.flush();
        return switch (body.get("verdict").asText()) {
            case "promote" -> 0;
            case "rollback" -> EXIT_ROLLBACK;
            default -> EXIT_CONTINUE;
        };
    }
}
