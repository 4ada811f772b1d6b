using System.Text.Json;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Training;

/// <summary>Short real trainings on the emoji fixture.</summary>
public sealed class TrainerTests(EmojiStoreFixture data)
{
    private static Trainer NewTrainer() => new(StaticRegistry.Instance, NullLogger<Trainer>.Instance);

    private TrainRunOptions Options(string runs, long? stopAfter = null, bool fresh = false) => new()
    {
        Layout = TestLayout.Of(data.StoresRoot, runs),
        Device = CPU,
        StopAfterSteps = stopAfter,
        Fresh = fresh,
    };

    [Fact]
    public void Train_OnRealEmoji_LossFalls()
    {
        using var runs = new TempDir();
        var result = NewTrainer().Train(TinyExperiments.Tiny("falls", samples: 64 * 300), Options(runs.Path), null, TestContext.Current.CancellationToken);

        Assert.True(result.Completed);
        var losses = File.ReadLines(Path.Combine(result.RunDirectory, "metrics.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("loss").GetDouble()).ToList();
        Assert.Equal(30, losses.Count);
        // Chance for a batch of 64 is ln 64 = 4.16; a model that learns nothing stays there. Single batches are
        // noisy, so compare the mean of the last five logged losses.
        var late = losses.TakeLast(5).Average();
        var trace = string.Join(" → ", losses.Select(l => l.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(late < 0.8 * Math.Log(64), $"loss went {trace}");
        Assert.True(late < losses.Take(3).Average() - 0.6, $"loss went {trace}");
        Assert.Equal(64 * 300, result.Compute.SamplesSeen);
        Assert.True(result.Compute.ImageForwardGflopsPerSample > 0 && result.Compute.TextForwardGflopsPerSample > 0);
        Assert.Equal(3 * (result.Compute.ImageForwardGflops + result.Compute.TextForwardGflops), result.Compute.TrainingGflops, 6);
        Assert.Equal(result.Compute.ImageForwardGflopsPerView * 64 * 300, result.Compute.ImageForwardGflops, 3);
        Assert.Equal(result.Compute.ImageForwardGflopsPerView, result.Compute.ImageForwardGflopsPerSample, 9);
    }

    [Fact]
    public void Train_InterruptedAndResumed_EndsWhereAnUninterruptedRunEnds()
    {
        using var runs = new TempDir();
        var config = TinyExperiments.Tiny("whole", samples: 64 * 12, seed: 5);
        var whole = NewTrainer().Train(config, Options(runs.Combine("a")), null, TestContext.Current.CancellationToken);

        var first = NewTrainer().Train(config, Options(runs.Combine("b"), stopAfter: 5), null, TestContext.Current.CancellationToken);
        Assert.False(first.Completed);
        Assert.Equal(5, first.State.Step);
        var resumed = NewTrainer().Train(config, Options(runs.Combine("b")), null, TestContext.Current.CancellationToken);
        Assert.True(resumed.Completed);

        var a = SafeTensors.Load(Path.Combine(whole.Checkpoint, CheckpointStore.Weights), out _);
        var b = SafeTensors.Load(Path.Combine(resumed.Checkpoint, CheckpointStore.Weights), out _);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var key in a.Keys)
        {
            var difference = (a[key] - b[key]).abs().max().item<float>();
            Assert.True(difference <= 1e-6f, $"{key} differs by {difference}");
        }
        Assert.Equal(whole.State.Loss!.Value, resumed.State.Loss!.Value, 6);
    }

    [Fact]
    public void Train_CompletedRun_IsNotTrainedAgain_AndAChangedConfigIsRefused()
    {
        using var runs = new TempDir();
        var config = TinyExperiments.Tiny("once", samples: 64 * 2);
        var done = NewTrainer().Train(config, Options(runs.Path), null, TestContext.Current.CancellationToken);
        var compute = Path.Combine(done.RunDirectory, "compute.json");
        var figures = File.ReadAllText(compute);
        // As if killed between the last checkpoint and compute.json: the finished run writes it from that checkpoint.
        File.Delete(compute);
        var again = NewTrainer().Train(config, Options(runs.Path), null, TestContext.Current.CancellationToken);
        Assert.Equal(done.Checkpoint, again.Checkpoint);
        Assert.True(File.Exists(compute), "a finished run left without compute.json stays without it");
        Assert.Equal(figures, File.ReadAllText(compute));

        var changed = config with { Training = config.Training with { LearningRate = 1e-4 } };
        var error = Assert.Throws<OptionsValidationFailedException>(() => NewTrainer().Train(changed, Options(runs.Path), null, TestContext.Current.CancellationToken));
        Assert.Equal("name", Assert.Single(error.Errors).Field);
        NewTrainer().Train(changed, Options(runs.Path, fresh: true), null, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("architecture", "model.vision.architecture")]
    [InlineData("budget", "training.budget.samples")]
    [InlineData("store", "data.store")]
    [InlineData("strategy", "strategy.id")]
    [InlineData("vit", "model.vision.options.width")]
    [InlineData("labels", "evaluations[0].labels")]
    public void Train_BadConfig_IsRefusedBeforeAnyWork_NamingTheField(string fault, string field)
    {
        using var runs = new TempDir();
        var good = TinyExperiments.Tiny("bad", samples: 64);
        var bad = fault switch
        {
            "architecture" => good with { Model = good.Model with { Vision = good.Model.Vision with { Architecture = "resnet-9000" } } },
            "budget" => good with { Training = good.Training with { Budget = new BudgetConfig { Samples = -5 } } },
            "store" => good with { Data = good.Data with { Store = "no-such-store" } },
            "strategy" => good with { Strategy = new StrategyConfig { Id = "magic" } },
            "vit" => good with { Model = good.Model with { Vision = good.Model.Vision with { Options = JsonDocument.Parse("""{"patchSize": 4, "width": 30, "depth": 2, "heads": 4}""").RootElement } } },
            "labels" => good with { Evaluations = [good.Evaluations[0] with { Labels = "flavour" }] },
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };

        var error = Assert.Throws<OptionsValidationFailedException>(() => NewTrainer().Train(bad, Options(runs.Path), null, TestContext.Current.CancellationToken));

        Assert.Contains(error.Errors, e => e.Field == field);
        Assert.Empty(Directory.EnumerateFileSystemEntries(runs.Path));
    }

    [Fact]
    public void Evaluate_WritesOneClipBenchmarkFilePerDatasetAndTask()
    {
        using var runs = new TempDir();
        var config = TinyExperiments.Tiny("evaluated", samples: 64 * 3);
        var trained = NewTrainer().Train(config, Options(runs.Path), null, TestContext.Current.CancellationToken);
        var output = runs.Combine("eval");

        var results = new Evaluator(StaticRegistry.Instance).Evaluate(new(trained.Checkpoint, config.Name, config.Evaluations, TestLayout.Of(data.StoresRoot, runs.Path), output, CPU, ClipHost.Engine.Experiments.Precision.Fp32), TestContext.Current.CancellationToken);

        Assert.Equal(2, results.Count);
        var zeroShot = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "emoji-google_zeroshot_classification.json"))).RootElement;
        Assert.Equal("emoji-google", zeroShot.GetProperty("dataset").GetString());
        Assert.Equal("evaluated", zeroShot.GetProperty("model").GetString());
        Assert.Equal("zeroshot_classification", zeroShot.GetProperty("task").GetString());
        var acc1 = zeroShot.GetProperty("metrics").GetProperty("acc1").GetDouble();
        Assert.InRange(acc1, 0, 1);
        Assert.Equal(1.0 / zeroShot.GetProperty("classes").GetInt32(), zeroShot.GetProperty("chance").GetProperty("acc1").GetDouble(), 10);
        var retrieval = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "emoji-pairs_zeroshot_retrieval.json"))).RootElement.GetProperty("metrics");
        foreach (var k in new[] { 1, 5, 10 })
        {
            Assert.InRange(retrieval.GetProperty($"text_retrieval_recall@{k}").GetDouble(), 0, 1);
            Assert.InRange(retrieval.GetProperty($"image_retrieval_recall@{k}").GetDouble(), 0, 1);
        }
        Assert.True(retrieval.GetProperty("text_retrieval_recall@10").GetDouble() >= retrieval.GetProperty("text_retrieval_recall@1").GetDouble());
    }
}
