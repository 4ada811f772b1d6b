using ClipHost.Reports;

namespace ClipHost.Host.Dashboard;

/// <summary>Finds a recipe search's view by name for the results routes; the search layer registers one (none: no search pages).</summary>
public interface ISearchViews
{
    SearchView? Find(string name);
}
