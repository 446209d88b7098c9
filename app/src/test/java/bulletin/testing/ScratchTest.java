package bulletin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {

    @Test
    void theMemoryFolderIsTakenOnlyWhenItIsThereExecutableAndNotRefused(@TempDir Path dir) throws Exception {
        Path shm = Files.createDirectory(dir.resolve("shm")).toRealPath();
        Path mounts = dir.resolve("mounts");
        Files.writeString(mounts, "/dev/vda / ext4 rw,noexec,relatime 0 0\n"
                + "tmpfs " + shm + " tmpfs rw,nosuid,nodev 0 0\n");
        assertThat(Scratch.memory(shm, null, mounts)).contains(shm);
        assertThat(Scratch.memory(shm, "disk", mounts)).isEmpty();
        assertThat(Scratch.memory(shm.resolve("absent"), null, mounts)).isEmpty();
        assertThat(Scratch.memory(Files.createFile(shm.resolve("a-file")), null, mounts)).isEmpty();
        assertThat(Scratch.memory(shm, null, dir.resolve("no-mounts"))).isEmpty();
        // Mounted noexec (Docker's /dev/shm), or only the disk's entry, noexec, is there: the disk is kept.
        Files.writeString(mounts, "/dev/vda / ext4 rw,relatime 0 0\ntmpfs " + shm + " tmpfs rw,nosuid,noexec 0 0\n");
        assertThat(Scratch.memory(shm, null, mounts)).isEmpty();
        Files.writeString(mounts, "/dev/vda / ext4 rw,noexec,relatime 0 0\n");
        assertThat(Scratch.memory(shm, null, mounts)).isEmpty();
    }

    @Test
    void tempDirIsMadeInMemoryWhereTheMachineHasIt(@TempDir Path dir) {
        Optional<Path> memory = Scratch.memory();
        assumeTrue(memory.isPresent(), "no roomy /dev/shm here: @TempDir stays in the system's temporary folder");
        assertThat(dir.getParent()).isEqualTo(memory.get());
        assertThat(dir.getFileName().toString()).startsWith("junit");
    }
}
