using System.Text.Json;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Training;

/// <summary>
/// training.budget.gflops: runs that differ in image tower or strategy, given the same budget, spend it to within 2%
/// (the last step is whole) in as many steps as each one's cost allows; bad budgets are refused before any work.
/// </summary>
public sealed class GflopsBudgetTests(EmojiStoreFixture data)
{
    // At batch 2 and 32 px this is 15 (SLIP: three views and a head) to 76 (FLIP, half the patches) steps. A whole last
    // step could leave SLIP up to 3% off; at this budget every cell lands within 0.5%, so a step priced otherwise than it
    // is spent shows, and the five runs take 250 steps rather than the 500 that 25 SLIP steps would need.
    private const double Budget = 30.5;

    private const int Batch = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Trainer NewTrainer() => new(StaticRegistry.Instance, NullLogger<Trainer>.Instance);

    private TrainRunOptions Options(string runs, long? stopAfter = null) => new() { Layout = TestLayout.Of(data.StoresRoot, runs), Device = CPU, StopAfterSteps = stopAfter };

    private static ExperimentConfig Mini(string architecture, string strategy = "clip", string options = "{}")
    {
        var tiny = TinyExperiments.Tiny($"gflops-{architecture}-{strategy}", samples: 1, batch: Batch);
        return tiny with
        {
            Model = tiny.Model with { Vision = new ImageTowerConfig { Architecture = architecture, ImageSize = 32, Options = JsonDocument.Parse("""{"preset": "mini"}""").RootElement } },
            Strategy = new StrategyConfig { Id = strategy, Options = JsonDocument.Parse(options).RootElement },
            Training = tiny.Training with { Budget = new BudgetConfig { Gflops = Budget } },
        };
    }

    private static RunCompute Recorded(string runDirectory) =>
        JsonSerializer.Deserialize<RunCompute>(File.ReadAllText(Path.Combine(runDirectory, "compute.json")), Json)!;

    [Fact]
    public void OneBudget_OnEachTowerAndStrategy_IsSpentWithinTwoPercent_InDifferentStepCounts()
    {
        using var runs = new TempDir();
        ExperimentConfig[] cells =
        [
            Mini("vit"), Mini("resnet"), Mini("convnext"), Mini("vit", "slip"),
            Mini("vit", "flip", """{"maskRatio": 0.5, "unmaskedFraction": 0.2}"""),
        ];
        var steps = new List<long>();
        foreach (var cell in cells)
        {
            var result = NewTrainer().Train(cell, Options(runs.Path), null, TestContext.Current.CancellationToken);
            var compute = Recorded(result.RunDirectory);
            var gap = (compute.TrainingGflops - Budget) / Budget;
            Assert.True(Math.Abs(gap) <= 0.02, $"{cell.Name}: {compute.TrainingGflops:F2} GFLOPs in {result.State.Step} steps for a budget of {Budget}");
            Assert.Equal(new RunBudget("gflops", Budget, result.State.Step, result.State.Step * Batch), compute.Budget);
            Assert.Equal(gap, compute.BudgetGap!.Value, 9);
            Assert.Equal(result.State.Step * Batch, compute.SamplesSeen);
            steps.Add(result.State.Step);
        }
        Assert.Equal(cells.Length, steps.Distinct().Count());
    }

    [Fact]
    public void GflopsRun_InterruptedAndResumed_KeepsItsStepsAndEndsWhereAnUninterruptedRunEnds()
    {
        using var runs = new TempDir();
        var config = TinyExperiments.Tiny("gflops-whole", samples: 1, batch: 16, seed: 5);
        config = config with { Training = config.Training with { Budget = new BudgetConfig { Gflops = 2.5 } } };
        var whole = NewTrainer().Train(config, Options(runs.Combine("a")), null, TestContext.Current.CancellationToken);

        var first = NewTrainer().Train(config, Options(runs.Combine("b"), stopAfter: 5), null, TestContext.Current.CancellationToken);
        Assert.Equal(whole.State.TotalSteps, first.State.TotalSteps);
        var resumed = NewTrainer().Train(config, Options(runs.Combine("b")), null, TestContext.Current.CancellationToken);

        Assert.True(whole.State.TotalSteps > 5, $"{whole.State.TotalSteps} steps leave nothing to resume");
        Assert.True(resumed.Completed);
        Assert.Equal(whole.State.TotalSteps, resumed.State.TotalSteps);
        Assert.Equal(whole.State.Step, resumed.State.Step);
        Assert.Equal(Recorded(whole.RunDirectory).TrainingGflops, Recorded(resumed.RunDirectory).TrainingGflops, 9);
        var a = SafeTensors.Load(Path.Combine(whole.Checkpoint, CheckpointStore.Weights), out _);
        var b = SafeTensors.Load(Path.Combine(resumed.Checkpoint, CheckpointStore.Weights), out _);
        Assert.All(a.Keys, key => Assert.True((a[key] - b[key]).abs().max().item<float>() <= 1e-6f, $"{key} differs"));
    }

