package io.hingekit.online;

import io.hingekit.data.CsvRows;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Records of a CSV file through {@link CsvRows}: a header row, numeric feature columns and the label column; the
 * offset is the line number (the header is line 1).
 */
final class CsvRecordSource implements RecordSource {

    private final CsvRows rows;
    private final String name;

    private CsvRecordSource(CsvRows rows, String name) {
        this.rows = rows;
        this.name = name;
    }

    /**
     * Opens a CSV file and checks its header against the schema.
     *
     * @throws IllegalArgumentException when the label column is missing or the feature columns are not as many as
     *     the schema's features
     */
    static CsvRecordSource open(Path file, String name, StreamSchema schema) throws IOException {
        CsvRows rows = CsvRows.open(file, schema.labelColumn(), true);
        if (rows.featureCount() != schema.features()) {
            rows.close();
            throw new IllegalArgumentException(name + " has " + rows.featureCount() + " feature columns, the stream "
                    + "has " + schema.features() + " features (online.features)");
        }
        return new CsvRecordSource(rows, name);
    }

    @Override
    public StreamRecord next() throws IOException {
        CsvRows.Row row = rows.next();
        return row == null ? null : new StreamRecord(0, row.line(), row.features(), row.label(),
                name + " line " + row.line());
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
