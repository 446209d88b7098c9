package bulletin.document;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What an appendix table's placeholder is replaced by when the document is saved ({@link TableXml.Splice}): a
 * table's XML written as it is asked for ({@link TableXml}) or made beforehand on another thread
 * ({@link TableXml.Ahead}).
 */
interface TableSource {

    /** Writes the table's XML (UTF-8). */
    void write(OutputStream out) throws IOException;
}