    public static readonly TheoryData<string, string> BadBudgets = new()
    {
        { "none", "training.budget" },
        { "samples and gflops", "training.budget" },
        { "epochs and gflops", "training.budget" },
        { "zero", "training.budget.gflops" },
        { "negative", "training.budget.gflops" },
        { "below one step", "training.budget.gflops" },
    };

    [Theory]
    [MemberData(nameof(BadBudgets))]
    public void BadBudget_IsRefusedBeforeAnyWork_NamingTheField(string fault, string field)
    {
        using var runs = new TempDir();
        var budget = fault switch
        {
            "none" => new BudgetConfig(),
            "samples and gflops" => new BudgetConfig { Samples = 64, Gflops = 100 },
            "epochs and gflops" => new BudgetConfig { Epochs = 1, Gflops = 100 },
            "zero" => new BudgetConfig { Gflops = 0 },
            "negative" => new BudgetConfig { Gflops = -3 },
            _ => new BudgetConfig { Gflops = 0.01 },
        };
        var good = Mini("vit");
        var bad = good with { Training = good.Training with { Budget = budget } };

        var error = Assert.Throws<OptionsValidationFailedException>(() => NewTrainer().Train(bad, Options(runs.Path), null, TestContext.Current.CancellationToken));

        var refusal = Assert.Single(error.Errors);
        Assert.Equal(field, refusal.Field);
        Assert.Empty(Directory.EnumerateFileSystemEntries(runs.Path));
        if (fault == "below one step")
        {
            Assert.Contains("one step", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AStrategyThatDoesNotPlan_IsPricedAsOneFullProjectedViewPerPair_ByTheHandFormula()
    {
        var config = Mini("resnet");
        using var model = TinyExperiments.BuildModel(config);
        var vision = config.Model.Vision;
        var capabilities = StaticRegistry.Instance.FindEncoder(vision.Architecture)!.Describe(vision.Options, new(vision.ImageSize, 3, 0));
        using var clip = StaticRegistry.Instance.FindStrategy("clip")!.Create(null, new StrategyContext(capabilities, model.Visual.FeatureDim, vision.ImageSize, CPU, 0, NoServices.Instance));
        var embed = config.Model.EmbedDim;
        var text = model.Text.ForwardMacs() + ((long)config.Model.Text.Width * embed);

        var unplanned = new StepCost(new Unplanned(clip), model.Visual, embed, text, Batch, vision.ImageSize);

        Assert.False(unplanned.Planned);
        var byHand = 3 * 2.0 * Batch * (model.Visual.ForwardMacs(32) + ((long)model.Visual.FeatureDim * embed) + text) / 1e9;
        Assert.Equal(byHand, unplanned.GflopsAt(7, 10), 9);
        Assert.Equal(byHand, new StepCost(clip, model.Visual, embed, text, Batch, vision.ImageSize).GflopsAt(7, 10), 9);
        Assert.Equal(10 * byHand, unplanned.TotalGflops(10), 6);
        Assert.Equal(10, unplanned.StepsFor(10.4 * byHand));
        Assert.Equal(11, unplanned.StepsFor(10.6 * byHand));
    }

    /// <summary>A strategy plugin written before PlanPasses existed: it keeps the interface's default.</summary>
    private sealed class Unplanned(ITrainingStrategy inner) : ITrainingStrategy
    {
        public nn.Module? ExtraModule => null;

        public StepResult ComputeLoss(ClipBatch batch, IClipModel model, StepContext context) => inner.ComputeLoss(batch, model, context);

        public void Dispose()
        {
        }
    }

    [Fact]
    public void GflopsBudget_LeavesTheHashOfSamplesAndEpochsConfigsAlone_AndEntersItsOwn()
    {
        var config = Mini("vit");
        var samples = config with { Training = config.Training with { Budget = new BudgetConfig { Samples = 64 } } };
        var json = JsonSerializer.Serialize(samples.Training.Budget, ExperimentJson.Options);
        Assert.DoesNotContain("gflops", json, StringComparison.Ordinal);
        Assert.NotEqual(ConfigHash.Of(config), ConfigHash.Of(config with { Training = config.Training with { Budget = new BudgetConfig { Gflops = Budget * 2 } } }));
    }
}
