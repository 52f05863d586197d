package io.connlab.app;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the bundled mock backend alone.")
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
