using ClipHost.Engine.Experiments;
using ClipHost.Engine.Search;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;

namespace ClipHost.Engine.Tests.Search;

/// <summary>Every search shipped in experiments/searches parses, and each trial of each point passes the experiment validator but for the data it names.</summary>
public sealed class ShippedSearchesTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(Importer.RepositoryRoot(), "experiments", "searches"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryTrial_Validates_ButForTheDataItNames(string file)
    {
        var (search, errors) = RecipeSearchFile.Load(Path.Combine(Importer.RepositoryRoot(), "experiments", "searches", file));
        Assert.Empty(errors);
        var (points, expansion) = RecipeSearchPlan.Points(search!);
        Assert.Empty(expansion);
        using var empty = new TempDir();
        var validator = new ExperimentValidator(StaticRegistry.Instance, TestLayout.Of(empty.Combine("stores"), empty.Combine("runs"))) { ChecksTeachers = false };
        foreach (var point in points)
        {
            for (var rung = 0; rung < search!.Rungs; rung++)
            {
                var (config, parseErrors) = ExperimentJson.Parse(RecipeSearchPlan.Trial(search, point, rung).ExperimentJson, "experiment", point.Cell);
                Assert.Empty(parseErrors);
                var left = validator.Validate(config!).Where(e => !e.Message.StartsWith("no store '", StringComparison.Ordinal)).ToList();
                Assert.True(left.Count == 0, $"{file} {point.Cell} rung {rung}: {string.Join("; ", left)}");
            }
        }
        // The trials cost a few budgets (the incumbent, the finalists and their seeds included), within the 10x the
        // issue allows with room for the prepare steps' teachers (0.8 budgets in the shipped search).
        var sizes = RecipeSearchPlan.RungSizes(search!, points);
        Assert.InRange(sizes.Select((n, r) => n * search!.RungBudget(r)).Sum(), search!.BudgetGflops, 9 * search.BudgetGflops);
    }
}
