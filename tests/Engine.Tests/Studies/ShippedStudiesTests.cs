using ClipHost.Engine.Experiments;
using ClipHost.Engine.Studies;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;

namespace ClipHost.Engine.Tests.Studies;

/// <summary>
/// Every study shipped in experiments/studies parses, expands, and each of its cells passes the experiment validator's
/// checks of its components and options; only the data it names (stores, teachers, prepared by the study's documented
/// command) is left to the machine that runs it.
/// </summary>
public sealed class ShippedStudiesTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(Importer.RepositoryRoot(), "experiments", "studies"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryCell_Validates_ButForTheDataItNames(string file)
    {
        var (study, errors) = StudyFile.Load(Path.Combine(Importer.RepositoryRoot(), "experiments", "studies", file));
        Assert.Empty(errors);
        var (cells, expansion) = StudyExpansion.Expand(study!);
        Assert.Empty(expansion);
        Assert.NotEmpty(cells);
        using var empty = new TempDir();
        var validator = new ExperimentValidator(StaticRegistry.Instance, TestLayout.Of(empty.Combine("stores"), empty.Combine("runs"))) { ChecksTeachers = false };
        foreach (var cell in cells)
        {
            var (config, parseErrors) = ExperimentJson.Parse(cell.ExperimentJson, "experiment", cell.Cell);
            Assert.Empty(parseErrors);
            var left = validator.Validate(config!).Where(e => !e.Message.StartsWith("no store '", StringComparison.Ordinal)).ToList();
            Assert.True(left.Count == 0, $"{file} {cell.Cell}: {string.Join("; ", left)}");
        }
    }

    [Fact]
    public void EveryReproductionStudy_HasThreeSeedsOrMore_PerCell()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Importer.RepositoryRoot(), "experiments", "studies"), "*.json"))
        {
            var (study, _) = StudyFile.Load(file);
            var seeds = study!.Axes.SingleOrDefault(a => a.IsSeed);
            Assert.True(seeds is not null && seeds.Levels.Count >= 3, $"{Path.GetFileName(file)}: a study decides nothing with fewer than three seeds per cell");
        }
    }
}
