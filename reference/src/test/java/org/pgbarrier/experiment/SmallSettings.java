package org.pgbarrier.experiment;

/** Small experiment settings for the tests: d = 4, k = 3, N = 4, a few steps. */
public final class SmallSettings {
  private SmallSettings() {}

  public static final OptimizerSettings ADAGRAD =
      new OptimizerSettings(OptimizerSettings.Kind.ADAGRAD, 0.1);

  public static DataSettings data(DataSettings.TrackSource source) {
    return new DataSettings(5L, 4, 3, 4, 40, 30, source,
        new DataSettings.InputGenerator.Mixture(6, 0.05));
  }

  public static PgExperimentSettings pg(PgExperimentSettings.Reward reward,
      TrackingSettings.Type tracking, DataSettings.TrackSource source) {
    return new PgExperimentSettings(data(source), 9L, reward,
        new PhaseSettings(7, 16, ADAGRAD, 3, 1), new PhaseSettings(9, 16, ADAGRAD, 4, 2),
        reward == PgExperimentSettings.Reward.OUTCOME, new BehaviourSettings.OnPolicy(),
        new TrackingSettings(tracking, 5, 0.5, 4, 12));
  }

  public static PgExperimentSettings pg(PgExperimentSettings.Reward reward) {
    return pg(reward, TrackingSettings.Type.UNIFORM, DataSettings.TrackSource.TEST);
  }

  public static CdfExperimentSettings cdf() {
    return new CdfExperimentSettings(new DataSettings(3L, 4, 3, 5, 20, 20,
        DataSettings.TrackSource.TEST, new DataSettings.InputGenerator.Rademacher()), 4L, 3, 5, 8,
        ADAGRAD, 50);
  }
}
