using System.Text.Json;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Paths;

/// <summary>
/// What an experiment names on disk stays inside its root (stores, subsets, teachers), its name leaves room for the run
/// id and the files under it, and its batch fits its training set: each refused before any work, naming the field.
/// </summary>
public sealed class ConfigPathTests
{
    private const int Pairs = 24;

    /// <summary>A real store of <see cref="Pairs"/> noise images under the test's own data root, and one outside it.</summary>
    private static async Task<(string Stores, string Outside)> StoresAsync(TempDir dir)
    {
        for (var i = 0; i < Pairs; i++)
        {
            dir.Write($"in/{i:D3}.png", TestImages.NoisePng(16, i));
            dir.Write($"in/{i:D3}.txt", $"noise number {i}");
        }
        var stores = dir.Combine("data", "stores");
        var source = new CaptionedFolderSource(dir.Combine("in"));
        await Importer.Create().ImportAsync(source, new() { StoresRoot = stores, Name = "tiny", ValFraction = 0, TestFraction = 0 }, null, TestContext.Current.CancellationToken);
        await Importer.Create().ImportAsync(source, new() { StoresRoot = dir.Combine("elsewhere"), Name = "secret" }, null, TestContext.Current.CancellationToken);
        return (stores, dir.Combine("elsewhere", "secret"));
    }

    private static ExperimentConfig Config(string name = "paths", int batch = 8, string store = "tiny") => TinyExperiments.Tiny(name, samples: 16, batch: batch) with
    {
        Data = new DataConfig { Store = store, Train = new SampleSelection() },
        Evaluations = [],
    };

    private static ExperimentValidator Validator(string stores, string? runs = null) =>
        new(StaticRegistry.Instance, TestLayout.Of(stores, runs ?? Path.Combine(Path.GetTempPath(), "no-runs"))) { ChecksTeachers = runs is not null };

