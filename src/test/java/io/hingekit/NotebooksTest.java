package io.hingekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs every notebook in {@code notebooks/} headless ({@code notebooks/run_headless.py}, Debian's Jupyter) with the
 * CLI on this build's class path. Each notebook asserts its own figures (Hingekit against scikit-learn and FAISS), so
 * a notebook that no longer runs or no longer agrees fails here. Skipped where Debian's Python stack or
 * Fashion-MNIST is missing; {@code .ci/setup} installs both.
 */
class NotebooksTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");

    @Test
    void everyNotebookRunsHeadlessAndItsChecksHold() throws IOException, InterruptedException {
        assumeTrue(Files.exists(FASHION_MNIST), "Fashion-MNIST (dataset-fashion-mnist) is not installed");
        assumeTrue(run(PYTHON, "-c", "import nbclient, ipykernel, sklearn, faiss, matplotlib, yaml").exit() == 0,
                PYTHON + " lacks the notebooks' packages (python3-nbclient, python3-ipykernel, ...)");
        Result result = run(PYTHON, "notebooks/run_headless.py");
        assertEquals(0, result.exit(), result.output());
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HINGEKIT_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("HINGEKIT_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private record Result(int exit, String output) {}
}
