package bulletin.document;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.docx4j.Docx4jProperties;
import org.docx4j.jaxb.McIgnorableNamespaceDeclarator;
import org.docx4j.jaxb.NamespacePrefixMapperUtils;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPartFilterOutputStream;

/**
 * Saves a package as docx4j does, but marshals the main document part straight into the zip. docx4j writes that
 * part through {@link MainDocumentPartFilterOutputStream}, which (to insert its version comment after
 * {@code <w:body>}) hands every byte on one at a time through {@code FilterOutputStream}: at province size, 7.7 MB
 * of {@code word/document.xml}, that cost about as much as JAXB's marshalling itself. Here the same marshaller,
 * set up as docx4j sets it up, writes the same bytes (the comment inserted by docx4j's own filter, which sees the
 * stream only until {@code <w:body>}), and every other part is docx4j's own, copied from a save of the package
 * with the body left empty. The parts are byte for byte what {@code pkg.save} writes; only the zip around them is
 * written by the JDK.
 */
final class PackageSave {

    /**
     * The zip's level: zlib's 3, the last of its fast levels. The province's 7.7 MB of {@code document.xml}
     * compress in about 14 ms at 3 against about 40 ms at the default 6 (178 against 132 KB; level 1 is no
     * quicker and larger); the parts inside are the same bytes, only the .docx is larger.
     */
    static final int LEVEL = 3;

    private PackageSave() {
    }

    static void save(WordprocessingMLPackage pkg, OutputStream out) throws Docx4JException, IOException {
        save(pkg, out, List.of(), null);
    }

    /** A part whose bytes are taken only as it is written: its name in the zip, and what gives them. */
    record Later(String name, java.util.function.Supplier<byte[]> bytes) {
    }

    /**
     * Saves the package, each placeholder table of its body replaced by its {@link TableXml}, and the part
     * {@code later} names (or none, where null) written with the bytes it gives then, not those in the package.
     */
    static void save(WordprocessingMLPackage pkg, OutputStream out, List<? extends TableSource> tables,
                     Later later)
            throws Docx4JException, IOException {
        MainDocumentPart main = pkg.getMainDocumentPart();
        String name = main.getPartName().getName().substring(1);
        List<Object> content = main.getContent();
        List<Object> body = new ArrayList<>(content);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        content.clear();
        try {
            pkg.save(rest);
        } finally {
            content.addAll(body);
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(LEVEL);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(rest.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                if (e.getName().equals(name)) {
                    zip.putNextEntry(copy);
                    marshal(main, pkg.isNew(), zip, tables);
                } else {
                    byte[] bytes = in.readAllBytes();
                    if (later != null && e.getName().equals(later.name())) {
                        bytes = later.bytes().get();
                        if (bytes == null) {
                            throw new IOException(e.getName() + " was placed but not made");
                        }
                    }
                    if (e.getMethod() == ZipEntry.STORED) { // docx4j stores the images as they are
                        CRC32 crc = new CRC32();
                        crc.update(bytes);
                        copy.setMethod(ZipEntry.STORED);
                        copy.setSize(bytes.length);
                        copy.setCompressedSize(bytes.length);
                        copy.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(copy);
                    zip.write(bytes);
                }
                zip.closeEntry();
            }
        }
        zip.finish();
    }

    /**
     * The main document part's XML as {@code JaxbXmlPart.marshal} writes it for a main document part: the same
     * marshaller properties, prefix mapper and mc:Ignorable, and docx4j's filter for the version comment.
     */
    static void marshal(MainDocumentPart main, boolean newPackage, OutputStream out,
                        List<? extends TableSource> tables)
            throws IOException {
        try {
            Marshaller m = main.getJAXBContext().createMarshaller();
            if (Docx4jProperties.getProperty("docx4j.jaxb.formatted.output", true)) {
                m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            }
            Object mapper = NamespacePrefixMapperUtils.getPrefixMapper();
            NamespacePrefixMapperUtils.setProperty(m, mapper);
            main.getContents();
            String ignorable = main.getMceIgnorable() == null ? "" : main.getMceIgnorable();
            ((McIgnorableNamespaceDeclarator) mapper).setMcIgnorable(ignorable + main.getMcChoiceNamespaces());
            BufferedOutputStream buffered = new BufferedOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    // the zip entry stays open: the caller closes it
                }
            }, 1 << 16);
            TableXml.Splice splice = new TableXml.Splice(buffered, tables);
            m.marshal(main.getJaxbElement(), new UntilBody(splice, newPackage));
            splice.finish();
            buffered.flush();
        } catch (JAXBException | Docx4JException e) {
            throw new IOException("docx4j: " + e.getMessage(), e);
        }
    }

    /**
     * docx4j's filter until the chunk that holds {@code <w:body>} (where it inserts its comment, or not, as it
     * decides), then the chunks passed on whole.
     */
    private static final class UntilBody extends OutputStream {
        private final OutputStream out;
        private final MainDocumentPartFilterOutputStream docx4j;
        private boolean past;

        UntilBody(OutputStream out, boolean newPackage) {
            this.out = out;
            this.docx4j = new MainDocumentPartFilterOutputStream(out, newPackage);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (past) {
                out.write(b, off, len);
                return;
            }
            docx4j.write(b, off, len);
            past = new String(b, off, len, StandardCharsets.UTF_8).contains("<w:body>");
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
