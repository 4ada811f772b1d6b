using ClipHost.Engine.Search;

namespace ClipHost.Reports;

/// <summary>A trial of the rung under way, as the search page lists it: its run and that run's status.</summary>
public sealed record SearchPendingView(string RunId, string Cell, string Status);

/// <summary>A recipe search as its results page reads it: where it stands, every finished trial, and once done its report.</summary>
public sealed record SearchView(
    string Name,
    double BudgetGflops,
    int Rung,
    IReadOnlyList<RecipeTrialRow> Trials,
    RecipeSearchCompute Compute,
    IReadOnlyList<SearchPendingView> Pending,
    string? Winner,
    bool Finished,
    string? Stalled,
    string? Report);
