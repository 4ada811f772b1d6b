using System.Text.Json;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Training;

/// <summary>training.evalEvery on real emoji: validation lines at the cadence, an exact resume, refusals naming the field.</summary>
public sealed class EvalEveryTests(EmojiStoreFixture data)
{
    private static Trainer NewTrainer() => new(StaticRegistry.Instance, NullLogger<Trainer>.Instance);

    private TrainRunOptions Options(string runs, long? stopAfter = null) => new()
    {
        Layout = TestLayout.Of(data.StoresRoot, runs),
        Device = CPU,
        StopAfterSteps = stopAfter,
    };

    private static ExperimentConfig WithEvalEvery(ExperimentConfig config, EvalEveryConfig every) =>
        config with { Training = config.Training with { EvalEvery = every } };

    [Fact]
    public void EvalEvery_LogsValidationAtItsSteps_AndAResumedRunEndsBitForBitWhereAnUninterruptedOneDoes()
    {
        using var runs = new TempDir();
        var plain = TinyExperiments.Tiny("plain", samples: 64 * 12, seed: 3);
        // Every 256 samples seen = every 4 steps of 64, and always at the end (step 12).
        var config = WithEvalEvery(plain with { Name = "probed" }, new EvalEveryConfig { Samples = 256, ValidationSamples = 64 });
        var whole = NewTrainer().Train(config, Options(runs.Combine("a")), null, TestContext.Current.CancellationToken);
        var unprobed = NewTrainer().Train(plain, Options(runs.Combine("c")), null, TestContext.Current.CancellationToken);

        var lines = Validation(whole.RunDirectory);
        Assert.Equal([4L, 8L, 12L], lines.Select(l => l.Step));
        Assert.All(lines, l =>
        {
            Assert.Equal(64, l.Values.GetProperty("samples").GetInt32());
            Assert.Equal(Math.Log(64), l.Values.GetProperty("chanceLoss").GetDouble(), 9);
            Assert.InRange(l.Values.GetProperty("image_retrieval_recall@1").GetDouble(), 0, 1);
        });
        // The towers learn: the validation loss falls below where it started.
        Assert.True(lines[^1].Values.GetProperty("loss").GetDouble() < lines[0].Values.GetProperty("loss").GetDouble(), string.Join(" ", lines.Select(l => l.Values.GetProperty("loss"))));
        // Measuring changes nothing: the same weights as the run without it, and the same config hash.
        AssertSameWeights(unprobed.Checkpoint, whole.Checkpoint);
        Assert.Equal(ConfigHash.Of(plain with { Name = "probed" }), ConfigHash.Of(config));

        var first = NewTrainer().Train(config, Options(runs.Combine("b"), stopAfter: 6), null, TestContext.Current.CancellationToken);
        Assert.False(first.Completed);
        var resumed = NewTrainer().Train(config, Options(runs.Combine("b")), null, TestContext.Current.CancellationToken);
        AssertSameWeights(whole.Checkpoint, resumed.Checkpoint);
        var again = Validation(resumed.RunDirectory);
        Assert.Equal([4L, 8L, 12L], again.Select(l => l.Step));
        Assert.Equal(lines[^1].Values.GetProperty("loss").GetDouble(), again[^1].Values.GetProperty("loss").GetDouble(), 5);
    }

    [Fact]
    public void EvalEvery_Bad_IsRefusedBeforeAnyWork_NamingTheField()
    {
        using var runs = new TempDir();
        var good = TinyExperiments.Tiny("bad-every", samples: 64);
        var both = WithEvalEvery(good, new EvalEveryConfig { Steps = 2, Samples = 128 });
        var noVal = WithEvalEvery(good with { Data = good.Data with { Train = good.Data.Train with { Split = "test" } } }, new EvalEveryConfig { Steps = 2 });
        var noValStore = noVal with { Data = noVal.Data with { Train = new SampleSelection { Split = "train", Only = new Dictionary<string, string[]> { ["style"] = ["no-such-style"] } } } };

        var error = Assert.Throws<OptionsValidationFailedException>(() => NewTrainer().Train(both, Options(runs.Path), null, TestContext.Current.CancellationToken));
        Assert.Contains(error.Errors, e => e.Field == "training.evalEvery.steps");
        Assert.Empty(Directory.EnumerateFileSystemEntries(runs.Path));
        error = Assert.Throws<OptionsValidationFailedException>(() => NewTrainer().Train(noValStore, Options(runs.Path), null, TestContext.Current.CancellationToken));
        Assert.Contains(error.Errors, e => e.Field == "data.train");
    }

    private static List<(long Step, JsonElement Values)> Validation(string runDirectory) =>
        [.. File.ReadLines(Path.Combine(runDirectory, "metrics.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.TryGetProperty("validation", out _))
            .Select(l => (l.GetProperty("step").GetInt64(), l.GetProperty("validation").Clone()))];

    private static void AssertSameWeights(string expected, string actual)
    {
        var a = SafeTensors.Load(Path.Combine(expected, CheckpointStore.Weights), out _);
        var b = SafeTensors.Load(Path.Combine(actual, CheckpointStore.Weights), out _);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var key in a.Keys)
        {
            Assert.True((a[key] - b[key]).abs().max().item<float>() == 0, $"{key} differs");
        }
    }
}
