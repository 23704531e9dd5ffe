package dev.berth.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The test image, made here without any outside registry: Debian's static busybox in an OCI
 * layout built with umoci (DESIGN.md §3). Entry point {@code /bin/busybox}, command
 * {@code echo hello-from-berth}.
 */
final class BusyboxImage {

    static final String TAG = "latest";
    static final String OUTPUT = "hello-from-berth";

    private BusyboxImage() {
    }

    /** Builds the image into {@code directory}/layout and returns the layout's path. */
    static Path build(Path directory) throws IOException {
        Path layout = directory.resolve("layout");
        Path bundle = directory.resolve("bundle");
        Commands.run(List.of("umoci", "init", "--layout", layout.toString())).requireSuccess();
        Commands.run(List.of("umoci", "new", "--image", layout + ":" + TAG)).requireSuccess();
        Commands.run(List.of("umoci", "unpack", "--image", layout + ":" + TAG, bundle.toString())).requireSuccess();
        Path bin = Files.createDirectories(bundle.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        Files.createSymbolicLink(bin.resolve("sh"), Path.of("busybox"));
        Commands.run(List.of("umoci", "repack", "--image", layout + ":" + TAG, bundle.toString())).requireSuccess();
        Commands.run(List.of("umoci", "config", "--image", layout + ":" + TAG, "--config.entrypoint", "/bin/busybox",
                "--config.cmd", "echo", "--config.cmd", OUTPUT)).requireSuccess();
        return layout;
    }
}
