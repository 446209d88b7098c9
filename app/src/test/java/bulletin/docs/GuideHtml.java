package bulletin.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Makes {@code 使用说明.html}, the printable clerk's guide of the release archive, from {@code docs/clerk.md}: run at
 * build time ({@code prepare-package}, pom.xml) as {@code GuideHtml docs/clerk.md target/docs/使用说明.html}. The
 * page sits at the archive's root, beside {@code docs/}: its pictures and links point into {@code docs/}.
 */
public final class GuideHtml {

    private static final String STYLE = """
            body { font-family: "仿宋_GB2312", "仿宋", FangSong, "Noto Serif CJK SC", serif; font-size: 12pt;
                   line-height: 1.7; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
            h1, h2, h3 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; }
            h1 { text-align: center; }
            code, pre { font-family: Consolas, "Noto Sans Mono CJK SC", monospace; font-size: 10.5pt; }
            pre { background: #f4f4f4; padding: .6em; white-space: pre-wrap; word-break: break-all; }
            table { border-collapse: collapse; margin: .6em 0; }
            th, td { border: 1px solid #999; padding: .2em .5em; vertical-align: top; }
            img { max-width: 100%; border: 1px solid #ccc; }
            @media print { body { max-width: none; margin: 0; } pre, table, img { page-break-inside: avoid; } }
            """;

    private GuideHtml() {
    }

    public static void main(String[] args) throws IOException {
        Path from = Path.of(args.length > 0 ? args[0] : "docs/clerk.md");
        Path to = Path.of(args.length > 1 ? args[1] : "target/docs/使用说明.html");
        if (to.getParent() != null) {
            Files.createDirectories(to.getParent());
        }
        Files.writeString(to, html(Files.readString(from, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** The whole page for a Markdown text of docs/. */
    public static String html(String markdown) {
        List<Extension> ext = List.of(TablesExtension.create());
        Node doc = Parser.builder().extensions(ext).build().parse(markdown);
        AttributeProvider intoDocs = (node, tag, attrs) -> {
            if (node instanceof Image && attrs.containsKey("src")) {
                attrs.put("src", docs(attrs.get("src")));
            } else if (node instanceof Link && attrs.containsKey("href")) {
                attrs.put("href", docs(attrs.get("href")));
            }
        };
        String body = HtmlRenderer.builder().extensions(ext).attributeProviderFactory(c -> intoDocs).build()
                .render(doc);
        String title = markdown.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip())
                .orElse("使用说明");
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>" + title
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    /** A relative address of docs/ as seen from the archive's root; others as they are. */
    static String docs(String href) {
        if (href.contains(":") || href.startsWith("#") || href.startsWith("/")) {
            return href;
        }
        return href.startsWith("../") ? href.substring(3) : "docs/" + href;
    }
}
