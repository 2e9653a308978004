/**
 * GenAI Lab on Apache Spark: the library's kernels as transformations of {@code Dataset<Row>} that give, row by
 * row, the numbers of the single-machine API — {@link io.github.genailab.spark.SparkWatermark} (watermark
 * detection, also as SQL functions), {@link io.github.genailab.spark.SparkMembership} (Min-K%, Min-K%++, loss and
 * zlib scores and their report), {@link io.github.genailab.spark.SparkCollapse} (collapse sweeps over a
 * {@link io.github.genailab.spark.CollapseSweepOptions} grid) and
 * {@link io.github.genailab.spark.SparkCheckpointScoring} (text scored with a pretrained checkpoint).
 *
 * <p>Spark is a provided dependency (the cluster's own); what the transformations need on the executors travels
 * as broadcast values or serialisable closures, so results never depend on the partitioning.
 */
package io.github.genailab.spark;
