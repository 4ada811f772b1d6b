namespace ClipHost.Engine.Evaluation;

/// <summary>Chance levels of the classification metrics: a uniform guess among the classes.</summary>
public static class ClassificationChance
{
    /// <summary>acc1, acc5 and mean per-class recall at chance, each key prefixed (e.g. "5-shot_").</summary>
    public static Dictionary<string, double> Of(int classes, string prefix = "") => new()
    {
        [$"{prefix}acc1"] = 1.0 / classes,
        [$"{prefix}acc5"] = Math.Min(5, classes) / (double)classes,
        [$"{prefix}mean_per_class_recall"] = 1.0 / classes,
    };
}
