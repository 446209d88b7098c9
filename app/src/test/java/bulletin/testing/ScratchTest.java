package bulletin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {

    @Test
    void theMemoryFolderIsTakenOnlyWhenItIsThereAndNotRefused(@TempDir Path dir) throws Exception {
        assertThat(Scratch.memory(dir, null)).contains(dir);
        assertThat(Scratch.memory(dir, "disk")).isEmpty();
        assertThat(Scratch.memory(dir.resolve("absent"), null)).isEmpty();
        Path file = Files.createFile(dir.resolve("a-file"));
        assertThat(Scratch.memory(file, null)).isEmpty();
    }

    @Test
    void tempDirIsMadeInMemoryWhereTheMachineHasIt(@TempDir Path dir) {
        assumeTrue(Scratch.memory(Path.of("/dev/shm"), System.getProperty("test.scratch")).isPresent(),
                "no roomy /dev/shm here: @TempDir stays in the system's temporary folder");
        assertThat(dir.getParent()).isEqualTo(Path.of("/dev/shm"));
        assertThat(dir.getFileName().toString()).startsWith("junit");
    }
}
