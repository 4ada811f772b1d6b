namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Chance levels of the classification metrics: a uniform guess among the classes, and, when the labels are given,
/// <c>acc1_majority</c>: what always guessing the most common class scores in top-1. On an unbalanced set the second is
/// the bar top-1 must clear (clip-art's test split: 26.9% "computer" against 4.5% uniform chance); mean per-class recall
/// is not fooled by it (the majority guess scores 1 / classes there).
/// </summary>
public static class ClassificationChance
{
    /// <summary>acc1, acc5 and mean per-class recall at chance, each key prefixed (e.g. "5-shot_"), and acc1_majority when <paramref name="labels"/> are given.</summary>
    public static Dictionary<string, double> Of(int classes, string prefix = "", IReadOnlyCollection<long>? labels = null)
    {
        var chance = new Dictionary<string, double>
        {
            [$"{prefix}acc1"] = 1.0 / classes,
            [$"{prefix}acc5"] = Math.Min(5, classes) / (double)classes,
            [$"{prefix}mean_per_class_recall"] = 1.0 / classes,
        };
        if (labels is { Count: > 0 })
        {
            chance[$"{prefix}acc1_majority"] = labels.CountBy(l => l).Max(g => g.Value) / (double)labels.Count;
        }
        return chance;
    }
}
