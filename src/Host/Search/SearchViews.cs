using ClipHost.Host.Dashboard;
using ClipHost.Reports;

namespace ClipHost.Host.Search;

/// <summary>A search as its results page reads it: its status replayed from its trials' runs (<see cref="RecipeSearchStatus"/>).</summary>
public sealed class SearchViews(RecipeSearchStore searches, RunStore runs) : ISearchViews
{
    public SearchView? Find(string name) =>
        searches.Load(name) is { } loaded ? Of(RecipeSearchStatus.Of(loaded.Record, loaded.Search, runs, searches)) : null;

    public static SearchView Of(RecipeSearchStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new SearchView(status.Name, status.BudgetGflops, status.Rung, status.Trials, status.Compute,
            [.. status.Pending.Select(p => new SearchPendingView(p.RunId, p.Cell, p.Status))], status.Winner, status.Finished, status.Stalled, status.Report);
    }
}
