using System.Text.Json;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Plugins;

/// <summary>
/// A budget in GFLOPs is turned into steps from the passes a strategy plans before training, and the run then records
/// the passes its steps really made: for every built-in strategy the two must be the same, or a run would miss its budget.
/// </summary>
public sealed class StrategyPlanContractTests
{
    private const long TotalSteps = 10;

    /// <summary>Strategy, options, and the steps to compare (FLIP's in its masked phase and in its unmasked tail).</summary>
    public static readonly TheoryData<string, string, long> Steps = new()
    {
        { "clip", "{}", 0 },
        { "clip", "{}", 9 },
        { "augment", """{"policy": "cropFlip", "captionDeletion": 0.2}""", 3 },
        { "slip", "{}", 0 },
        { "slip", """{"sslScale": 0}""", 4 },
        { "flip", """{"maskRatio": 0.75, "unmaskedFraction": 0.2}""", 0 },
        { "flip", """{"maskRatio": 0.75, "unmaskedFraction": 0.2}""", 7 },
        { "flip", """{"maskRatio": 0.75, "unmaskedFraction": 0.2}""", 8 },
        { "flip", """{"maskRatio": 0.5}""", 9 },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void PlannedPasses_EqualThePassesTheStepReports(string id, string options, long step)
    {
        var tiny = TinyExperiments.Tiny($"plan-{id}", samples: 64);
        var vision = tiny.Model.Vision;
        using var model = ModelFactory.Build(tiny.Model, 0, StaticRegistry.Instance);
        var capabilities = StaticRegistry.Instance.FindEncoder(vision.Architecture)!.Describe(vision.Options, new(vision.ImageSize, 3, 0));
        var context = new StrategyContext(capabilities, model.Visual.FeatureDim, vision.ImageSize, CPU, 0, NoServices.Instance);
        using var strategy = StaticRegistry.Instance.FindStrategy(id)!.Create(JsonDocument.Parse(options).RootElement, context);
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        var raw = randint(0, 256, [4, vision.ImageSize, vision.ImageSize, 3], dtype: ScalarType.Byte);
        var batch = new ClipBatch(randn(4, 3, vision.ImageSize, vision.ImageSize), raw, randint(4, 500, [4, 12]), [0, 1, 2, 3]);
        using var generator = new Generator(0, CPU);

        var made = strategy.ComputeLoss(batch, model, new StepContext(step, TotalSteps, generator, Training: true)).ImagePasses;
        var planned = strategy.PlanPasses(batch.Count, step, TotalSteps);

        Assert.NotNull(planned);
        Assert.Equal(made, planned);
    }
}
