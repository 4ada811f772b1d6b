namespace ClipHost.Engine.Filtering;

/// <summary>
/// A filter judged as a detector of planted mismatched captions: of the <paramref name="In"/> planted pairs among its
/// candidates it dropped <paramref name="Dropped"/>. Recall is the share of planted pairs dropped; precision the share
/// of everything dropped that was planted.
/// </summary>
public sealed record PlantedCount(int In, int Dropped, int AllDropped)
{
    public double? Recall => In == 0 ? null : Dropped / (double)In;

    public double? Precision => AllDropped == 0 ? null : Dropped / (double)AllDropped;

    /// <summary>A whole pipeline as one detector: the planted pairs its first step saw, and what all its steps dropped.</summary>
    public static PlantedCount? Across(IEnumerable<FilterLineage> lineage)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        var steps = lineage.Where(l => l.Planted is not null).ToList();
        return steps.Count == 0 ? null : new PlantedCount(steps[0].Planted!.In, steps.Sum(l => l.Planted!.Dropped), steps.Sum(l => l.Planted!.AllDropped));
    }

    /// <summary>"1,234 of 2,000 planted removed (recall 61.7%, precision 80.1%)".</summary>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Dropped:N0} of {In:N0} planted removed (recall {Percent(Recall)}, precision {Percent(Precision)})");

    private static string Percent(double? share) => share is { } s ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{100 * s:F1}%") : "-";
}
