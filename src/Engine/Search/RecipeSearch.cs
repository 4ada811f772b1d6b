using System.Text.Json.Nodes;
using ClipHost.Engine.Studies;

namespace ClipHost.Engine.Search;

/// <summary>
/// A recipe search (experiments/searches/*.json, parsed by <see cref="RecipeSearchFile"/>): the base experiment, the
/// axes of the space to search, the final training budget, and successive halving's shape: <see cref="Rungs"/> rungs,
/// each keeping the best 1/<see cref="Eta"/> of the trials and training them at <see cref="Eta"/> times the budget, the
/// last at the full budget. Trials are judged on <see cref="Validation"/> (evaluations of validation splits) by the
/// mean of <see cref="Objective"/>; the base's own evaluations (test splits) are run once, on the winner.
/// </summary>
public sealed record RecipeSearch(
    string Name,
    JsonObject Base,
    IReadOnlyList<StudyAxis> Space,
    double BudgetGflops,
    int Eta,
    int Rungs,
    long Seed,
    JsonArray Validation,
    IReadOnlyList<string> Objective)
{
    /// <summary>Stores and teacher runs the trials need, as a study's (cross-fitted teachers for a quality cut).</summary>
    public IReadOnlyList<StudyPrepareStep> Prepare { get; init; } = [];

    /// <summary>
    /// Whether the base recipe itself (the user's current recipe) is trained in every rung beside the trials, never
    /// dropped, and recommended unless a trial beats it on validation at the full budget (default true).
    /// </summary>
    public bool Incumbent { get; init; } = true;

    /// <summary>
    /// Seeds each finalist (the incumbent too) trains with at the full budget, ranked by their mean (default 1). The
    /// last rung decides the answer, and one seed per recipe decides nothing when seeds differ by a point or two.
    /// </summary>
    public int FinalSeeds { get; init; } = 1;

    /// <summary>Trials the last rung compares at the full budget besides the incumbent: at least this many when the rung before had more.</summary>
    public const int Finalists = 2;

    /// <summary>Trials the first rung trains: Eta^(Rungs - 1), or every point of a smaller space.</summary>
    public int FirstRungTrials => (int)Math.Pow(Eta, Rungs - 1);

    /// <summary>The training budget of a rung's trials in GFLOPs: the full budget divided by Eta once per rung still to come.</summary>
    public double RungBudget(int rung) => BudgetGflops / Math.Pow(Eta, Rungs - 1 - rung);
}
