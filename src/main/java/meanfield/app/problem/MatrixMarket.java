package meanfield.app.problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A real matrix read from a Matrix Market file (coordinate or array format; general or
 * symmetric). Entry (i, j), 0-based, is row i and column j: for a network, the weight from
 * presynaptic neuron j to postsynaptic neuron i (MODEL.md 1.1).
 */
public record MatrixMarket(int rows, int columns, int[] rowIndex, int[] columnIndex, double[] values) {

    public static MatrixMarket read(String key, Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("%%MatrixMarket")) {
                throw new ProblemException(key, file + " is not a Matrix Market file (no %%MatrixMarket header)");
            }
            String[] h = header.toLowerCase(Locale.ROOT).trim().split("\\s+");
            if (h.length < 5 || !h[1].equals("matrix") || h[3].equals("complex")) {
                throw new ProblemException(key, file + ": only real matrices are supported, header '" + header + "'");
            }
            boolean coordinate = h[2].equals("coordinate");
            boolean symmetric = h[4].equals("symmetric");
            boolean pattern = h[3].equals("pattern");
            String line = in.readLine();
            while (line != null && (line.startsWith("%") || line.isBlank())) {
                line = in.readLine();
            }
            if (line == null) {
                throw new ProblemException(key, file + ": no size line");
            }
            String[] size = line.trim().split("\\s+");
            int rows = Integer.parseInt(size[0]);
            int columns = Integer.parseInt(size[1]);
            int entries = coordinate ? Integer.parseInt(size[2]) : rows * columns;
            int capacity = symmetric ? 2 * entries : entries;
            int[] ri = new int[capacity];
            int[] ci = new int[capacity];
            double[] v = new double[capacity];
            int count = 0;
            for (int e = 0; e < entries; e++) {
                line = in.readLine();
                while (line != null && (line.startsWith("%") || line.isBlank())) {
                    line = in.readLine();
                }
                if (line == null) {
                    throw new ProblemException(key, file + ": expected " + entries + " entries, found " + e);
                }
                String[] parts = line.trim().split("\\s+");
                int i = coordinate ? Integer.parseInt(parts[0]) - 1 : e % rows;
                int j = coordinate ? Integer.parseInt(parts[1]) - 1 : e / rows;
                double value = pattern ? 1.0 : Double.parseDouble(parts[coordinate ? 2 : 0]);
                if (i < 0 || i >= rows || j < 0 || j >= columns) {
                    throw new ProblemException(key, file + ": entry (" + (i + 1) + ", " + (j + 1) + ") is outside "
                            + rows + " x " + columns);
                }
                ri[count] = i;
                ci[count] = j;
                v[count++] = value;
                if (symmetric && i != j) {
                    ri[count] = j;
                    ci[count] = i;
                    v[count++] = value;
                }
            }
            return new MatrixMarket(rows, columns, Arrays.copyOf(ri, count), Arrays.copyOf(ci, count),
                    Arrays.copyOf(v, count));
        } catch (NoSuchFileException e) {
            // The exception's message is the path alone: say what is wrong with it.
            throw new ProblemException(key, "no such file: " + file);
        } catch (CharacterCodingException e) {
            throw new ProblemException(key, file + " is not a Matrix Market file (not text: binary or not UTF-8)");
        } catch (IOException e) {
            throw new ProblemException(key, "cannot read " + file + ": " + e.getMessage());
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new ProblemException(key, file + " is not a valid Matrix Market file: " + e.getMessage());
        }
    }

    /** The dense row-major values (for small matrices such as cell-averaged kernels). */
    public double[] dense() {
        double[] out = new double[rows * columns];
        for (int e = 0; e < values.length; e++) {
            out[rowIndex[e] * columns + columnIndex[e]] += values[e];
        }
        return out;
    }
}
