using System.Globalization;

namespace ClipHost.Engine.Search;

/// <summary>
/// What a search spent, as every run prices its training (compute.json's trainingGflops), against the recipe's budget:
/// its trials (the winner's own training included) and the runs its prepare steps trained (the cross-fitted teachers a
/// quality cut needs: the search would not run without them). Forward-only work (the teachers scoring the pool, the
/// trials' validation) is not counted; docs/recipe-search.md sizes it.
/// </summary>
/// <param name="TrialGflops">The finished trials' training GFLOPs.</param>
/// <param name="Trials">How many trials spent them.</param>
/// <param name="PrepareGflops">The prepare steps' runs' training GFLOPs.</param>
/// <param name="PrepareRuns">How many prepare runs have trained.</param>
/// <param name="BudgetGflops">The recipe's training budget.</param>
public sealed record RecipeSearchCompute(double TrialGflops, int Trials, double PrepareGflops, int PrepareRuns, double BudgetGflops)
{
    public double TotalGflops => TrialGflops + PrepareGflops;

    public double TimesBudget => TotalGflops / BudgetGflops;

    /// <summary>One sentence for the report, the page and `recipe status`.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{TotalGflops:N0} training GFLOPs = {TimesBudget:F2} x the budget of {BudgetGflops:N0}: {TrialGflops:N0} over {Trials} trials (the winner's own training included) and {PrepareGflops:N0} in {PrepareRuns} prepare run(s) (teachers)");
}
