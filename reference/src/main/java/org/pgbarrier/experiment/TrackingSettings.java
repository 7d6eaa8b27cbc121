package org.pgbarrier.experiment;

import java.util.Objects;
import org.pgbarrier.Checks;

/**
 * Which samples' likelihoods {@code p_w(y*|x)} are tracked during PG [CODE: the {@code
 * likelihood_tracking_type}, {@code initial_likelihood_threshold}, {@code max_tracked_samples},
 * {@code track_initial_quantiles} and {@code base_likelihood_histogram_bins} keys].
 *
 * @param type uniform-quantile or threshold tracking
 * @param quantiles {@code track_initial_quantiles}: with {@code UNIFORM}, the samples at the base
 *     likelihood quantiles {@code linspace(0, 1, quantiles)} of the pool, at least 1
 * @param threshold {@code initial_likelihood_threshold}: with {@code THRESHOLD}, the samples of the
 *     pool whose base likelihood is below it ("off-support"), in (0, 1]
 * @param maxTracked {@code max_tracked_samples}: with {@code THRESHOLD}, at most this many of them
 *     (when there are more, the lowest base likelihoods, as the authors' {@code
 *     _select_low_likelihood_track_samples} keeps them), at least 1
 * @param histogramBins {@code base_likelihood_histogram_bins}: bins of the base-likelihood
 *     histogram, at least 1
 */
public record TrackingSettings(
    Type type, int quantiles, double threshold, int maxTracked, int histogramBins) {
  public TrackingSettings {
    Objects.requireNonNull(type, "likelihood_tracking_type");
    Checks.positive("track_initial_quantiles", quantiles);
    Checks.inRange("initial_likelihood_threshold", threshold, Double.MIN_VALUE, 1.0);
    Checks.positive("max_tracked_samples", maxTracked);
    Checks.positive("base_likelihood_histogram_bins", histogramBins);
  }

  /** {@code likelihood_tracking_type}. */
  public enum Type {
    UNIFORM,
    THRESHOLD
  }
}
