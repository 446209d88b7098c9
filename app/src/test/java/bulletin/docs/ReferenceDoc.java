package bulletin.docs;

import bulletin.cli.BulletinCommand;
import bulletin.diag.ProblemCodes;
import bulletin.diag.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the generated parts of {@code docs/reference.md}: the commands and options from the picocli model (the
 * same model {@code --help} prints) and the problem-code table from {@link ProblemCodes}. A generated part sits
 * between {@code <!-- BEGIN GENERATED: name -->} and {@code <!-- END GENERATED: name -->}; the text around it is
 * written by hand. {@code ReferenceDocTest} fails when the committed file differs from what this gives;
 * {@code mvn -B test -Dtest=ReferenceDocTest -Dbulletin.writeDocs=true} rewrites it.
 */
public final class ReferenceDoc {

    public static final Path FILE = Path.of("docs/reference.md");

    private static final Pattern PART = Pattern.compile(
            "(<!-- BEGIN GENERATED: ([a-z-]+)[^>]*-->\n)(.*?)(<!-- END GENERATED: \\2 -->)", Pattern.DOTALL);

    private ReferenceDoc() {
    }

    /** Writes the file's generated parts anew: {@code java bulletin.docs.ReferenceDoc [file]}. */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : FILE;
        Files.writeString(file, regenerate(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** The text with every generated part replaced by what the model and the registry give now. */
    public static String regenerate(String text) {
        Matcher m = PART.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = switch (m.group(2)) {
                case "commands" -> commands();
                case "problem-codes" -> problemCodes();
                default -> throw new IllegalArgumentException("unknown generated part: " + m.group(2));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + body + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static CommandLine model() {
        CommandLine cl = BulletinCommand.withAllCommands();
        cl.setUsageHelpWidth(1000);
        return cl;
    }

    /** Every command, root first, then the subcommands in the order {@code --help} lists them. */
    static List<CommandLine> all() {
        CommandLine root = model();
        List<CommandLine> out = new ArrayList<>();
        out.add(root);
        out.addAll(root.getSubcommands().values());
        return out;
    }

    static String commands() {
        StringBuilder b = new StringBuilder();
        for (CommandLine cl : all()) {
            command(b, cl);
        }
        return b.toString();
    }

    private static void command(StringBuilder b, CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        boolean root = spec.parent() == null;
        b.append("### `").append(spec.qualifiedName()).append("`\n\n");
        for (String h : spec.usageMessage().header()) {
            b.append(h).append("\n");
        }
        b.append("\n");
        if (spec.usageMessage().description().length > 0) {
            b.append("说明：\n\n");
            for (String d : spec.usageMessage().description()) {
                b.append(d.isBlank() ? "" : d).append("\n");
            }
            b.append("\n");
        }
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        b.append("```\n").append(help.synopsis(0).strip().replaceAll("\\s+", " ")).append("\n```\n\n");
        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden())
                .filter(o -> root || !o.inherited()).toList();
        if (!params.isEmpty() || !options.isEmpty()) {
            b.append("| 参数或选项 | 说明 |\n| --- | --- |\n");
            for (PositionalParamSpec p : params) {
                b.append("| `").append(p.paramLabel()).append("` | ").append(description(p)).append(" |\n");
            }
            for (OptionSpec o : options) {
                String names = String.join("`, `", o.names());
                String label = o.typeInfo().isBoolean() ? "" : " " + o.paramLabel();
                b.append("| `").append(names).append(label).append("` | ").append(description(o)).append(" |\n");
            }
            b.append("\n");
        }
        if (!root) {
            b.append("全局选项 `-w`（工作目录）和 `-h`（帮助）对每个命令都有效。\n\n");
        }
        String[] footer = spec.usageMessage().footer();
        if (footer.length > 0) {
            b.append("```\n");
            for (String f : footer) {
                b.append(f.stripTrailing()).append("\n");
            }
            b.append("```\n\n");
        }
    }

    private static String description(ArgSpec a) {
        String d = String.join(" ", a.description()).replace("|", "\\|");
        if (a.required()) {
            d = "（必填）" + d;
        }
        return d;
    }

    static String problemCodes() {
        StringBuilder b = new StringBuilder("| 代码 | 级别 | 含义 |\n| --- | --- | --- |\n");
        for (ProblemCodes.Code c : ProblemCodes.ALL) {
            b.append("| `").append(c.code()).append("` | ")
                    .append(c.severity() == Severity.ERROR ? "错误" : "警告").append(" | ")
                    .append(c.meaning().replace("|", "\\|")).append(" |\n");
        }
        return b.append("\n").toString();
    }
}