    [Fact]
    public async Task StoreOutsideTheDataRoot_AbsoluteOrDotDot_IsRefusedNamingTheField()
    {
        using var dir = new TempDir();
        var (stores, outside) = await StoresAsync(dir);
        Assert.Empty(Validator(stores).Validate(Config()));

        foreach (var store in new[] { outside, Path.GetRelativePath(stores, outside), "../stores/tiny", "./tiny", "" })
        {
            var errors = Validator(stores).Validate(Config(store: store));
            Assert.True(errors.Any(e => e.Field == "data.store"), $"data.store '{store}' was accepted: {string.Join("; ", errors)}");
            var evaluation = new EvaluationConfig { Name = "e", Task = "zeroshot_retrieval", Store = store };
            errors = Validator(stores).Validate(Config() with { Evaluations = [evaluation] });
            Assert.True(errors.Any(e => e.Field == "evaluations[0].store"), $"evaluations[0].store '{store}' was accepted: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public async Task TrainingReadsNothingOutsideTheDataRoot()
    {
        using var dir = new TempDir();
        var (stores, outside) = await StoresAsync(dir);
        var options = new TrainRunOptions { Layout = TestLayout.Of(stores, dir.Combine("runs")), Device = CPU };

        var refused = Assert.Throws<OptionsValidationFailedException>(() =>
            new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(Config(store: Path.GetRelativePath(stores, outside)), options, null, TestContext.Current.CancellationToken));

        Assert.Equal("data.store", Assert.Single(refused.Errors).Field);
        Assert.False(Directory.Exists(dir.Combine("runs")));
    }

    [Fact]
    public async Task NameTooLongForARunFolder_IsRefusedNamingTheFieldAndTheLimit()
    {
        using var dir = new TempDir();
        var (stores, _) = await StoresAsync(dir);

        var errors = Validator(stores).Validate(Config(name: new string('n', 300)));

        var error = Assert.Single(errors);
        Assert.Equal("name", error.Field);
        Assert.Contains("128", error.Message, StringComparison.Ordinal);
        Assert.Empty(Validator(stores).Validate(Config(name: new string('n', 128))));
        // The service appends a 21-character timestamp to make a run id; the limit leaves room for it there.
        var submitted = new ExperimentValidator(StaticRegistry.Instance, TestLayout.Of(stores, Path.Combine(Path.GetTempPath(), "no-runs"))) { NameSuffixLength = 21 }.Validate(Config(name: new string('n', 120)));
        Assert.Equal("name", Assert.Single(submitted).Field);
        Assert.Contains("107", submitted[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluationNameOrSubsetThatIsNotAnIdentifier_IsRefusedNamingTheField()
    {
        using var dir = new TempDir();
        var (stores, _) = await StoresAsync(dir);
        var evaluation = new EvaluationConfig { Name = new string('e', 200), Task = "zeroshot_retrieval", Store = "tiny" };

        Assert.Equal("evaluations[0].name", Assert.Single(Validator(stores).Validate(Config() with { Evaluations = [evaluation] })).Field);
        foreach (var subset in new[] { "../subsets/x", "/tmp", ".." })
        {
            var config = Config() with { Data = Config().Data with { Subset = subset } };
            Assert.Equal("data.subset", Assert.Single(Validator(stores).Validate(config)).Field);
        }
    }

    [Fact]
    public async Task TeacherOutsideTheRunsRoot_IsRefusedNamingTheField()
    {
        using var dir = new TempDir();
        var (stores, _) = await StoresAsync(dir);
        // A folder holding a checkpoint's files, outside the runs root: the locator used to take any such path.
        var planted = dir.Combine("elsewhere", "checkpoint");
        foreach (var file in new[] { CheckpointStore.Weights, CheckpointStore.ModelConfig, CheckpointStore.Tokenizer })
        {
            dir.Write(Path.Combine("elsewhere", "checkpoint", file), "{}");
        }
        Directory.CreateDirectory(dir.Combine("runs"));

        foreach (var teacher in new[] { planted, Path.GetRelativePath(dir.Combine("runs"), planted), "../elsewhere/checkpoint" })
        {
            var step = new FilterStep("clip-score", JsonDocument.Parse($$"""{ "teacher": {{JsonSerializer.Serialize(teacher)}}, "topPercent": 50 }""").RootElement.Clone());
            var errors = Validator(stores, dir.Combine("runs")).Validate(Config() with { Data = Config().Data with { Filters = [step] } });
            var error = Assert.Single(errors);
            Assert.Equal("data.filters[0].options.teacher", error.Field);
            Assert.Contains("runs root", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BatchLargerThanTheTrainingSet_IsRefusedNamingTheFieldAndTheSetSize()
    {
        using var dir = new TempDir();
        var (stores, _) = await StoresAsync(dir);

        var error = Assert.Single(Validator(stores).Validate(Config(batch: 1000)));

        Assert.Equal("training.batchSize", error.Field);
        Assert.Contains($"{Pairs}", error.Message, StringComparison.Ordinal);
        Assert.Empty(Validator(stores).Validate(Config(batch: Pairs)));
    }

    [Fact]
    public async Task BatchLargerThanWhatTheFiltersKeep_IsRefusedAfterFilteringBeforeTheFirstStep()
    {
        using var dir = new TempDir();
        var (stores, _) = await StoresAsync(dir);
        var options = new TrainRunOptions { Layout = TestLayout.Of(stores, dir.Combine("runs")), Device = CPU };
        var quarter = new FilterStep("random-subset", JsonDocument.Parse("""{ "fraction": 0.25 }""").RootElement.Clone());
        var config = Config(batch: 16) with { Data = Config().Data with { Filters = [quarter] } };

        var refused = Assert.Throws<OptionsValidationFailedException>(() =>
            new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(config, options, null, TestContext.Current.CancellationToken));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("training.batchSize", error.Field);
        Assert.Contains($"{Pairs / 4}", error.Message, StringComparison.Ordinal);
        Assert.Null(new CheckpointStore(dir.Combine("runs", "paths")).Latest);
    }
}
