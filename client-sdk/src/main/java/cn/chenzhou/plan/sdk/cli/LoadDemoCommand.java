package cn.chenzhou.plan.sdk.cli;

import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.demo.DemoDataset;
import cn.chenzhou.plan.sdk.demo.DemoLoader;
import cn.chenzhou.plan.sdk.demo.Principals;
import cn.chenzhou.plan.sdk.demo.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code load-demo}: the demo plan of the eleven counties over 2012–2014, through the gateway. */
@Command(name = "load-demo", mixinStandardHelpOptions = true,
        description = {"Load the demo plan (11 counties, 2012–2014) through the gateway, acting as each county portal, "
                + "finance and the plan office (their secrets come from --secrets-file).",
                "Idempotent: a second load changes nothing; an interrupted load resumes where it stopped."})
final class LoadDemoCommand implements Callable<Integer> {
    @ParentCommand
    private PlatformCli cli;

    @Option(names = "--dataset", paramLabel = "FILE", description = "another dataset of the same shape (default: the built-in one)")
    private Path dataset;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "counties loaded at once (default: ${DEFAULT-VALUE})")
    private int parallel;

    @Override
    public Integer call() throws IOException {
        DemoDataset data = readDataset();
        AtomicInteger replayed = new AtomicInteger();
        // patient: a service restarted by the launcher during the load is waited for, not given up on
        PlatformClient.Settings settings = PlatformClient.Settings.defaults().withMaxAttempts(10)
                .withMaxRetryAfter(Duration.ofSeconds(5));
        try (Principals as = new Principals(cli.gateway, cli.auth, cli.secretsOrFail(), settings,
                (method, path, status, replay) -> {
                    if (replay) {
                        replayed.incrementAndGet();
                    }
                })) {
            Progress progress = Progress.onConsole(PlatformCli.OUT);
            DemoLoader.Result result = new DemoLoader(data, as, progress, parallel).load(replayed::get);
            progress.finish(String.format("demo dataset %s: %d commands in %d s — %d applied now, %d already there",
                    data.name(), result.commands(), result.took().toSeconds(), result.applied(),
                    result.alreadyThere() + result.replayed()));
        }
        return 0;
    }

    private DemoDataset readDataset() throws IOException {
        if (dataset == null) {
            return DemoDataset.builtIn();
        }
        try (InputStream in = Files.newInputStream(dataset)) {
            return DemoDataset.read(in);
        }
    }
}
