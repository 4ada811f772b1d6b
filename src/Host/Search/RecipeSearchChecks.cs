using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Search;

namespace ClipHost.Host.Search;

/// <summary>
/// Every point of a search (and the incumbent) checked as its first-rung trial, as a submission of that run would be, before anything
/// trains: the CLI and the service refuse a search by the same rules, each error naming the point and the field.
/// </summary>
public static class RecipeSearchChecks
{
    public static List<OptionError> Refusals(RecipeSearch search, IEnumerable<ICommandValidator<CreateRunCommand>> validators, string source)
    {
        ArgumentNullException.ThrowIfNull(search);
        var checks = validators.ToList();
        // Every point names the same stores: each samples file is parsed once for all of them.
        using var reads = StoreReadScope.Begin();
        var (points, expansion) = RecipeSearchPlan.Points(search);
        // The incumbent trains too: when the space does not hold the base recipe it is a point of its own, checked alike.
        var checkedPoints = RecipeSearchPlan.Incumbent(search, points) is { } incumbent && !points.Any(p => p.Cell == incumbent.Cell) ? [.. points, incumbent] : points;
        return [.. expansion.Concat(checkedPoints.SelectMany(p => checks.SelectMany(v => v.Validate(new CreateRunCommand(RecipeSearchPlan.Trial(search, p, 0).ExperimentJson, source)))
            .Select(e => e with { Field = $"{p.Cell}: {e.Field}" })))];
    }
}
