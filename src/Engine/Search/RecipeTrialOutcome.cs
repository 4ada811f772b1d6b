namespace ClipHost.Engine.Search;

/// <summary>
/// Where a trial's run stands, as the search reads it: <see cref="Finished"/> once it succeeded, failed or was
/// cancelled (a trial that failed is finished without an objective and is not trained again); its metrics and spend.
/// </summary>
public sealed record RecipeTrialOutcome(bool Finished, IReadOnlyDictionary<string, double>? Metrics, double? TrainingGflops);
