/**
 * KGW — Kirchenbauer et al.'s green/red-list watermark — behind the common
 * {@link io.github.genailab.watermark.Watermark} interface: {@link io.github.genailab.watermark.families.kgw.KgwWatermark}.
 */
package io.github.genailab.watermark.families.kgw;
