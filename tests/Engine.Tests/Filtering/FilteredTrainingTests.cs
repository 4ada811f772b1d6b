using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Model;
using ClipHost.Reports;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>Data filters declared in an experiment (data.filters) and training on a named subset (data.subset): what was trained on, and why, stays with the run.</summary>
public sealed class FilteredTrainingTests(EmojiStoreFixture data)
{
    private static FilterStep ClipScore(string teacher, double topPercent) =>
        new("clip-score", JsonDocument.Parse($$"""{ "teacher": {{JsonSerializer.Serialize(teacher)}}, "topPercent": {{topPercent}} }""").RootElement.Clone());

    private TrainRunOptions Options(TempDir dir, long? stopAfter = null) => new()
    {
        Layout = TestLayout.Of(data.StoresRoot, dir.Combine("runs"), dir.Combine("subsets"), dir.Combine("scores")),
        Device = CPU,
        StopAfterSteps = stopAfter,
    };

    private static Trainer Trainer() => new(StaticRegistry.Instance, NullLogger<Trainer>.Instance);

    private int[] Selected(ExperimentConfig config)
    {
        using var store = ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));
        return config.Data.Train.Select(store);
    }

    /// <summary>
    /// The teacher copied under the test's own runs root (a teacher path must resolve inside the runs root), so the test
    /// can take it away.
    /// </summary>
    private string TeacherCopy(TempDir dir)
    {
        var source = EmojiTeacher.Checkpoint(data);
        var target = dir.Combine("runs", "teacher", Path.GetFileName(source));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return target;
    }

    [Fact]
    public void FiltersInTheConfig_ChooseTheTrainingSet_RecordItsLineage_AndAResumedRunDoesNotFilterAgain()
    {
        using var dir = new TempDir();
        var teacher = TeacherCopy(dir);
        var config = TinyExperiments.Tiny("filtered", samples: 64 * 8) with { };
        config = config with { Data = config.Data with { Filters = [ClipScore(teacher, 25)] } };
        var selected = Selected(config);

        var first = Trainer().Train(config, Options(dir, stopAfter: 3), null, TestContext.Current.CancellationToken);
        Assert.False(first.Completed);

        var folder = Path.Combine(first.RunDirectory, TrainingSet.Folder);
        var subset = SubsetFiles.Read(folder)!;
        Assert.Equal((int)Math.Ceiling(selected.Length * 0.25), subset.Ids.Count);
        Assert.Subset(selected.ToHashSet(), subset.Ids.ToHashSet());
        Assert.Equal(subset.Ids.Order(), subset.Ids);
        Assert.Equal("filtered", subset.Name);
        Assert.Contains("split train", subset.Selection, StringComparison.Ordinal);
        var lineage = Assert.Single(subset.Lineage);
        Assert.Equal(("clip-score", selected.Length, subset.Ids.Count, selected.Length - subset.Ids.Count), (lineage.Id, lineage.In, lineage.Kept, lineage.Dropped));
        Assert.StartsWith("ClipHost.Plugins.DataFilters.ClipScore ", lineage.Plugin, StringComparison.Ordinal);
        Assert.Equal(25, lineage.Options!.Value.GetProperty("topPercent").GetDouble());
        // Every candidate's decision is kept for the report, the kept ones being exactly the subset.
        var decisions = SubsetFiles.ReadStep(folder, 0, "clip-score");
        Assert.Equal(selected, decisions.Select(d => d.Id));
        Assert.Equal(subset.Ids, decisions.Where(d => d.Kept).Select(d => d.Id));
        Assert.All(decisions, d => Assert.NotNull(d.Score));
        Assert.All(decisions.Where(d => !d.Kept), d => Assert.StartsWith("clip score", d.Reason, StringComparison.Ordinal));
        // The tokenizer learnt only the kept captions' words... and the budget counts samples, not the subset's size.
        Assert.Equal(64 * 8 / 64, first.State.TotalSteps);

        // The teacher is gone; the run resumes from its checkpoint with the subset it chose, without scoring again.
        Directory.Delete(Path.GetDirectoryName(teacher)!, recursive: true);
        var written = File.GetLastWriteTimeUtc(Path.Combine(folder, SubsetFiles.Record));
        var done = Trainer().Train(config, Options(dir), null, TestContext.Current.CancellationToken);
        Assert.True(done.Completed);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(folder, SubsetFiles.Record)));
        Assert.Equal(subset.Ids, SubsetFiles.Read(folder)!.Ids);

        var summary = RunSummary.Read(done.RunDirectory);
        Assert.Equal(subset.Ids.Count, summary.Subset!.Ids.Count);
        Assert.Contains($"| filtered | {subset.Ids.Count:N0} | {64 * 8:N0} |", RunComparison.Table([summary]), StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingOnANamedSubset_NarrowsToTheSelection_AndCarriesTheSubsetsLineageBeforeItsOwnFilters()
    {
        using var dir = new TempDir();
        var options = Options(dir);
        using var store = ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));
        using var teachers = new TeacherPool(options.Layout.Runs, new ScoreCache(options.Layout.Scores), StaticRegistry.Instance, CPU);
        var teacher = TeacherCopy(dir);
        var context = new FilterContext(0, NullLogger.Instance, teachers.Resolve, NoServices.Instance);
        var steps = FilterPipeline.Run(store, [.. Enumerable.Range(0, store.Count)], [ClipScore(teacher, 60)], StaticRegistry.Instance, context, TestContext.Current.CancellationToken);
        var parentFolder = Path.Combine(options.Layout.Subsets, "best60");
        Directory.CreateDirectory(parentFolder);
        SubsetFiles.Write(parentFolder, new SubsetRecord("best60", EmojiStoreFixture.Store, store.ContentHash, 0, store.Count, "every sample", steps[^1].Result.Kept, [steps[0].Lineage], DateTimeOffset.UtcNow), steps);

        var config = TinyExperiments.Tiny("on-subset", samples: 64 * 2);
        config = config with { Data = config.Data with { Subset = "best60", Filters = [ClipScore(teacher, 50)] } };
        var result = Trainer().Train(config, options, null, TestContext.Current.CancellationToken);

        var folder = Path.Combine(result.RunDirectory, TrainingSet.Folder);
        var subset = SubsetFiles.Read(folder)!;
        var within = Selected(config).Intersect(steps[^1].Result.Kept).ToList();
        Assert.Equal((int)Math.Ceiling(within.Count * 0.5), subset.Ids.Count);
        Assert.Subset(within.ToHashSet(), subset.Ids.ToHashSet());
        Assert.Contains("within subset 'best60'", subset.Selection, StringComparison.Ordinal);
        Assert.Equal([(store.Count, steps[0].Lineage.Kept), (within.Count, subset.Ids.Count)], subset.Lineage.Select(l => (l.In, l.Kept)));
        // The steps files follow the lineage: the subset's own first, then the run's.
        Assert.Equal(store.Count, SubsetFiles.ReadStep(folder, 0, "clip-score").Count);
        Assert.Equal(within, SubsetFiles.ReadStep(folder, 1, "clip-score").Select(d => d.Id));
    }

    [Fact]
    public void ConfigFilters_AreDeterministicPerFilterSeed_AndIndependentOfTheTrainingSeed()
    {
        using var dir = new TempDir();
        List<int> Subset(string name, long filterSeed, long trainingSeed)
        {
            var config = TinyExperiments.Tiny(name, samples: 64 * 4, seed: trainingSeed);
            var half = new FilterStep("random-subset", JsonDocument.Parse("""{ "fraction": 0.5 }""").RootElement.Clone());
            config = config with { Data = config.Data with { Filters = [half], FilterSeed = filterSeed } };
            var result = Trainer().Train(config, Options(dir, stopAfter: 1), null, TestContext.Current.CancellationToken);
            return [.. SubsetFiles.Read(Path.Combine(result.RunDirectory, TrainingSet.Folder))!.Ids];
        }

        var first = Subset("seed-a", filterSeed: 5, trainingSeed: 0);
        Assert.Equal((int)Math.Ceiling(Selected(TinyExperiments.Tiny("x", 64)).Length * 0.5), first.Count);
        Assert.Equal(first, Subset("seed-b", filterSeed: 5, trainingSeed: 1));
        Assert.NotEqual(first, Subset("seed-c", filterSeed: 6, trainingSeed: 0));
    }

    [Fact]
    public void BadDataSections_AreRefusedBeforeAnyWork_NamingTheField()
    {
        using var dir = new TempDir();
        var options = Options(dir);
        using (var store = ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store)))
        {
            Directory.CreateDirectory(Path.Combine(options.Layout.Subsets, "stale"));
            SubsetFiles.Write(Path.Combine(options.Layout.Subsets, "stale"), new SubsetRecord("stale", EmojiStoreFixture.Store, new string('0', 64), 0, store.Count, "every sample", [1, 2, 3], [], DateTimeOffset.UtcNow), []);
            Directory.CreateDirectory(Path.Combine(options.Layout.Subsets, "elsewhere"));
            SubsetFiles.Write(Path.Combine(options.Layout.Subsets, "elsewhere"), new SubsetRecord("elsewhere", "openclipart", store.ContentHash, 0, store.Count, "every sample", [1, 2, 3], [], DateTimeOffset.UtcNow), []);
        }
        var baseConfig = TinyExperiments.Tiny("refused", samples: 64);
        (DataConfig Data, string Field, string Message)[] cases =
        [
            (baseConfig.Data with { Filters = [new FilterStep("no-such-filter")] }, "data.filters[0].id", "unknown filter 'no-such-filter'; loaded: caption-length, clip-score, dedup-exact"),
            (baseConfig.Data with { Filters = [ClipScore("t", 0)] }, "data.filters[0].options.topPercent", "(0, 100]"),
            (baseConfig.Data with { Filters = [ClipScore("no-such-run", 30)] }, "data.filters[0].options.teacher", "no run or checkpoint 'no-such-run'"),
            (baseConfig.Data with { Subset = "nope" }, "data.subset", "no subset 'nope'"),
            (baseConfig.Data with { Subset = "stale" }, "data.subset", "another version of store 'emoji'"),
            (baseConfig.Data with { Subset = "elsewhere" }, "data.subset", "over store 'openclipart'"),
        ];
        foreach (var (dataSection, field, message) in cases)
        {
            var e = Assert.Throws<OptionsValidationFailedException>(() => Trainer().Train(baseConfig with { Data = dataSection }, options, null, TestContext.Current.CancellationToken));
            var error = Assert.Single(e.Errors);
            Assert.Equal(field, error.Field);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(Path.Combine(options.Layout.Runs, "refused")));

        // Filters that leave nothing are refused before the first step, saying how many were selected.
        var none = baseConfig with { Data = baseConfig.Data with { Filters = [new FilterStep("clip-score", JsonDocument.Parse($$"""{ "teacher": {{JsonSerializer.Serialize(TeacherCopy(dir))}}, "threshold": 1 }""").RootElement.Clone())] } };
        var empty = Assert.Throws<OptionsValidationFailedException>(() => Trainer().Train(none, options, null, TestContext.Current.CancellationToken));
        Assert.Equal("data.filters", Assert.Single(empty.Errors).Field);
        Assert.Contains($"no training samples are left of the {Selected(none).Length} selected", empty.Errors[0].Message, StringComparison.Ordinal);
        Assert.Null(new ClipHost.Engine.Checkpoints.CheckpointStore(Path.Combine(options.Layout.Runs, "refused")).Latest);
    }
}
