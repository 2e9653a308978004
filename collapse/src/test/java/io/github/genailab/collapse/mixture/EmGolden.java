package io.github.genailab.collapse.mixture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A scikit-learn golden case written by {@code src/test/python/sklearn_em_golden.py}. */
record EmGolden(Map<String, String> keys, double[][] data, int[] labels) {

    static EmGolden load(String name) {
        String resource = "em/" + name + ".txt";
        try (InputStream in = EmGolden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> keys = new HashMap<>();
            List<double[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            boolean inData = false;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (inData) {
                    String[] parts = line.trim().split(" ");
                    double[] row = new double[parts.length - 1];
                    for (int j = 0; j < row.length; j++) {
                        row[j] = Double.parseDouble(parts[j]);
                    }
                    rows.add(row);
                    labels.add(Integer.parseInt(parts[parts.length - 1]));
                } else if (line.equals("data")) {
                    inData = true;
                } else {
                    int space = line.indexOf(' ');
                    keys.put(line.substring(0, space), line.substring(space + 1));
                }
            }
            return new EmGolden(keys, rows.toArray(new double[0][]),
                    labels.stream().mapToInt(Integer::intValue).toArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    double number(String key) {
        return Double.parseDouble(keys.get(key));
    }

    double[] numbers(String key) {
        String[] parts = keys.get(key).split(" ");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    EmOptions options() {
        CovarianceType type = switch (keys.get("covariance_type")) {
            case "diag" -> CovarianceType.DIAGONAL;
            case "spherical" -> CovarianceType.SPHERICAL;
            default -> CovarianceType.FULL;
        };
        return EmOptions.defaults().withCovarianceType(type).withTolerance(number("tol"))
                .withRegularization(number("reg")).withMaxIterations((int) number("max_iter"));
    }

    int k() {
        return (int) number("k");
    }
}
