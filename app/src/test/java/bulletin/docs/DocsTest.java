package bulletin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The documentation's shape (issue 25): a short README, pages by reader, links and pictures that resolve. */
class DocsTest {

    static List<Path> pages() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
        try (Stream<Path> s = Files.list(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void theReadmeIsShortAndLinksEveryPageByItsReader() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme.size()).isBetween(120, 200);
        String text = String.join("\n", readme);
        assertThat(text).contains("](docs/clerk.md)", "](docs/reference.md)", "](docs/rules.md)",
                "](docs/snapshot.md)", "](docs/performance.md)", "](CONTRIBUTING.md)", "](LICENSE)",
                "docs/images/page-1.png", "## Exit codes", "| 126 |", "| 127 |");
        assertThat(text.split("## Exit codes", -1)).as("exit codes explained once").hasSize(2);
        assertThat(Path.of("LICENSE")).content(StandardCharsets.UTF_8).contains("Apache License", "Version 2.0");
    }

    @Test
    void everyRelativeLinkAndPictureOfTheDocsResolves() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        int checked = 0;
        for (Path page : pages()) {
            Matcher m = link.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                Path resolved = page.resolveSibling(target).normalize();
                assertThat(Files.exists(resolved)).as(page + " links to " + target).isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }
}
