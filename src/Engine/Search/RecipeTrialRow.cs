namespace ClipHost.Engine.Search;

/// <summary>One trial as the search report lists it.</summary>
/// <param name="Objective">Mean of the objective's validation metrics; null when the trial failed or lacks one.</param>
/// <param name="TrainingGflops">What the trial spent, from its compute.json.</param>
/// <param name="Values">The point's value on each axis of the space (axis → label).</param>
public sealed record RecipeTrialRow(int Rung, string Cell, string RunId, double BudgetGflops, double? TrainingGflops, double? Objective, bool Promoted, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>Whether this trial is the base recipe, trained in every rung to be beaten.</summary>
    public bool Incumbent { get; init; }

    /// <summary>Which of the point's seeds this trial is (0 unless the last rung trains several, <see cref="RecipeSearch.FinalSeeds"/>).</summary>
    public int Seed { get; init; }

    /// <summary>The point, and its seed when it is not the first: what a table row names.</summary>
    public string Label => RecipeTrial.LabelOf(Cell, Seed);

    /// <summary>What the report, page and CLI say of the trial: base, promoted, winner (the winner's name once the search has one).</summary>
    public string Mark(string? winner, int lastRung) =>
        string.Join(", ", new[] { Incumbent ? "base" : null, Promoted ? "promoted" : null, Rung == lastRung && Cell == winner ? "winner" : null }.OfType<string>());
}
